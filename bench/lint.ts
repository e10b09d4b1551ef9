/**
 * Lint speed, for `npm run bench` (bench/run.ts calls `benchLint()`; `node bin/run-ts.js
 * bench/lint.ts` runs it alone):
 *
 * - the full rule set (recommended) on the generated 1,000-table design and on the 1,010-table
 *   corpus DBML (`dbml-parse-bench-25k.dbml`, imported once, outside the timing);
 * - incremental re-lint with `createLinter` after a one-table edit (a column made nullable).
 *
 * Every full run gets a deep copy of the design: the engine and the model cache derived data per
 * schema and per table object, and a real edit produces new objects, so a cached run would flatter
 * us. Wall time is the median; CPU time (user) is reported too because a busy machine inflates wall
 * time while this process waits.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createLinter, importSchema, lint, updateColumn } from '../core/index.ts'
import type { Schema } from '../core/index.ts'
import { generateDesign } from '../core/testing/generate.ts'

export interface LintTiming {
  readonly runs: number
  /** Wall-clock median and 95th percentile, ms. */
  readonly median: number
  readonly p95: number
  /** User CPU time, median, ms. */
  readonly cpuMedian: number
}

export interface LintBench {
  readonly generated: { readonly tables: number; readonly findings: number; readonly full: LintTiming; readonly incremental: LintTiming; readonly reusedTables: number }
  readonly corpusDbml?: { readonly tables: number; readonly findings: number; readonly full: LintTiming }
  readonly targetMs: number
  readonly met: boolean
}

const round = (x: number) => Math.round(x * 100) / 100
function timing(wall: number[], cpu: number[]): LintTiming {
  const sorted = [...wall].sort((a, b) => a - b)
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!
  const cpuSorted = [...cpu].sort((a, b) => a - b)
  return { runs: wall.length, median: round(rank(0.5)), p95: round(rank(0.95)), cpuMedian: round(cpuSorted[Math.floor(cpuSorted.length / 2)]!) }
}

function measure<T>(runs: number, prepare: () => T, run: (input: T) => void): LintTiming {
  const wall: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < runs + 3; i++) {
    const input = prepare()
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    run(input)
    const dt = performance.now() - t0
    const dc = process.cpuUsage(c0).user / 1000
    // The first runs warm the JIT up.
    if (i >= 3) (wall.push(dt), cpu.push(dc))
  }
  return timing(wall, cpu)
}

export async function benchLint(options: { runs?: number; seed?: number; corpus?: boolean } = {}): Promise<LintBench> {
  const runs = options.runs ?? 15
  const { schema } = generateDesign({ tables: 1000, seed: options.seed ?? 1 })
  const copy = (s: Schema) => structuredClone(s)
  const full = measure(runs, () => copy(schema), (s) => lint(s))

  const linter = createLinter()
  linter.lint(schema)
  const table = schema.tables[500]!
  const column = table.columns.find((c) => !table.primaryKey?.columns.includes(c.id)) ?? table.columns[0]!
  let flip = false
  const incremental = measure(runs, () => updateColumn(schema, table.id, column.id, { nullable: (flip = !flip) }), (s) => linter.lint(s))

  let corpusDbml: LintBench['corpusDbml']
  if (options.corpus !== false) {
    const path = fileURLToPath(new URL('../../shared/corpus/dbml/dbml-parse-bench-25k.dbml', import.meta.url))
    const imported = await importSchema('dbml', readFileSync(path, 'utf8'))
    if (imported.ok) {
      const timed = measure(Math.max(5, Math.floor(runs / 2)), () => copy(imported.schema), (s) => lint(s))
      corpusDbml = { tables: imported.schema.tables.length, findings: lint(imported.schema).length, full: timed }
    }
  }
  const targetMs = 50
  return {
    generated: { tables: schema.tables.length, findings: lint(schema).length, full, incremental, reusedTables: linter.lastRun.reused },
    ...(corpusDbml ? { corpusDbml } : {}),
    targetMs,
    met: full.median < targetMs,
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const result = await benchLint({ corpus: !process.argv.includes('--no-corpus') })
  console.log(JSON.stringify(result, null, 2))
}
