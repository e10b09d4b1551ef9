/**
 * The lock each step claims is the lock PostgreSQL takes: every statement is run inside a
 * transaction on a table, and pg_locks read before ROLLBACK. (CONCURRENTLY cannot run in a
 * transaction; its SHARE UPDATE EXCLUSIVE is PostgreSQL's documented lock.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DdlStatement } from '../sql/ddl.ts'
import { printStatement } from '../sql/print-postgres.ts'
import { type TestDatabase, testDatabases } from '../testing/databases.ts'
import { lockOf } from './plan-migration/context.ts'

let databases: TestDatabase[] = []
beforeAll(async () => {
  databases = await testDatabases()
})
afterAll(async () => {
  for (const db of databases) await db.close()
})

const t = { namespace: 'public', name: 't' }
const statements: DdlStatement[] = [
  { kind: 'dropConstraint', table: t, name: 't_p_fkey' },
  { kind: 'addConstraint', table: t, constraint: { kind: 'foreignKey', name: 'f2', columns: ['p'], target: { namespace: 'public', name: 'p' }, targetColumns: ['id'] }, notValid: true },
  { kind: 'validateConstraint', table: t, name: 'ck' },
  { kind: 'addConstraint', table: t, constraint: { kind: 'check', name: 'ck2', expression: 'n > 0' }, notValid: true },
  { kind: 'alterColumn', table: t, column: 'c', change: { kind: 'setDefault', default: { kind: 'literal', value: 'x', raw: false } } },
  { kind: 'alterColumn', table: t, column: 'c', change: { kind: 'type', type: { kind: 'builtin', text: 'varchar', arrayDims: 0 } } },
  { kind: 'alterColumn', table: t, column: 'n', change: { kind: 'setNotNull' } },
  { kind: 'renameColumn', table: t, from: 'c', to: 'd' },
  { kind: 'addColumn', table: t, column: { name: 'e', type: { kind: 'builtin', text: 'text', arrayDims: 0 }, notNull: false } },
  { kind: 'createIndex', table: t, index: { name: 'i', unique: false, method: 'btree', keys: [{ column: 'c' }], include: [] } },
  { kind: 'comment', target: { kind: 'table', name: t }, text: 'x' },
  { kind: 'alterConstraintDeferrable', table: t, name: 't_p_fkey', deferrable: 'initially deferred' },
  { kind: 'backfill', table: t, column: 'c', value: { kind: 'sql', sql: "'a'" } },
  { kind: 'addConstraintUsingIndex', table: t, name: 't_c_key', constraint: 'unique', index: 't_c_uniq' },
  { kind: 'renameConstraint', table: t, from: 'ck', to: 'ck3' },
]

const pgMode = (l: string) => l.split(' ').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') + 'Lock'

describe('locks', () => {
  it.for(['PGlite', 'PostgreSQL server'])('match what %s takes', { timeout: 60_000 }, async (label, ctx) => {
    const db = databases.find((d) => d.label === label)
    if (!db) return ctx.skip()
    await db.reset()
    await db.exec(`CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (id int PRIMARY KEY, p int REFERENCES p DEFERRABLE, c text, n int, CONSTRAINT ck CHECK (n > 0) NOT VALID); CREATE UNIQUE INDEX t_c_uniq ON t (c)`)
    for (const s of statements) {
      await db.exec('BEGIN')
      try {
        await db.exec(printStatement(s))
        const r = await db.query(`SELECT mode FROM pg_locks WHERE relation = 'public.t'::regclass AND granted AND locktype = 'relation'`)
        const modes = r.rows.map((x) => String(x.mode))
        expect(modes, printStatement(s)).toContain(pgMode(lockOf(s)))
      } finally {
        await db.exec('ROLLBACK')
      }
    }
  })
})
