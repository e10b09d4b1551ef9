/**
 * Diff and migration speed, for `npm run bench` (bench/run.ts calls `benchDiff()`; `node
 * bin/run-ts.js bench/diff.ts` runs it alone): two versions of the generated 1,000-table design
 * that differ in 50 changes (renames, swaps of names, retypes, columns added and dropped, NOT NULL,
 * indexes, foreign key actions, enum labels added and removed, a table moved, one added, one
 * dropped), diffed by id and planned in safe mode, then printed and checked by the migration rules.
 *
 * Every run gets deep copies of both designs: the core caches derived data (names, id indexes)
 * per schema object, and a real edit produces new objects, so a cached run would flatter us. The
 * two designs share no object either (a structural copy), so no `===` shortcut applies.
 */
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { diffSchemas, lintMigration, planMigration, printMigration } from '../core/index.ts'
import * as edits from '../core/model/edits.ts'
import type { Schema } from '../core/index.ts'
import { generateDesign } from '../core/testing/generate.ts'

export interface DiffTiming {
  readonly runs: number
  readonly median: number
  readonly p95: number
  readonly cpuMedian: number
}

export interface DiffBench {
  readonly tables: number
  readonly changes: number
  readonly steps: number
  readonly edits: number
  /** diffSchemas + planMigration on fresh copies (no cache of either version): the target. */
  readonly diffAndPlan: DiffTiming
  /**
   * The same on versions whose names, id indexes and structural check are cached, as in the app
   * once both versions have been linted or compared once (re-planning after an input, say).
   */
  readonly diffAndPlanWarm: DiffTiming
  /**
   * The app's first comparison: the current design is warm (lint and export have run on it), the
   * saved version it is compared with is not.
   */
  readonly diffAndPlanFirst: DiffTiming
  readonly diff: DiffTiming
  /** printMigration and lintMigration on top, for information. */
  readonly printAndLint: DiffTiming
  readonly targetMs: number
  /** Judged on CPU time: on a shared machine wall time mostly measures the other jobs. */
  readonly met: boolean
}

const round = (x: number) => Math.round(x * 100) / 100

function measure<T>(runs: number, prepare: () => T, run: (input: T) => void): DiffTiming {
  const wall: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < runs + 3; i++) {
    const input = prepare()
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    run(input)
    const dt = performance.now() - t0
    const dc = process.cpuUsage(c0).user / 1000
    if (i >= 3) (wall.push(dt), cpu.push(dc))
  }
  const s = [...wall].sort((a, b) => a - b)
  const rank = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!
  const c = [...cpu].sort((a, b) => a - b)
  return { runs: wall.length, median: round(rank(0.5)), p95: round(rank(0.95)), cpuMedian: round(c[Math.floor(c.length / 2)]!) }
}

