/**
 * Typing in the code panel with a 300-table design open in the DBML view: how long from a
 * keystroke to the canvas showing it, and the longest main-thread task while typing.
 *
 * A column of one table is renamed character by character (a rename in place keeps the column's
 * id, so the canvas redraws one table). Measured on the page's clock:
 * - Ctrl+Enter: a keystroke, then Ctrl+Enter (parse at once) → the node shows the new name. The
 *   system's own latency: worker parse, re-attached ids, one-table delta, store, canvas, paint.
 * - pause: a keystroke alone → the node shows it; includes the 400 ms pause after typing.
 * - the longest main-thread task from the first keystroke to the last update (long tasks, > 50 ms,
 *   from a PerformanceObserver installed before the app's first script; 0 means none).
 *
 * Run by `npm run bench:web` (bench/web/run.ts) as `default(ctx)`. The design is opened through
 * the app's own "Designs → Open file…", so this module needs nothing but a served app.
 */
import type { Browser, Page } from 'playwright-core'
import { createDocument, exportSchema, serializeDocument, sourceRanges } from '../../core/index.ts'
import { generateDesign } from '../../core/testing/generate.ts'

interface Row {
  scenario: string
  metric: string
  value: number
  unit: string
}

const tables = 300
const rounds = 5
const targets = { keystrokeMs: 300, taskMs: 50 }
const scenario = `code panel, ${tables} tables, DBML view`

export default async function codeTyping(ctx: { baseURL: string; browser: Browser }): Promise<Row[]> {
  const { schema } = generateDesign({ tables, seed: 1 })
  const document = createDocument({ name: `Generated ${tables}`, schema })
  // The table to type in: one in `public`, so its DBML header is `Table name {`.
  const publicId = schema.namespaces.find((n) => n.name === 'public')?.id
  // A column nothing else names (no key, index, check or relationship), so that renaming it in the
  // text is a complete edit at every keystroke, as a person renaming a plain column does.
  const everything = JSON.stringify(schema)
  const plain = (id: string) => everything.split(`"${id}"`).length === 2
  const table = schema.tables.find((t) => t.namespaceId === publicId && t.columns.some((c) => plain(c.id)))
  const column = table?.columns.find((c) => plain(c.id))
  if (!table || !column) throw new Error('code-typing: the generated design has no plain column in a public table.')
  const dbml = exportSchema('dbml', schema, { document }).text
  const header = sourceRanges('dbml', dbml).tables.get(`public.${table.name}`)
  const columnLine = sourceRanges('dbml', dbml).columns.get(`public.${table.name}.${column.name}`)
  if (!header || !columnLine) throw new Error(`code-typing: table ${table.name} is not found in its own DBML.`)

  const context = await ctx.browser.newContext({ baseURL: ctx.baseURL, viewport: { width: 1600, height: 1000 } })
  try {
    const page = await context.newPage()
    await page.addInitScript(recordLongTasks)
    page.on('pageerror', (e) => console.error(`code-typing: page error: ${e.message}`))
    await page.goto('/')
    await page.locator('.react-flow__node').first().waitFor({ state: 'visible', timeout: 60_000 })
    await openDesignFile(page, serializeDocument(document))
    await page.getByText(`${tables} tables`).first().waitFor({ timeout: 120_000 })

    // The table in view at a readable zoom: picked in the table list, which reveals it.
    await page.getByPlaceholder('Filter tables').fill(table.name)
    await page.locator('.cf-outline__item').filter({ hasText: table.name }).first().click()
    const node = page.getByRole('group', { name: table.name, exact: true })
    await node.getByText(column.name, { exact: true }).waitFor({ timeout: 60_000 })

    await page.getByRole('button', { name: 'Code panel' }).click()
    const panel = page.getByRole('complementary', { name: 'Code' })
    await panel.locator('.monaco-editor').waitFor({ timeout: 120_000 })
    await panel.getByRole('tab', { name: 'DBML', exact: true }).click()
    const status = panel.locator('.cf-code-panel__bar').getByRole('status')
    await status.getByText('In sync with the diagram').waitFor({ timeout: 120_000 })

    // The cursor before the column's name: go to its line (Ctrl+G), then to its first character.
    await panel.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('Control+G')
    await page.keyboard.type(String(columnLine.line))
    await page.keyboard.press('Enter')
    await page.keyboard.press('Home')

    let name = column.name
    const typeOne = async (withEnter: boolean): Promise<number> => {
      name = `x${name}`
      const start = await pageNow(page)
      await page.keyboard.type('x')
      if (withEnter) await page.keyboard.press('Control+Enter')
      const end = await shown(page, table.name, name)
      await status.getByText('In sync with the diagram').waitFor({ timeout: 60_000 })
      // The cursor is still where the user left it: right after the typed x, before the name.
      await page.keyboard.press('ArrowLeft')
      return end - start
    }

    // Warm-up, not measured: the DBML compiler's first load and the JIT.
    try {
      await typeOne(true)
    } catch (e) {
      if (process.env.CF_BENCH_DEBUG) {
        await page.screenshot({ path: process.env.CF_BENCH_DEBUG })
        console.error('status:', await status.innerText())
      }
      throw e
    }
    await typeOne(true)

    // CF_BENCH_PROFILE=file.cpuprofile: a CPU profile of the main thread over the measured typing.
    const profiler = process.env.CF_BENCH_PROFILE ? await context.newCDPSession(page) : undefined
    if (profiler) {
      await profiler.send('Profiler.enable')
      await profiler.send('Profiler.start')
    }
    const typingStart = await pageNow(page)
    const withEnter: number[] = []
    for (let i = 0; i < rounds; i++) withEnter.push(await typeOne(true))
    const withPause: number[] = []
    for (let i = 0; i < rounds; i++) withPause.push(await typeOne(false))
    const typingEnd = await pageNow(page)
    if (profiler) {
      const { profile } = await profiler.send('Profiler.stop')
      const { writeFileSync } = await import('node:fs')
      writeFileSync(process.env.CF_BENCH_PROFILE!, JSON.stringify(profile))
    }
    const tasks = await longTasks(page, typingStart, typingEnd)
    const observed = await page.evaluate(() => (globalThis as unknown as { __cfLongTasks?: unknown[] }).__cfLongTasks !== undefined)
    if (!observed) throw new Error('code-typing: this browser reports no long tasks; the main-thread figure would be meaningless.')

    return [
      { scenario, metric: `keystroke + Ctrl+Enter to canvas updated, median of ${rounds} (target < ${targets.keystrokeMs})`, value: round(median(withEnter)), unit: 'ms' },
      { scenario, metric: `keystroke + Ctrl+Enter to canvas updated, worst of ${rounds}`, value: round(Math.max(...withEnter)), unit: 'ms' },
      { scenario, metric: `keystroke to canvas updated with the 400 ms pause, median of ${rounds}`, value: round(median(withPause)), unit: 'ms' },
      { scenario, metric: `longest main-thread task while typing (target < ${targets.taskMs}; 0 = none over 50)`, value: round(tasks.reduce((m, t) => Math.max(m, t.duration), 0)), unit: 'ms' },
      { scenario, metric: 'main-thread tasks over 50 ms while typing', value: tasks.length, unit: 'count' },
    ]
  } finally {
    await context.close()
  }
}

