/**
 * Random design a, random edits to b (renames, swaps, retypes, moves, enum and foreign-key
 * changes, ...): the migration proof holds for every pair, on PGlite and on the server when
 * DATABASE_URL is set. Bounded by time like the exporter's property tests.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomSchema } from '../testing/arbitrary.ts'
import { type TestDatabase, testDatabases } from '../testing/databases.ts'
import { randomEdits } from '../testing/edit-arbitrary.ts'
import { answerAll, proveMigration } from '../testing/migrate.ts'
import { diffSchemas } from './diff-schemas.ts'
import { planMigration } from './plan-migration.ts'

const numRuns = Number(process.env.PROPERTY_RUNS ?? 40)

let databases: TestDatabase[] = []
beforeAll(async () => {
  databases = await testDatabases()
})
afterAll(async () => {
  for (const db of databases) await db.close()
})

describe('migrations between random designs', () => {
  it('diff(b, b) is empty and a plan from b to b has no step', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const { schema } = randomEdits(g, randomSchema(g))
        expect(diffSchemas(schema, schema)).toEqual([])
        expect(planMigration(schema, schema).steps).toEqual([])
      }),
      { numRuns: 200 },
    )
  })

  it.for(['PGlite', 'PostgreSQL server'])('migrate up and down on %s with rows', { timeout: numRuns * 4000 }, async (label, ctx) => {
    const db = databases.find((d) => d.label === label)
    if (!db) return ctx.skip()
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        const a = randomSchema(g)
        const { schema: b } = randomEdits(g, a)
        await proveMigration(db, a, b, { answer: answerAll })
      }),
      {
        numRuns,
        interruptAfterTimeLimit: numRuns * 3000,
        endOnFailure: process.env.PROPERTY_NO_SHRINK === '1',
        // PROPERTY_SEED (and PROPERTY_PATH) replay a reported counterexample.
        ...(process.env.PROPERTY_SEED ? { seed: Number(process.env.PROPERTY_SEED), ...(process.env.PROPERTY_PATH ? { path: process.env.PROPERTY_PATH } : {}) } : {}),
      },
    )
  })
})
