import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { comparable } from './compare.ts'
import { type TestDatabase, testDatabases } from './databases.ts'
import { generateDesign } from './generate.ts'
import { applyAndRead } from './roundtrip.ts'

// The designs `npm run bench` times must be real designs: PostgreSQL accepts each and reads back
// exactly what was exported.
let databases: TestDatabase[] = []
beforeAll(async () => {
  databases = await testDatabases()
})
afterAll(async () => {
  for (const db of databases) await db.close()
})

describe('bench designs', () => {
  it.for([100, 300, 1000].flatMap((tables) => ['PGlite', 'PostgreSQL server'].map((label) => [tables, label] as const)))(
    'round-trips the %i-table design through %s',
    { timeout: 300_000 },
    async ([tables, label], ctx) => {
      const db = databases.find((d) => d.label === label)
      if (!db) {
        // Only the server, and only when DATABASE_URL is unset; the runner counts it as skipped.
        ctx.skip()
        return
      }
      const { schema } = generateDesign({ tables, seed: 1 })
      const { readBack, diagnostics } = await applyAndRead(db, schema)
      expect(diagnostics).toEqual([])
      expect(readBack.tables).toHaveLength(tables)
      expect(comparable(readBack)).toEqual(comparable(schema))
    },
  )
})
