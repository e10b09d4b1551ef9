// Where the core's time goes on a 1,000-table design, for `node --cpu-prof`: lint and every export
// target, either on fresh deep copies (`cold`: nothing cached) or after a one-column edit of the
// previous version (`edit`: the rest of the design shared, as in the editor).
// Usage: node bin/run-ts.js bench/profile-core.ts [cold|edit] [all|lint|<target>] [runs]
import { createLinter, exportSchema, updateColumn } from '../core/index.ts'
import type { Schema } from '../core/index.ts'
import { generateDesign } from '../core/testing/generate.ts'

const mode = process.argv[2] ?? 'cold'
const what = process.argv[3] ?? 'all'
const runs = Number(process.argv[4] ?? 12)
const { schema } = generateDesign({ tables: 1000, seed: 1 })
const targets = ['postgres', 'prisma', 'drizzle', 'mermaid', 'dbml', 'markdown'].filter((t) => what === 'all' || what === t)
const linter = createLinter()
let current: Schema = schema
let flip = false
const step = (s: Schema) => {
  const times: string[] = []
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  if (what === 'all' || what === 'lint') {
    const a = performance.now()
    ;(mode === 'cold' ? createLinter() : linter).lint(s)
    times.push(`lint ${(performance.now() - a).toFixed(1)}`)
  }
  for (const id of targets) {
    const a = performance.now()
    exportSchema(id, s)
    times.push(`${id} ${(performance.now() - a).toFixed(1)}`)
  }
  const cpu = process.cpuUsage(c0)
  return `${(performance.now() - t0).toFixed(1)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(1)} ms CPU: ${times.join(', ')}`
}
if (mode === 'edit') step(current)
for (let i = 0; i < runs; i++) {
  let s: Schema
  if (mode === 'cold') s = structuredClone(schema)
  else {
    const table = current.tables[(i * 37) % current.tables.length]!
    const column = table.columns.find((c) => !table.primaryKey?.columns.includes(c.id)) ?? table.columns[0]!
    s = current = updateColumn(current, table.id, column.id, { nullable: (flip = !flip) })
  }
  console.log(i, step(s))
}
