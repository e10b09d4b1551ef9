/**
 * `npm run bench`: the core's speed on generated designs of 100, 300 and 1,000 tables, with
 * @dbml/core exporting the same design to PostgreSQL in the same run for comparison.
 *
 * Measured per size: document load (`parseDocument`) and save (`serializeDocument`), and the
 * PostgreSQL export (`exportSchema('postgres', schema)`), against `ModelExporter.export(database,
 * 'postgres')` of @dbml/core on the same design written as DBML (parsed once, outside the timing).
 * Each operation is warmed up first; the two exports run alternately so that a busy machine slows
 * both alike. Prints a plain-text table and writes `bench/results.json`.
 *
 * Every export gets a fresh schema object: the core caches derived data per schema object
 * (names, id indexes), and an edit always produces a new one, so a cached run would flatter us.
 *
 * Options: `--sizes=100,300` to run fewer sizes, `--seed=N` for another design.
 */
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { ModelExporter, Parser } from '@dbml/core'
import { createDocument, createLinter, exportSchema, exporters, parseDocument, serializeDocument, updateColumn } from '../core/index.ts'
import type { Schema } from '../core/index.ts'
import { generateDesign } from '../core/testing/generate.ts'
import { benchImports } from './imports.ts'
import { benchDiff } from './diff.ts'
import { benchLint } from './lint.ts'

// design.md: lint + all exports of 1,000 tables under 200 ms, at least 5x faster than @dbml/core
// exporting the same schema to PostgreSQL; issue 5: all six exports under 200 ms together.
const targets = { exportMs: 50, exportTables: 1000, speedup: 5, allMs: 200 }

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
const sizes = (arg('sizes') ?? '100,300,1000').split(',').map(Number)
const seed = Number(arg('seed') ?? 1)

const round = (x: number) => Math.round(x * 100) / 100
const ratio = (slow: number, fast: number) => round(slow / fast)

/**
 * What an editor hands the core after each edit: a new schema object in which one table (a column
 * made nullable or not, a different table each time) is new and every other table is shared with
 * the version before. Each call returns the next version of its own chain, so the version before
 * has just been linted or exported by the same task and the per-object caches hold it.
 */
function editChain(start: Schema): () => Schema {
  let current = start
  let k = 0
  return () => {
    const table = current.tables[(k += 37) % current.tables.length]!
    const column = table.columns.find((c) => !table.primaryKey?.columns.includes(c.id)) ?? table.columns[0]!
    current = updateColumn(current, table.id, column.id, { nullable: !column.nullable })
    return current
  }
}
/** A deep copy: no object is shared with any earlier run, so nothing is cached. */
const fresh = (s: Schema) => () => structuredClone(s)

interface Stats {
  readonly runs: number
  readonly median: number
  readonly p95: number
  readonly min: number
  readonly max: number
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b)
  // Nearest rank: the p95 is a run that really happened.
  const rank = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!
  return { runs: s.length, median: round(rank(0.5)), p95: round(rank(0.95)), min: round(s[0]!), max: round(s[s.length - 1]!) }
}

interface Task {
  readonly name: string
  /** Untimed: builds the input of one run. */
  readonly prepare: () => unknown
  readonly run: (input: unknown) => unknown
}

/**
 * Warms every task up, then runs them in turn (a, b, a, b, ...) until each has `runs` samples or
 * the time budget is spent (never fewer than `minRuns`).
 */
function measure(tasks: readonly Task[], options: { warmup: number; runs: number; minRuns: number; budgetMs: number }): Stats[] {
  for (const t of tasks) for (let i = 0; i < options.warmup; i++) t.run(t.prepare())
  const samples = tasks.map(() => [] as number[])
  const start = performance.now()
  for (let r = 0; r < options.runs; r++) {
    if (r >= options.minRuns && performance.now() - start > options.budgetMs) break
    tasks.forEach((t, i) => {
      const input = t.prepare()
      const t0 = performance.now()
      t.run(input)
      samples[i]!.push(performance.now() - t0)
    })
  }
  return samples.map(stats)
}

const countTables = (sql: string) => sql.match(/^CREATE TABLE /gm)?.length ?? 0

