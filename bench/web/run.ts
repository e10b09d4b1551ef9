/**
 * `npm run bench:web`: the designer's speed in Chromium, on a production build.
 *
 * - open 100, 300 and 1,000 generated tables (a `.crowsfoot.json` through "Open file…") and the
 *   1,010-table corpus DBML (through Import): time until every node is drawn, JS heap after GC,
 *   longest main-thread task while opening;
 * - pan for 3 s at 1,000 tables, zoomed to fit and at 100 %: frames per second from
 *   requestAnimationFrame, and the longest frame;
 * - rename a column at 300 tables in the inspector: time until the canvas and the problems panel
 *   show the new name, then until the Export dialog's PostgreSQL preview is ready and contains it;
 *   the longest main-thread task (PerformanceObserver "longtask") in each window.
 *
 * Prints a table and writes bench/web/results.json. Scenario modules of other areas (listed in
 * `modules`) run after these when their file exists.
 *
 * Options: `--only=open,pan,rename,corpus,<module>` to run a subset, `--sizes=100,300` for fewer
 * designs to open, `--port=N` to serve on N.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createDocument, serializeDocument, type Schema } from '../../core/index.ts'
import { generateDesign } from '../../core/testing/generate.ts'
import {
  buildAndServe,
  closePage,
  launchChromium,
  longest,
  longTasks,
  newPage,
  nodesDrawn,
  importText,
  openDesign,
  pageNow,
  round,
  usedHeap,
  type BenchContext,
  type BenchRow,
  type Page,
} from './support.ts'

/** Benchmarks of other areas: `bench/web/<name>.ts`, default export `(ctx) => Promise<BenchRow[]>`. */
const modules = ['code-typing']

const targets = { openMs: 3000, openTables: 1000, fps: 30, editTaskMs: 50 }

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
const only = arg('only')?.split(',')
const wanted = (name: string) => !only || only.includes(name)
const sizes = (arg('sizes') ?? '100,300,1000').split(',').map(Number)

const corpusDbml = '/work/shared/corpus/dbml/dbml-parse-bench-25k.dbml'

function designText(tables: number): { text: string; schema: Schema } {
  const { schema } = generateDesign({ tables, seed: 1 })
  return { schema, text: serializeDocument(createDocument({ name: `Generated ${tables}`, schema })) }
}

async function openScenario(ctx: BenchContext, tables: number): Promise<{ rows: BenchRow[]; page: Page }> {
  const page = await newPage(ctx)
  const { text } = designText(tables)
  const start = await openDesign(page, text)
  const drawn = await nodesDrawn(page, tables)
  const tasks = await longTasks(page, start, drawn)
  const heap = await usedHeap(page)
  const dom = await page.evaluate(() => document.getElementsByTagName('*').length)
  // A design opens where the view was; "Fit view" then puts every table on screen at once.
  const fitStart = await pageNow(page)
  await page.locator('.react-flow__controls-fitview').click()
  const fitted = await nodesDrawn(page, tables, { all: true })
  const fitTasks = await longTasks(page, fitStart, fitted)
  const scenario = `open ${tables} tables`
  return {
    page,
    rows: [
      { scenario, metric: 'nodes in view drawn', value: round(drawn - start), unit: 'ms' },
      { scenario, metric: 'longest main-thread task', value: round(longest(tasks)), unit: 'ms' },
      { scenario, metric: 'JS heap after GC', value: round(heap / 2 ** 20), unit: 'MB' },
      { scenario, metric: 'DOM elements', value: dom, unit: '' },
      { scenario, metric: 'fit view: every table drawn', value: round(fitted - fitStart), unit: 'ms' },
      { scenario, metric: 'longest main-thread task, fit view', value: round(longest(fitTasks)), unit: 'ms' },
      { scenario, metric: 'open to every table drawn', value: round(fitted - fitStart + drawn - start), unit: 'ms' },
    ],
  }
}

