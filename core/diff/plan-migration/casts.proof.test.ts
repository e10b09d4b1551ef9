/**
 * The type-change table against PostgreSQL itself: for every pair of types, `ALTER COLUMN ... TYPE`
 * without USING works exactly when `classifyTypeChange` says an assignment cast exists, and the
 * table keeps its file (no rewrite) exactly when it says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseColumnType } from '../../model/types.ts'
import type { ColumnType } from '../../model/schema.ts'
import { type TestDatabase, testDatabases } from '../../testing/databases.ts'
import { classifyTypeChange } from './casts.ts'

let databases: TestDatabase[] = []
beforeAll(async () => {
  databases = await testDatabases()
})
afterAll(async () => {
  for (const db of databases) await db.close()
})

const types = [
  'smallint', 'integer', 'bigint', 'numeric', 'numeric(10,2)', 'numeric(12,2)', 'numeric(12,4)', 'real', 'double precision',
  'text', 'varchar', 'varchar(10)', 'varchar(20)', 'char(5)', 'boolean', 'date', 'timestamp', 'timestamp(3)', 'timestamptz',
  'time', 'timetz', 'interval', 'uuid', 'json', 'jsonb', 'inet', 'cidr', 'bytea', 'bit(3)', 'varbit(5)', 'varbit', 'macaddr',
  'macaddr8', 'text[]', 'integer[]',
]
const parse = (t: string): ColumnType => {
  const r = parseColumnType(t)
  if (!r.ok) throw new Error(r.message)
  return r.type
}

describe('classifyTypeChange', () => {
  it.for(['PGlite', 'PostgreSQL server'])('agrees with %s on casts and rewrites', { timeout: 300_000 }, async (label, ctx) => {
    const db = databases.find((d) => d.label === label)
    if (!db) return ctx.skip()
    await db.reset()
    const wrong: string[] = []
    const file = async () => String((await db.query(`SELECT relfilenode::text AS f FROM pg_class WHERE relname = 't'`)).rows[0]!.f)
    for (const from of types) {
      // One table per source type; each target is tried in a savepoint and rolled back.
      await db.exec(`BEGIN; CREATE TABLE t (c ${from}); INSERT INTO t VALUES (NULL); SET LOCAL TimeZone = 'Europe/Paris'`)
      const before = await file()
      for (const to of types) {
        if (from === to) continue
        const info = classifyTypeChange(parse(from), parse(to))
        await db.exec('SAVEPOINT s')
        let works = true
        try {
          await db.exec(`ALTER TABLE t ALTER COLUMN c TYPE ${to}`)
        } catch {
          works = false
        }
        const after = works ? await file() : undefined
        await db.exec('ROLLBACK TO SAVEPOINT s')
        if (works !== info.assignment) wrong.push(`${from} -> ${to}: ALTER without USING ${works ? 'works' : 'fails'}, the table says ${info.assignment ? 'it works' : 'it fails'}`)
        if (works && (before === after) !== info.noRewrite) wrong.push(`${from} -> ${to}: ${before === after ? 'no rewrite' : 'rewrite'}, the table says ${info.noRewrite ? 'no rewrite' : 'rewrite'}`)
        if (works && info.noRewriteIfUtc) {
          await db.exec(`SAVEPOINT s; SET LOCAL TimeZone = 'UTC'; ALTER TABLE t ALTER COLUMN c TYPE ${to}`)
          if ((await file()) !== before) wrong.push(`${from} -> ${to}: rewritten even with TimeZone UTC`)
          await db.exec(`ROLLBACK TO SAVEPOINT s; SET LOCAL TimeZone = 'Europe/Paris'`)
        }
      }
      await db.exec('ROLLBACK')
    }
    expect(wrong).toEqual([])
  })
})