interface SizeResult {
  tables: number
  /** The same operations on fresh deep copies (nothing cached), and lint + every export together. */
  cold: { exportCore: Stats; speedup: number; allExports: Record<string, Stats>; allExportsMs: number; lintAndExports: Stats }
  /** Lint (incremental linter) and every export, after a one-table edit. */
  lintAndExports: Stats
  design: { columns: number; foreignKeys: number; indexes: number; enums: number; documentBytes: number; dbmlBytes: number }
  load: Stats
  save: Stats
  exportCore: Stats & { sqlBytes: number }
  exportDbml: Stats & { sqlBytes: number }
  /** Median of every export target, and their sum. */
  allExports: Record<string, Stats>
  allExportsMs: number
  /** @dbml/core reading the DBML: the first call of the size, then warm runs. */
  dbmlParseFirstMs: number
  dbmlParse: Stats
  /** @dbml/core median / core median: how many times faster the core is. */
  speedup: number
  /**
   * Informative, not a target: text to SQL, i.e. core load + export against @dbml/core parse +
   * export (sums of medians).
   */
  textToSql: { coreMs: number; dbmlMs: number; speedup: number }
}

const results: SizeResult[] = []
const began = performance.now()
const loadBefore = os.loadavg()

for (const tables of sizes) {
  const { schema, dbml } = generateDesign({ tables, seed })
  const doc = createDocument({ name: `generated-${tables}`, schema })
  const text = serializeDocument(doc)

  // Sanity first: both sides export every table, and the core reports nothing.
  const ours = exportSchema('postgres', schema)
  if (ours.diagnostics.length) throw new Error(`The generated design has problems: ${ours.diagnostics[0]!.message}`)
  const t0 = performance.now()
  const database = new Parser().parse(dbml, 'dbmlv2')
  const dbmlParseFirstMs = performance.now() - t0
  const theirs = ModelExporter.export(database, 'postgres')
  for (const [who, sql] of [['core', ours.text], ['@dbml/core', theirs]] as const)
    if (countTables(sql) !== tables) throw new Error(`${who} exported ${countTables(sql)} tables, not ${tables}`)
  const parsed = parseDocument(text)
  if (!parsed.ok) throw new Error(`The generated document does not load: ${parsed.diagnostics[0]!.message}`)

  const plan = { warmup: tables >= 1000 ? 5 : 10, runs: tables >= 1000 ? 40 : 60, minRuns: 15, budgetMs: 20_000 }
  const [load] = measure([{ name: 'load', prepare: () => text, run: (t) => parseDocument(t as string) }], plan)
  const [save] = measure([{ name: 'save', prepare: () => doc, run: (d) => serializeDocument(d as typeof doc) }], plan)
  const [core, other, coreCold] = measure(
    [
      { name: 'core', prepare: editChain(schema), run: (s) => exportSchema('postgres', s as typeof schema) },
      { name: '@dbml/core', prepare: () => database, run: (db) => ModelExporter.export(db as typeof database, 'postgres') },
      { name: 'core, cold', prepare: fresh(schema), run: (s) => exportSchema('postgres', s as typeof schema) },
    ],
    { ...plan, runs: tables >= 1000 ? 25 : 40 },
  )
  // Every export target on the same design (issue 5's "all six exports"); `json` is the native file.
  const targetIds = Object.keys(exporters).filter((id) => id !== 'json')
  const targetPlan = { ...plan, warmup: 3, runs: tables >= 1000 ? 11 : 21, minRuns: 5 }
  const perTarget = measure(
    targetIds.map((id) => ({ name: id, prepare: editChain(schema), run: (s) => exportSchema(id, s as typeof schema, { document: doc }) })),
    targetPlan,
  )
  const perTargetCold = measure(
    targetIds.map((id) => ({ name: id, prepare: fresh(schema), run: (s) => exportSchema(id, s as typeof schema, { document: doc }) })),
    targetPlan,
  )
  // What the app does after an edit: re-lint (incrementally) and export to every target.
  const linter = createLinter()
  const everything = (l: ReturnType<typeof createLinter>) => (s: unknown) => {
    l.lint(s as Schema)
    for (const id of targetIds) exportSchema(id, s as Schema, { document: doc })
  }
  const [lintAndExports, lintAndExportsCold] = measure(
    [
      { name: 'lint + exports', prepare: editChain(schema), run: everything(linter) },
      { name: 'lint + exports, cold', prepare: fresh(schema), run: (s) => everything(createLinter())(s) },
    ],
    targetPlan,
  )
  const [dbmlParse] = measure([{ name: 'dbml parse', prepare: () => dbml, run: (d) => new Parser().parse(d as string, 'dbmlv2') }], {
    warmup: 0,
    runs: tables >= 1000 ? 3 : 5,
    minRuns: 3,
    budgetMs: 15_000,
  })
  const all = schema.tables
  results.push({
    tables,
    cold: {
      exportCore: coreCold!,
      speedup: ratio(other!.median, coreCold!.median),
      allExports: Object.fromEntries(targetIds.map((id, i) => [id, perTargetCold[i]!])),
      allExportsMs: round(perTargetCold.reduce((n, x) => n + x.median, 0)),
      lintAndExports: lintAndExportsCold!,
    },
    lintAndExports: lintAndExports!,
    design: {
      columns: all.reduce((n, t) => n + t.columns.length, 0),
      foreignKeys: all.reduce((n, t) => n + t.foreignKeys.length, 0),
      indexes: all.reduce((n, t) => n + t.indexes.length, 0),
      enums: schema.enums.length,
      documentBytes: Buffer.byteLength(text),
      dbmlBytes: Buffer.byteLength(dbml),
    },
    load: load!,
    save: save!,
    exportCore: { ...core!, sqlBytes: Buffer.byteLength(ours.text) },
    exportDbml: { ...other!, sqlBytes: Buffer.byteLength(theirs) },
    allExports: Object.fromEntries(targetIds.map((id, i) => [id, perTarget[i]!])),
    allExportsMs: round(perTarget.reduce((n, x) => n + x.median, 0)),
    dbmlParseFirstMs: Math.round(dbmlParseFirstMs),
    dbmlParse: dbmlParse!,
    speedup: ratio(other!.median, core!.median),
    textToSql: {
      coreMs: round(load!.median + core!.median),
      dbmlMs: round(dbmlParse!.median + other!.median),
      speedup: ratio(dbmlParse!.median + other!.median, load!.median + core!.median),
    },
  })
}