async function corpusScenario(ctx: BenchContext): Promise<BenchRow[]> {
  const page = await newPage(ctx)
  const text = readFileSync(corpusDbml, 'utf8')
  const start = await importText(page, text, 'dbml-parse-bench-25k.dbml')
  const drawn = await nodesDrawn(page, 1010, { timeout: 300_000 })
  const tasks = await longTasks(page, start, drawn)
  const heap = await usedHeap(page)
  await closePage(page)
  const scenario = 'import corpus DBML (1,010 tables)'
  return [
    { scenario, metric: 'nodes in view drawn', value: round(drawn - start), unit: 'ms' },
    { scenario, metric: 'longest main-thread task', value: round(longest(tasks)), unit: 'ms' },
    { scenario, metric: 'JS heap after GC', value: round(heap / 2 ** 20), unit: 'MB' },
  ]
}

/** A point of the viewport where a press lands on the empty pane (so a drag pans, not moves a table). */
async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect()
    for (let y = pane.top + 30; y < pane.bottom - 30; y += 12)
      for (let x = pane.left + 30; x < pane.right - 240; x += 12) {
        const el = document.elementFromPoint(x, y)
        if (el?.classList.contains('react-flow__pane')) return { x, y }
      }
    return null
  })
  if (!point) throw new Error('No empty spot on the canvas to start a pan from.')
  return point
}

/** Drags the pane back and forth for `ms`, counting animation frames in the page meanwhile. */
async function pan(page: Page, ms: number): Promise<{ fps: number; worstFrame: number; frames: number }> {
  const from = await emptyPanePoint(page)
  // A string, not a function: the TypeScript loader would wrap a named function in a helper the page lacks.
  await page.evaluate(`(() => {
    window.__cfFrames = []
    window.__cfCounting = true
    const tick = (t) => {
      window.__cfFrames.push(t)
      if (window.__cfCounting) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })()`)
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  const end = Date.now() + ms
  for (let i = 0; Date.now() < end; i++) {
    // A slow circle: every frame of it moves the whole diagram.
    const a = i / 12
    await page.mouse.move(from.x + Math.sin(a) * 160, from.y + (1 - Math.cos(a)) * 100)
  }
  await page.mouse.up()
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __cfFrames: number[]; __cfCounting: boolean }
    w.__cfCounting = false
    return w.__cfFrames
  })
  const span = frames[frames.length - 1]! - frames[0]!
  let worst = 0
  for (let i = 1; i < frames.length; i++) worst = Math.max(worst, frames[i]! - frames[i - 1]!)
  return { fps: ((frames.length - 1) * 1000) / span, worstFrame: worst, frames: frames.length }
}

async function panScenario(page: Page): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  const fit = await pan(page, 3000)
  rows.push({ scenario: 'pan 3 s at 1,000 tables, zoomed to fit', metric: 'frames per second', value: round(fit.fps), unit: 'fps' })
  rows.push({ scenario: 'pan 3 s at 1,000 tables, zoomed to fit', metric: 'longest frame', value: round(fit.worstFrame), unit: 'ms' })
  // At 100 % (where people read and edit): zoom in on the middle with the wheel.
  const box = (await page.locator('.react-flow').boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  for (let i = 0; i < 30; i++) {
    await page.mouse.wheel(0, -200)
    await page.waitForTimeout(30)
  }
  await page.waitForTimeout(500)
  const near = await pan(page, 3000)
  rows.push({ scenario: 'pan 3 s at 1,000 tables, zoomed in', metric: 'frames per second', value: round(near.fps), unit: 'fps' })
  rows.push({ scenario: 'pan 3 s at 1,000 tables, zoomed in', metric: 'longest frame', value: round(near.worstFrame), unit: 'ms' })
  return rows
}