/** Designs → Open file…, as a person opens a saved design. */
async function openDesignFile(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Designs' }).click()
  const dialog = page.getByRole('dialog', { name: 'Designs' })
  await dialog.waitFor({ state: 'visible' })
  const chooser = page.waitForEvent('filechooser')
  await dialog.getByRole('button', { name: 'Open file…' }).click()
  await (await chooser).setFiles({ name: 'bench.crowsfoot.json', mimeType: 'application/json', buffer: Buffer.from(text) })
}

/** The page-clock time of the first painted frame in which the table's node shows `text`. */
async function shown(page: Page, table: string, text: string): Promise<number> {
  // One selector per frame: the poll must not weigh on the main thread it measures. Each new name
  // is the old one with one more character in front, so containing it means showing it.
  const handle = await page.waitForFunction(
    ({ table, text }) => document.querySelector(`.react-flow__node[aria-label="${CSS.escape(table)}"]`)?.textContent?.includes(text) === true,
    { table, text },
    { polling: 'raf', timeout: 60_000 },
  )
  await handle.dispose()
  return page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now())))))
}

function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now())
}

interface LongTask {
  readonly start: number
  readonly duration: number
}

async function longTasks(page: Page, from: number, to: number): Promise<LongTask[]> {
  const all = await page.evaluate(() => (globalThis as unknown as { __cfLongTasks?: LongTask[] }).__cfLongTasks ?? [])
  return all.filter((t) => t.start + t.duration >= from && t.start <= to)
}

// Runs in the page before any of its scripts.
function recordLongTasks(): void {
  const tasks: { start: number; duration: number }[] = []
  ;(globalThis as unknown as { __cfLongTasks: typeof tasks }).__cfLongTasks = tasks
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    delete (globalThis as unknown as { __cfLongTasks?: unknown }).__cfLongTasks
  }
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}
const round = (x: number) => Math.round(x * 10) / 10