// Imports and lint, on the corpus and the 1,000-table design (skip with --only-export).
const onlyExport = process.argv.includes('--only-export')
const imports = onlyExport ? [] : await benchImports()
const lintResult = onlyExport ? undefined : await benchLint({ runs: 15 })
const diffResult = onlyExport ? undefined : benchDiff({ runs: 20, seed })

// Report.
const cpus = os.cpus()
const machine = {
  node: process.version,
  platform: `${os.platform()} ${os.arch()}`,
  cpus: cpus.length,
  cpuModel: cpus[0]?.model.trim() ?? 'unknown',
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  loadAverageBefore: loadBefore.map(round),
  loadAverageAfter: os.loadavg().map(round),
}
const big = results.find((r) => r.tables === targets.exportTables)
const verdicts: Array<{ target: string; measured: string; met: boolean }> = big
  ? [
      {
        target: `${targets.exportTables.toLocaleString('en')} tables exported to PostgreSQL in under ${targets.exportMs} ms (median, after an edit)`,
        measured: `${big.exportCore.median} ms (p95 ${big.exportCore.p95} ms); cold ${big.cold.exportCore.median} ms`,
        met: big.exportCore.median < targets.exportMs,
      },
      {
        target: `at least ${targets.speedup}x faster than @dbml/core exporting the same design to PostgreSQL (medians, after an edit)`,
        measured: `${big.speedup}x (${big.exportDbml.median} ms vs ${big.exportCore.median} ms); cold ${big.cold.speedup}x (${big.cold.exportCore.median} ms)`,
        met: big.speedup >= targets.speedup,
      },
      {
        target: `lint + all exports of ${targets.exportTables.toLocaleString('en')} tables under ${targets.allMs} ms (median, after an edit)`,
        measured: `${big.lintAndExports.median} ms (p95 ${big.lintAndExports.p95}); cold ${big.cold.lintAndExports.median} ms`,
        met: big.lintAndExports.median < targets.allMs,
      },
    ]
  : []

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
const pad = (s: string | number, n: number) => String(s).padStart(n)
const lines = [
  `Crowsfoot benchmark: generated designs, seed ${seed}`,
  `${machine.node} on ${machine.platform}, ${machine.cpus} CPUs (${machine.cpuModel}), load average ${machine.loadAverageBefore[0]} before, ${machine.loadAverageAfter[0]} after`,
  '',
  `${pad('tables', 7)}${pad('columns', 9)}${pad('FKs', 7)}${pad('indexes', 9)}${pad('enums', 7)}${pad('document', 10)}${pad('DBML', 9)}${pad('SQL', 9)}`,
  ...results.map(
    (r) =>
      `${pad(r.tables, 7)}${pad(r.design.columns, 9)}${pad(r.design.foreignKeys, 7)}${pad(r.design.indexes, 9)}${pad(r.design.enums, 7)}` +
      `${pad(kb(r.design.documentBytes), 10)}${pad(kb(r.design.dbmlBytes), 9)}${pad(kb(r.exportCore.sqlBytes), 9)}`,
  ),
  '',
  `${'operation'.padEnd(34)}${pad('tables', 7)}${pad('runs', 6)}${pad('median ms', 11)}${pad('p95 ms', 9)}`,
]
for (const r of results) {
  const row = (label: string, s: Stats) => `${label.padEnd(34)}${pad(r.tables, 7)}${pad(s.runs, 6)}${pad(s.median.toFixed(2), 11)}${pad(s.p95.toFixed(2), 9)}`
  lines.push(
    row('load document (parseDocument)', r.load),
    row('save document (serializeDocument)', r.save),
    row('PostgreSQL export: core, edit', r.exportCore),
    row('PostgreSQL export: core, cold', r.cold.exportCore),
    row('PostgreSQL export: @dbml/core', r.exportDbml),
    `${'  core speed-up, edit / cold'.padEnd(34)}${pad(r.tables, 7)}${pad('', 6)}${pad(`${r.speedup}x`, 11)}${pad(`${r.cold.speedup}x`, 9)}`,
    ...Object.entries(r.allExports).map(([id, st]) => row(`  export to ${id}, edit`, st)),
    `${'  all exports, edit (sum)'.padEnd(34)}${pad(r.tables, 7)}${pad('', 6)}${pad(r.allExportsMs.toFixed(2), 11)}`,
    ...Object.entries(r.cold.allExports).map(([id, st]) => row(`  export to ${id}, cold`, st)),
    `${'  all exports, cold (sum)'.padEnd(34)}${pad(r.tables, 7)}${pad('', 6)}${pad(r.cold.allExportsMs.toFixed(2), 11)}`,
    row('lint + all exports, edit', r.lintAndExports),
    row('lint + all exports, cold', r.cold.lintAndExports),
    row(`DBML parse: @dbml/core (1st ${r.dbmlParseFirstMs})`, r.dbmlParse),
    `${'  text to SQL: core load+export'.padEnd(34)}${pad(r.tables, 7)}${pad('', 6)}${pad(r.textToSql.coreMs.toFixed(2), 11)}`,
    `${'  text to SQL: @dbml/core'.padEnd(34)}${pad(r.tables, 7)}${pad('', 6)}${pad(r.textToSql.dbmlMs.toFixed(2), 11)}`,
    `${'  text to SQL speed-up'.padEnd(34)}${pad(r.tables, 7)}${pad('', 6)}${pad(`${r.textToSql.speedup}x`, 11)}`,
    '',
  )
}
if (imports.length) {
  lines.push(`${'import'.padEnd(52)}${pad('tables', 7)}${pad('core ms', 10)}${pad('@dbml/core ms', 15)}${pad('speed-up', 10)}`)
  for (const i of imports)
    lines.push(
      `${i.input.padEnd(52)}${pad(i.tables, 7)}${pad(i.coreMedianMs.toFixed(1), 10)}${pad(i.dbmlMedianMs?.toFixed(1) ?? 'cannot read', 15)}${pad(i.speedup ? `${i.speedup}x` : '', 10)}`,
    )
  lines.push('')
}
if (lintResult) {
  const g = lintResult.generated
  lines.push(
    `lint, full rule set, ${g.tables} generated tables (${g.findings} findings): median ${g.full.median} ms wall, ${g.full.cpuMedian} ms CPU`,
    `lint, incremental after a one-table edit (${g.reusedTables} tables reused): median ${g.incremental.median} ms wall, ${g.incremental.cpuMedian} ms CPU`,
    ...(lintResult.corpusDbml
      ? [`lint, corpus DBML ${lintResult.corpusDbml.tables} tables (${lintResult.corpusDbml.findings} findings): median ${lintResult.corpusDbml.full.median} ms wall`]
      : []),
    '',
  )
  verdicts.push({ target: `full lint of 1,000 tables in under ${lintResult.targetMs} ms (median)`, measured: `${g.full.median} ms`, met: lintResult.met })
}
if (diffResult) {
  const d = diffResult
  lines.push(
    `diff + plan, ${d.tables} tables, ${d.edits} edits (${d.changes} changes, ${d.steps} steps), fresh copies: median ${d.diffAndPlan.median} ms wall, ${d.diffAndPlan.cpuMedian} ms CPU`,
    `diff + plan, cached versions: median ${d.diffAndPlanWarm.median} ms wall, ${d.diffAndPlanWarm.cpuMedian} ms CPU; old version fresh, current one cached: ${d.diffAndPlanFirst.median} ms wall, ${d.diffAndPlanFirst.cpuMedian} ms CPU`,
    `diff alone (fresh): ${d.diff.median} ms wall, ${d.diff.cpuMedian} ms CPU`,
    `plan + print + migration rules (fresh): median ${d.printAndLint.median} ms wall, ${d.printAndLint.cpuMedian} ms CPU`,
    '',
  )
  verdicts.push({
    target: `diff and plan of two ${d.tables.toLocaleString('en')}-table designs differing in ${d.edits} edits under ${d.targetMs} ms (median CPU, fresh copies)`,
    measured: `${d.diffAndPlan.cpuMedian} ms CPU (${d.diffAndPlan.median} ms wall; cached versions ${d.diffAndPlanWarm.cpuMedian} ms CPU)`,
    met: d.met,
  })
}
if (big)
  verdicts.push({
    target: `all ${Object.keys(big.allExports).length} exports of ${targets.exportTables.toLocaleString('en')} tables under ${targets.allMs} ms together (sum of medians, after an edit)`,
    measured: `${big.allExportsMs} ms (${Object.entries(big.allExports).map(([id, st]) => `${id} ${st.median}`).join(', ')}); cold ${big.cold.allExportsMs} ms`,
    met: big.allExportsMs < targets.allMs,
  })