async function renameScenario(ctx: BenchContext): Promise<BenchRow[]> {
  const tables = 300
  const page = await newPage(ctx)
  const { text, schema } = designText(tables)
  await openDesign(page, text)
  await nodesDrawn(page, tables)
  // A public table (its name needs no schema prefix) with a column that is not part of a key.
  const table = schema.tables.find((t) => schema.namespaces.find((n) => n.id === t.namespaceId)?.name === 'public' && t.columns.length > 2)!
  const pk = new Set(table.primaryKey?.columns ?? [])
  const column = table.columns.find((c) => !pk.has(c.id) && !table.foreignKeys.some((f) => f.columns.includes(c.id)))!
  // camelCase: the column-name-case rule reports it, so the problems panel has something to show.
  const renamed = `benchRenamed${table.columns.indexOf(column)}`

  await page.getByRole('button', { name: 'Problems panel' }).click()
  const problems = page.getByRole('region', { name: 'Problems' })
  await problems.locator('.cf-problems__row').first().waitFor({ state: 'visible' })
  await page.keyboard.press('Control+k')
  const search = page.getByRole('combobox', { name: 'Search commands and tables' })
  await search.fill(table.name)
  await page.getByRole('listbox', { name: 'Results' }).getByRole('option', { name: new RegExp(`^${table.name}\\b`) }).first().waitFor()
  await search.press('Enter')
  const inspector = page.getByRole('complementary', { name: 'Inspector' })
  const field = inspector.getByRole('group', { name: `Column ${column.name}`, exact: true }).getByLabel('Column name', { exact: true })
  await field.waitFor({ state: 'visible' })
  await page.waitForTimeout(1000)

  const filter = problems.getByRole('searchbox', { name: 'Filter problems' })
  // Waits poll plain DOM text: Playwright's role queries walk the accessibility tree of 300 tables
  // on the page's main thread and would show up as the app's long tasks.
  const shows = (selector: string, text: string) =>
    page.waitForFunction(
      ({ selector, text }) => [...document.querySelectorAll(selector)].some((el) => el.textContent?.includes(text)),
      { selector, text },
      { polling: 'raf', timeout: 60_000 },
    )
  // The inspector commits a name as it is typed: the edit is the fill itself.
  const start = await pageNow(page)
  await field.fill(renamed)
  await shows(`.react-flow__node[data-id="${table.id}"]`, renamed)
  const canvasAt = await pageNow(page)
  // The panel lists problems virtually: filter it to the renamed column to see its finding.
  const filterStart = await pageNow(page)
  await filter.fill(renamed)
  await shows('.cf-problems__row', renamed)
  const problemsAt = await pageNow(page)
  const editTasks = await longTasks(page, start, problemsAt)

  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const exportStart = await pageNow(page)
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await page.waitForFunction(() => [...document.querySelectorAll('.cf-export button')].some((b) => b.textContent?.includes('Download') && !(b as HTMLButtonElement).disabled), undefined, { polling: 'raf', timeout: 60_000 })
  const exportAt = await pageNow(page)
  const exportTasks = await longTasks(page, exportStart, exportAt)
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Download' }).click()
  const sql = readFileSync(await (await download).path(), 'utf8')
  if (!sql.includes(renamed)) throw new Error(`The PostgreSQL export does not contain the renamed column ${renamed}.`)
  await closePage(page)

  const scenario = `rename a column at ${tables} tables`
  return [
    { scenario, metric: 'canvas shows it', value: round(canvasAt - start), unit: 'ms' },
    { scenario, metric: 'problems panel shows it (after filtering)', value: round(problemsAt - filterStart), unit: 'ms' },
    { scenario, metric: 'longest main-thread task, edit to problems', value: round(longest(editTasks)), unit: 'ms' },
    { scenario, metric: 'long tasks (> 50 ms), edit to problems', value: editTasks.length, unit: '' },
    { scenario, metric: 'Export preview ready (PostgreSQL, has it)', value: round(exportAt - exportStart), unit: 'ms' },
    { scenario, metric: 'longest main-thread task, opening Export', value: round(longest(exportTasks)), unit: 'ms' },
  ]
}

