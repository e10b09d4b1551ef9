/**
 * What every browser benchmark needs: a production build served on a free port, Chromium driven
 * by playwright-core, designs opened through the app's own "Open file…" path, and a recorder of
 * main-thread long tasks. Scenario modules (bench/web/*.ts listed in run.ts) get a `BenchContext`
 * and return `BenchRow`s.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'

export type { Browser, Page }

export interface BenchRow {
  readonly scenario: string
  readonly metric: string
  readonly value: number
  readonly unit: string
}

export interface BenchContext {
  readonly baseURL: string
  readonly browser: Browser
}

export const root = fileURLToPath(new URL('../../', import.meta.url))

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CF_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs })
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export interface Served {
  readonly baseURL: string
  close(): Promise<void>
}

/**
 * `vite build` into a temporary directory (the checkout's dist/ stays as it was), then `vite
 * preview` of it. A production build: development React and unbundled modules measure something
 * no one uses.
 */
export async function buildAndServe(options: { port?: number } = {}): Promise<Served> {
  const vite = await import('vite')
  const outDir = mkdtempSync(join(os.tmpdir(), 'crowsfoot-bench-web-'))
  await vite.build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } })
  const port = options.port ?? (await freePort())
  const server = await vite.preview({ root, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true } })
  return {
    baseURL: `http://127.0.0.1:${port}`,
    async close() {
      await server.close()
      rmSync(outDir, { recursive: true, force: true })
    },
  }
}

/** A fresh page (own context: no design of an earlier scenario in IndexedDB) with the long-task recorder. */
export async function newPage(ctx: BenchContext, viewport = { width: 1440, height: 900 }, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await ctx.browser.newContext({ baseURL: ctx.baseURL, viewport, colorScheme, acceptDownloads: true })
  const page = await context.newPage()
  await page.addInitScript(recordLongTasks)
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`))
  await page.goto('/')
  await page.getByRole('application').first().waitFor({ state: 'visible', timeout: 60_000 })
  await page.locator('.react-flow__node').first().waitFor({ state: 'visible', timeout: 60_000 })
  return page
}

export async function closePage(page: Page): Promise<void> {
  await page.context().close()
}

// Runs in the page before any script: every long task (> 50 ms on the main thread) from the start.
function recordLongTasks(): void {
  const tasks: { start: number; duration: number }[] = []
  ;(globalThis as unknown as { __cfLongTasks: typeof tasks }).__cfLongTasks = tasks
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // No longtask support: the recorder stays empty, and `longTasks` says so.
  }
}

export interface LongTask {
  readonly start: number
  readonly duration: number
}

/** The page's clock, so windows of time can be matched against recorded long tasks. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now())
}

/** Long tasks that overlap [from, to] on the page's clock. */
export async function longTasks(page: Page, from: number, to = Infinity): Promise<LongTask[]> {
  const all = await page.evaluate(() => (globalThis as unknown as { __cfLongTasks?: LongTask[] }).__cfLongTasks)
  if (!all) throw new Error('The long-task recorder is not installed in this page (use newPage).')
  return all.filter((t) => t.start + t.duration >= from && t.start <= to)
}

export const longest = (tasks: readonly LongTask[]) => tasks.reduce((m, t) => Math.max(m, t.duration), 0)

/** JS heap in use after a full garbage collection, in bytes. */
export async function usedHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await cdp.detach()
  return usedSize
}

/**
 * Resolves, on the page's clock, when the canvas shows `tables` tables: every node React Flow put
 * in the DOM is measured and visible, and there are as many as there are tables (or, when only
 * visible nodes are rendered, every table node the viewport needs is there; with `all`, every
 * table, as after zooming to fit). Waits one more frame
 * so the time includes the paint.
 */
export async function nodesDrawn(page: Page, tables: number, options: { timeout?: number; all?: boolean } = {}): Promise<number> {
  const handle = await page.waitForFunction(
    ({ expected, all }) => {
      const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node')
      if (nodes.length === 0) return false
      for (const n of nodes) if (n.style.visibility === 'hidden') return false
      const count = Number(document.querySelector('.cf-canvas')?.getAttribute('data-cf-table-count') ?? nodes.length)
      if (count !== expected) return false
      const culled = document.querySelector('.cf-canvas')?.getAttribute('data-cf-culled') === 'true'
      return culled && !all ? nodes.length > 0 : nodes.length === expected
    },
    { expected: tables, all: options.all ?? false },
    { polling: 'raf', timeout: options.timeout ?? 120_000 },
  )
  await handle.dispose()
  return page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now())))))
}

/**
 * Opens a `.crowsfoot.json` text the way a person does: Designs, "Open file…", pick the file.
 * Resolves with the page-clock time at which the file was handed to the app.
 */
export async function openDesign(page: Page, documentText: string, fileName = 'bench.crowsfoot.json'): Promise<number> {
  await page.getByRole('button', { name: 'Designs' }).click()
  const dialog = page.getByRole('dialog', { name: 'Designs' })
  await dialog.waitFor({ state: 'visible' })
  const chooser = page.waitForEvent('filechooser')
  await dialog.getByRole('button', { name: 'Open file…' }).click()
  const start = await pageNow(page)
  await (await chooser).setFiles({ name: fileName, mimeType: 'application/json', buffer: Buffer.from(documentText) })
  return start
}

/** Imports schema text through the Import dialog's file chooser, as a new design. */
export async function importText(page: Page, text: string, fileName: string): Promise<number> {
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Import' })
  await dialog.waitFor({ state: 'visible' })
  const chooser = page.waitForEvent('filechooser')
  await dialog.getByRole('button', { name: /Choose (another )?file/ }).click()
  await (await chooser).setFiles({ name: fileName, mimeType: 'text/plain', buffer: Buffer.from(text) })
  await dialog.getByText(fileName, { exact: true }).waitFor({ state: 'visible' })
  await dialog.getByRole('radiogroup', { name: 'Import into' }).getByRole('radio', { name: 'A new design' }).click()
  const start = await pageNow(page)
  await dialog.getByRole('button', { name: 'Import schema' }).click()
  return start
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits
