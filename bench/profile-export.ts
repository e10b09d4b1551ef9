// Times the stages of the PostgreSQL export on a 1,000-table design (fresh schema objects each
// run, so per-schema caches do not flatter): a tool for finding where export time goes.
import { generateDesign } from '../core/testing/generate.ts'
import { checkStructure } from '../core/model/validate.ts'
import { resolveNames } from '../core/model/names.ts'
import { createStatements } from '../core/sql/create-statements.ts'
import { printPostgres } from '../core/sql/print-postgres.ts'

const { schema } = generateDesign({ tables: Number(process.argv[2] ?? 1000), seed: 1 })
const fresh = () => structuredClone(schema)
const time = (label: string, fn: (s: typeof schema) => unknown) => {
  const samples: number[] = []
  for (let i = 0; i < 30; i++) {
    const s = fresh()
    const t = performance.now()
    fn(s)
    samples.push(performance.now() - t)
  }
  samples.sort((a, b) => a - b)
  console.log(`${label.padEnd(20)} min ${samples[0]!.toFixed(1)} ms, median ${samples[15]!.toFixed(1)} ms`)
}
time('resolveNames', (s) => resolveNames(s))
time('checkStructure', (s) => checkStructure(s))
time('createStatements', (s) => createStatements(s))
time('full export', (s) => printPostgres(createStatements(s).statements))
