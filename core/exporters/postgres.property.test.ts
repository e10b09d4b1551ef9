import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomSchema } from '../testing/arbitrary.ts'
import { comparable } from '../testing/compare.ts'
import { type TestDatabase, testDatabases } from '../testing/databases.ts'
import { applyAndRead } from '../testing/roundtrip.ts'
import { exportSchema } from './index.ts'

// Each run applies two scripts to PostgreSQL; the count keeps the suite within a minute on 2 cores.
const numRuns = Number(process.env.PROPERTY_RUNS ?? 60)

let databases: TestDatabase[] = []
beforeAll(async () => {
  databases = await testDatabases()
})
afterAll(async () => {
  for (const db of databases) await db.close()
})

describe('postgres exporter on random designs', () => {
  it('reports no structural problem for a valid random design', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        expect(exportSchema('postgres', randomSchema(g)).diagnostics).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it.for(['PGlite', 'PostgreSQL server'])(
    'is accepted by %s and reads back as the same design',
    { timeout: numRuns * 3000 },
    async (label, ctx) => {
      const db = databases.find((d) => d.label === label)
      if (!db) {
        // Only the server, and only when DATABASE_URL is unset; the runner counts it as skipped.
        ctx.skip()
        return
      }
      await fc.assert(
        fc.asyncProperty(fc.gen(), async (g) => {
          const schema = randomSchema(g)
          const first = await applyAndRead(db, schema)
          expect(first.diagnostics).toEqual([])
          expect(comparable(first.readBack)).toEqual(comparable(schema))
          const second = await applyAndRead(db, first.readBack)
          expect(comparable(second.readBack, { expressions: 'exact' })).toEqual(comparable(first.readBack, { expressions: 'exact' }))
        }),
        {
          numRuns,
          // Under CI load a fixed budget keeps the suite bounded; the runs done are still checked.
          interruptAfterTimeLimit: numRuns * 2500,
          // Shrinking a failure of a deep-equal on a whole catalog builds huge diffs; PROPERTY_NO_SHRINK=1
          // reports the first counterexample as found.
          endOnFailure: process.env.PROPERTY_NO_SHRINK === '1',
        },
      )
    },
  )
})