/** 50 edits spread over the design, each a kind of change a release makes. */
export function release(a: Schema): { schema: Schema; edits: number } {
  let s = a
  let n = 0
  const text = { kind: 'builtin', name: 'text', arrayDims: 0 } as const
  const apply = (f: () => Schema) => {
    try {
      s = f()
      n++
    } catch {
      // An edit the generated table cannot take (no such column): another one is tried.
    }
  }
  const tables = a.tables
  for (let i = 0; n < 50 && i < tables.length; i++) {
    const t = s.tables.find((x) => x.id === tables[(i * 37) % tables.length]!.id)
    if (!t) continue
    const plain = t.columns.filter((c) => !t.primaryKey?.columns.includes(c.id) && !t.foreignKeys.some((f) => f.columns.includes(c.id)) && !t.uniques.some((u) => u.columns.includes(c.id)) && !t.indexes.some((x) => x.keys.some((k) => k.kind === 'column' && k.columnId === c.id)))
    const c = plain[0]
    switch (i % 12) {
      case 0:
        apply(() => edits.renameTable(s, t.id, `${t.name}_v2`))
        break
      case 1:
        if (c) apply(() => edits.renameColumn(s, t.id, c.id, `${c.name}_renamed`))
        break
      case 2:
        if (plain.length >= 2) apply(() => edits.renameColumn(edits.renameColumn(s, t.id, plain[0]!.id, plain[1]!.name), t.id, plain[1]!.id, plain[0]!.name))
        break
      case 3:
        if (c) apply(() => edits.setColumnType(s, t.id, c.id, text))
        break
      case 4:
        apply(() => edits.addColumn(s, t.id, { id: `co_bench_${i}` as never, name: 'bench_note', type: text, nullable: true }))
        break
      case 5:
        if (c) apply(() => edits.removeColumn(s, t.id, c.id))
        break
      case 6:
        if (c && c.nullable) apply(() => edits.updateColumn(s, t.id, c.id, { nullable: false }))
        else if (c) apply(() => edits.updateColumn(s, t.id, c.id, { nullable: true }))
        break
      case 7:
        if (c) apply(() => edits.addIndex(s, t.id, { id: `ix_bench_${i}` as never, unique: false, method: 'btree', keys: [{ kind: 'column', columnId: c.id }], include: [] }))
        break
      case 8: {
        const fk = t.foreignKeys[0]
        if (fk) apply(() => edits.updateConstraint(s, t.id, fk.id, { onDelete: fk.onDelete === 'restrict' ? 'cascade' : 'restrict' }))
        break
      }
      case 9: {
        const e = s.enums[i % s.enums.length]!
        apply(() => (i % 2 ? edits.addEnumValue(s, e.id, { id: `ev_bench_${i}` as never, name: `bench_${i}` }, 1) : edits.renameEnumValue(s, e.id, e.values[0]!.id, `${e.values[0]!.name}_x`)))
        break
      }
      case 10: {
        const ns = s.namespaces.find((x) => x.id !== t.namespaceId)
        if (ns && !s.tables.some((x) => x.namespaceId === ns.id && x.name === t.name)) apply(() => edits.moveTableToNamespace(s, t.id, ns.id))
        break
      }
      case 11: {
        const id = t.indexes[0]?.id
        if (id) apply(() => edits.updateIndex(s, t.id, id, { where: undefined, keys: t.indexes[0]!.keys.map((k) => ({ ...k, order: k.order ? undefined : ('desc' as const) })) }))
        break
      }
    }
  }
  return { schema: s, edits: n }
}

export function benchDiff(options: { runs?: number; seed?: number } = {}): DiffBench {
  const runs = options.runs ?? 20
  const { schema: a } = generateDesign({ tables: 1000, seed: options.seed ?? 1 })
  const { schema: b, edits: count } = release(a)
  const copies = () => [structuredClone(a), structuredClone(b)] as const
  const plan = planMigration(a, b)
  if (plan.diagnostics.some((d) => d.severity === 'error')) throw new Error(`The bench release does not plan: ${plan.diagnostics[0]!.message}`)
  const diffAndPlan = measure(runs, copies, ([x, y]) => planMigration(x, y, { changes: diffSchemas(x, y) }))
  const [wa, wb] = copies()
  planMigration(wa, wb)
  const diffAndPlanWarm = measure(runs, () => [wa, wb] as const, ([x, y]) => planMigration(x, y, { changes: diffSchemas(x, y) }))
  const diffAndPlanFirst = measure(runs, () => [structuredClone(a), wb] as const, ([x, y]) => planMigration(x, y, { changes: diffSchemas(x, y) }))
  const diff = measure(runs, copies, ([x, y]) => diffSchemas(x, y))
  const printAndLint = measure(Math.max(5, Math.floor(runs / 2)), copies, ([x, y]) => {
    const p = planMigration(x, y)
    printMigration(p, { findings: lintMigration(p) })
  })
  const targetMs = 100
  return {
    tables: a.tables.length,
    changes: plan.changes.length,
    steps: plan.steps.length,
    edits: count,
    diffAndPlan,
    diffAndPlanWarm,
    diffAndPlanFirst,
    diff,
    printAndLint,
    targetMs,
    met: diffAndPlan.cpuMedian < targetMs,
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(JSON.stringify(benchDiff(), null, 2))
}
