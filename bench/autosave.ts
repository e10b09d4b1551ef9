/**
 * What autosave costs at 300 and 1,000 tables, by thread. On the main thread: the delta of one
 * edit (`diffSchemaObjects`) and the structured clone `postMessage` makes of the save request.
 * In the storage worker: applying the delta and serializing the whole document. For comparison,
 * the main-thread alternative the worker replaces: `serializeDocument` of the whole design.
 *
 * `node bin/run-ts.js bench/autosave.ts [--sizes=300,1000]`
 */
import os from 'node:os'
import { createDocument, renameColumn, serializeDocument } from '../core/index.ts'
import type { Layout, TableId } from '../core/index.ts'
import { generateDesign } from '../core/testing/generate.ts'
import { applySchemaDelta, diffSchemaObjects } from '../web/worker/schema-delta.ts'

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
const sizes = (arg('sizes') ?? '300,1000').split(',').map(Number)
const runs = 60

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)]!
const ms = (x: number) => x.toFixed(2)

function time(run: () => unknown): number[] {
  for (let i = 0; i < 5; i++) run()
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    run()
    out.push(performance.now() - t0)
  }
  return out
}

console.log(`autosave cost, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, Node ${process.version}`)
console.log('tables | main: delta + clone (median / p95 ms) | worker: apply + serialize (median / p95 ms) | main-thread serialize instead (median ms) | text KB')
for (const n of sizes) {
  const { schema } = generateDesign({ tables: n })
  const layout: Layout = { tables: Object.fromEntries(schema.tables.map((t, i) => [t.id, { x: (i % 40) * 460, y: Math.floor(i / 40) * 400 }])) as Layout['tables'] }
  const doc = createDocument({ name: 'Bench', schema, layout })
  const { schema: _schema, ...meta } = doc
  // One edit: a column renamed in the middle table (a new table object, the rest shared).
  const table = schema.tables[Math.floor(n / 2)]!
  let k = 0
  const edited = () => renameColumn(schema, table.id as TableId, table.columns[0]!.id, `renamed_${k++}`)
  const next = edited()

  const main = time(() => structuredClone({ id: 1, request: { kind: 'save', sync: { base: 1, generation: 2, delta: diffSchemaObjects(schema, next) }, meta, id: 'p', base: 1, writer: 'w' } }))
  const worker = time(() => serializeDocument({ ...meta, schema: applySchemaDelta(schema, diffSchemaObjects(schema, edited())) }))
  const inline = time(() => serializeDocument({ ...doc, schema: edited() }))
  const kb = serializeDocument(doc).length / 1024
  console.log(`${n} | ${ms(median(main))} / ${ms(p95(main))} | ${ms(median(worker))} / ${ms(p95(worker))} | ${ms(median(inline))} | ${kb.toFixed(0)}`)
}