function printTable(rows: readonly BenchRow[]): void {
  const w1 = Math.max(...rows.map((r) => r.scenario.length), 8)
  const w2 = Math.max(...rows.map((r) => r.metric.length), 6)
  console.log(`${'scenario'.padEnd(w1)}  ${'metric'.padEnd(w2)}  value`)
  for (const r of rows) console.log(`${r.scenario.padEnd(w1)}  ${r.metric.padEnd(w2)}  ${String(r.value).padStart(9)} ${r.unit}`)
}

function verdicts(rows: readonly BenchRow[]): string[] {
  const find = (scenario: string, metric: string) => rows.find((r) => r.scenario === scenario && r.metric === metric)?.value
  const out: string[] = []
  const open = find('open 1000 tables', 'open to every table drawn')
  if (open !== undefined) out.push(`1,000 tables opened and every one drawn in ${open} ms: ${open < targets.openMs ? 'met' : 'NOT met'} (target < ${targets.openMs} ms)`)
  for (const where of ['zoomed to fit', 'zoomed in']) {
    const fps = find(`pan 3 s at 1,000 tables, ${where}`, 'frames per second')
    if (fps !== undefined) out.push(`panning at 1,000 tables (${where}) ${fps} fps: ${fps > targets.fps ? 'met' : 'NOT met'} (target > ${targets.fps})`)
  }
  const task = find('rename a column at 300 tables', 'longest main-thread task, edit to problems')
  if (task !== undefined) out.push(`edit at 300 tables, longest task ${task} ms: ${task <= targets.editTaskMs ? 'met' : 'NOT met'} (target <= ${targets.editTaskMs} ms)`)
  return out
}

async function main(): Promise<void> {
  const started = Date.now()
  const cpu = process.cpuUsage()
  const load = os.loadavg().map((l) => round(l, 2))
  console.log(`building and serving a production build (load ${load.join(' ')})`)
  const served = await buildAndServe({ port: arg('port') === undefined ? undefined : Number(arg('port')) })
  const browser = await launchChromium()
  const ctx: BenchContext = { baseURL: served.baseURL, browser }
  const rows: BenchRow[] = []
  const report = (more: BenchRow[]) => {
    rows.push(...more)
    printTable(more)
  }
  try {
    if (wanted('open') || wanted('pan'))
      for (const tables of sizes) {
        const { rows: opened, page } = await openScenario(ctx, tables)
        if (wanted('open')) report(opened)
        if (tables === 1000 && wanted('pan')) report(await panScenario(page))
        await closePage(page)
      }
    if (wanted('rename')) report(await renameScenario(ctx))
    if (wanted('corpus')) report(await corpusScenario(ctx))
    for (const name of modules) {
      const file = fileURLToPath(new URL(`./${name}.ts`, import.meta.url))
      if (!wanted(name) && only) continue
      if (!existsSync(file)) {
        console.log(`(${name}: bench/web/${name}.ts is not there; skipped)`)
        continue
      }
      const mod = (await import(pathToFileURL(file).href)) as { default: (ctx: BenchContext) => Promise<BenchRow[]> }
      report(await mod.default(ctx))
    }
  } finally {
    await browser.close()
    await served.close()
  }
  const used = process.cpuUsage(cpu)
  console.log('')
  printTable(rows)
  const lines = verdicts(rows)
  for (const l of lines) console.log(l)
  const loadAfter = os.loadavg().map((l) => round(l, 2))
  const wallS = round((Date.now() - started) / 1000)
  console.log(`wall ${wallS} s; this process's CPU ${round((used.user + used.system) / 1e6)} s (the browser's is not counted); load ${load.join(' ')} -> ${loadAfter.join(' ')}`)
  writeFileSync(
    new URL('./results.json', import.meta.url),
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadBefore: load, loadAfter, wallSeconds: wallS, rows, verdicts: lines }, null, 2)}\n`,
  )
}

await main()