const ddl1000 = imports.find((i) => i.input.startsWith('generated 1,000'))
if (ddl1000)
  verdicts.push({
    target: 'the 1,000-table synthetic DDL imports in under 500 ms, at least 10x faster than @dbml/core',
    measured: `${ddl1000.coreMedianMs} ms, ${ddl1000.speedup ?? '?'}x`,
    met: ddl1000.coreMedianMs < 500 && (ddl1000.speedup ?? 0) >= 10,
  })
const largestDdl = imports.find((i) => i.input.includes('largest corpus DDL'))
if (largestDdl)
  verdicts.push({ target: 'import of the largest corpus DDL under 2 s', measured: `${largestDdl.coreMedianMs} ms`, met: largestDdl.coreMedianMs < 2000 })
if (verdicts.length) {
  lines.push('Targets')
  for (const v of verdicts) lines.push(`  [${v.met ? 'met' : 'NOT MET'}] ${v.target}: ${v.measured}`)
  lines.push('')
}
const seconds = Math.round((performance.now() - began) / 100) / 10
lines.push(`Finished in ${seconds} s.`)
console.log(lines.join('\n'))

const out = fileURLToPath(new URL('./results.json', import.meta.url))
const report = { date: new Date().toISOString(), command: 'npm run bench', seed, machine, durationSeconds: seconds, targets: verdicts, sizes: results, imports, lint: lintResult, diff: diffResult }
writeFileSync(out, JSON.stringify(report, null, 2) + '\n')
console.log(`Wrote ${out}`)
