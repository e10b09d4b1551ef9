/**
 * The cases other tools get wrong, each proven on PostgreSQL (PGlite always, the server at
 * DATABASE_URL too): apply the old design with rows, run up, compare the catalog and the rows,
 * re-diff, run down, compare again. Each also asserts the changes and the steps, not only SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { removeEnumValue, renameColumn, renameEnumValue, setColumnType, updateColumn, updateConstraint } from '../model/edits.ts'
import type { Schema } from '../model/schema.ts'
import { shop } from '../fixtures/shop.ts'
import { shopRelease, shopReleaseInputs } from '../fixtures/shop-release.ts'
import { col, schema, table } from '../testing/build.ts'
import { columnNamed, constraintOf, enumNamed, labelNamed, tableNamed } from '../testing/by-name.ts'
import { type TestDatabase, testDatabases } from '../testing/databases.ts'
import { proveMigration } from '../testing/migrate.ts'
import type { MigrationPlan } from './plan-migration.ts'

let databases: TestDatabase[] = []
beforeAll(async () => {
  databases = await testDatabases()
})
afterAll(async () => {
  for (const db of databases) await db.close()
})

const kinds = (plan: MigrationPlan) => plan.changes.map((c) => c.kind).sort()
const statementKinds = (plan: MigrationPlan) => plan.steps.flatMap((s) => s.statements.map((x) => x.kind))
const int = { kind: 'builtin', name: 'integer', arrayDims: 0 } as const
const bigint = { kind: 'builtin', name: 'bigint', arrayDims: 0 } as const

interface HardCase {
  readonly name: string
  readonly a: Schema
  readonly b: (a: Schema) => Schema
  readonly answer?: (plan: MigrationPlan) => Record<string, string>
  readonly check: (up: MigrationPlan, down: MigrationPlan) => void
  readonly seed?: (db: TestDatabase) => Promise<void>
  readonly after?: (db: TestDatabase) => Promise<void>
}

const people = schema({ people: table({ id: col('integer').primaryKey(), first: col('text'), last: col('text'), age: col('smallint') }) })

const moods = schema(
  { posts: table({ id: col('integer').primaryKey(), mood: col('mood').notNull().default('meh'), history: col('mood[]').default('{happy}') }) },
  { enums: { mood: ['happy', 'sad', 'meh'] } },
)

const statuses = schema({ accounts: table({ id: col('integer').primaryKey(), status: col('status').notNull().default('inactive') }) }, { enums: { status: ['active', 'inactive'] } })

const nicknames = schema({ users: table({ id: col('integer').primaryKey(), nickname: col('text') }) })

const variants = schema({
  products: table({ id: col('integer').notNull(), variant: col('integer').notNull(), sku: col('text') }, { primaryKey: ['id', 'variant'], uniques: [{ columns: ['sku', 'variant'] }] }),
  items: table(
    { id: col('integer').primaryKey(), product_id: col('integer').notNull(), variant: col('integer').notNull(), sku: col('text') },
    { foreignKeys: [{ columns: ['sku', 'variant'], references: 'products', targetColumns: ['sku', 'variant'], onDelete: 'cascade' }] },
  ),
})

const cycle = schema({
  teams: table({ id: col('integer').primaryKey(), captain_id: col('integer').references('players.id') }),
  players: table({ id: col('integer').primaryKey(), team_id: col('integer').references('teams.id', { onDelete: 'set null' }) }),
})
const noTables = schema({})

const ledger = schema({
  accounts: table({ id: col('integer').primaryKey(), name: col('text') }),
  invoices: table({ id: col('integer').primaryKey(), account_id: col('integer').notNull().references('accounts.id') }),
  payments: table({ id: col('integer').primaryKey(), account_id: col('integer').references('accounts.id') }),
})

const cases: HardCase[] = [
  {
    name: 'rename + retype + swap of two column names',
    a: people,
    b: (a) => {
      const t = tableNamed(a, 'people').id
      let s = renameColumn(a, t, columnNamed(a, 'people', 'first').id, 'last')
      s = renameColumn(s, t, columnNamed(a, 'people', 'last').id, 'first')
      s = renameColumn(s, t, columnNamed(a, 'people', 'age').id, 'years')
      return setColumnType(s, t, columnNamed(a, 'people', 'age').id, int)
    },
    check(up) {
      expect(kinds(up)).toEqual(['columnRenamed', 'columnRenamed', 'columnRenamed', 'columnRetyped'])
      const renames = up.steps.filter((s) => s.statements[0]!.kind === 'renameColumn')
      // A swap needs a temporary name: three renames for two columns, and one more for age.
      expect(renames).toHaveLength(4)
      expect(renames.some((s) => s.summary.includes('temporary'))).toBe(true)
      const retype = up.steps.find((s) => s.statements.some((x) => x.kind === 'alterColumn' && x.change.kind === 'type'))!
      expect(retype).toMatchObject({ lock: 'access exclusive', reversible: true })
      expect(retype.hazards.map((h) => h.kind)).toEqual(['rewrite'])
    },
  },
  {
    name: 'enum value removal with a default and an array column',
    a: moods,
    b: (a) => {
      const e = enumNamed(a, 'mood')
      const s = removeEnumValue(a, e.id, labelNamed(a, 'mood', 'meh').id)
      return updateColumn(s, tableNamed(a, 'posts').id, columnNamed(a, 'posts', 'mood').id, { default: { kind: 'literal', value: 'happy' } })
    },
    answer: (plan) => Object.fromEntries(plan.inputs.filter((i) => i.kind === 'enum-replacement').map((i) => [i.changeId, 'sad'])),
    seed: async (db) => db.exec(`INSERT INTO posts (id, mood, history) VALUES (100, 'meh', '{meh,happy}'), (101, 'happy', NULL)`),
    after: async (db) => {
      const r = await db.query(`SELECT id, mood::text AS mood, history::text AS history FROM posts WHERE id >= 100 ORDER BY id`)
      expect(r.rows).toEqual([
        { id: 100, mood: 'sad', history: '{sad,happy}' },
        { id: 101, mood: 'happy', history: null },
      ])
    },
    check(up, down) {
      expect(kinds(up)).toEqual(['columnDefaultChanged', 'enumValueRemoved'])
      expect(up.inputs.map((i) => i.kind)).toEqual(['enum-replacement'])
      const kindsOf = statementKinds(up)
      // The type swap: old type aside, new type, both columns converted (defaults dropped and set), old type dropped.
      expect(kindsOf.filter((k) => k === 'renameEnum' || k === 'createEnum' || k === 'dropEnum')).toEqual(['renameEnum', 'createEnum', 'dropEnum'])
      const conversions = up.steps.filter((s) => s.statements.some((x) => x.kind === 'alterColumn' && x.change.kind === 'type' && x.change.using?.kind === 'enumMap'))
      expect(conversions).toHaveLength(2)
      expect(conversions.every((s) => s.statements[0]!.kind === 'alterColumn' && (s.statements[0] as { change: { kind: string } }).change.kind === 'dropDefault')).toBe(true)
      expect(conversions.flatMap((s) => s.hazards.map((h) => h.kind))).toContain('data-loss')
      expect(conversions.every((s) => !s.reversible)).toBe(true)
      // Down adds the label back: a new label, no swap.
      expect(statementKinds(down)).toContain('addEnumValue')
      expect(statementKinds(down)).not.toContain('renameEnum')
    },
  },
  {
    name: 'enum value rename',
    a: statuses,
    b: (a) => {
      const e = enumNamed(a, 'status')
      const s = renameEnumValue(a, e.id, labelNamed(a, 'status', 'inactive').id, 'archived')
      return updateColumn(s, tableNamed(a, 'accounts').id, columnNamed(a, 'accounts', 'status').id, { default: { kind: 'literal', value: 'archived' } })
    },
    seed: async (db) => db.exec(`INSERT INTO accounts (id) VALUES (100)`),
    after: async (db) => expect((await db.query(`SELECT status::text AS s FROM accounts WHERE id = 100`)).rows).toEqual([{ s: 'archived' }]),
    check(up) {
      expect(kinds(up)).toContain('enumValueRenamed')
      expect(statementKinds(up)).toContain('renameEnumValue')
      // RENAME VALUE, not a type swap: no column is rewritten.
      expect(up.steps.some((s) => s.hazards.some((h) => h.kind === 'rewrite'))).toBe(false)
    },
  },
  {
    name: 'NOT NULL added to a column with NULLs',
    a: nicknames,
    b: (a) => updateColumn(a, tableNamed(a, 'users').id, columnNamed(a, 'users', 'nickname').id, { nullable: false }),
    answer: (plan) => Object.fromEntries(plan.inputs.map((i) => [i.changeId, `'anonymous'`])),
    after: async (db) => {
      const r = await db.query(`SELECT count(*)::int AS n FROM users WHERE nickname = 'anonymous'`)
      expect(r.rows[0]!.n).toBe(1)
    },
    check(up) {
      expect(kinds(up)).toEqual(['columnNullabilityChanged'])
      expect(up.inputs).toMatchObject([{ kind: 'backfill', supplied: `'anonymous'` }])
      expect(up.steps.map((s) => s.transaction)).toEqual(['shared', 'none', 'own', 'shared'])
      expect(statementKinds(up)).toEqual(['addConstraint', 'backfill', 'validateConstraint', 'alterColumn', 'dropConstraint'])
      expect(up.steps[2]!.lock).toBe('share update exclusive')
    },
  },
  {
    name: 'composite FK whose UNIQUE target changes',
    a: variants,
    b: (a) => {
      const u = constraintOf(a, 'products', 'unique')
      return updateConstraint(a, tableNamed(a, 'products').id, u.id, { columns: [columnNamed(a, 'products', 'variant').id, columnNamed(a, 'products', 'sku').id] })
    },
    check(up) {
      expect(kinds(up)).toEqual(['constraintChanged', 'constraintRenamed'])
      const kindsOf = statementKinds(up)
      // The foreign key goes before its key is swapped and comes back after, NOT VALID then VALIDATE.
      expect(kindsOf.indexOf('dropConstraint')).toBeLessThan(kindsOf.indexOf('createIndex'))
      expect(kindsOf.slice(-2)).toEqual(['addConstraint', 'validateConstraint'])
      expect(up.steps.find((s) => s.statements.some((x) => x.kind === 'createIndex'))).toMatchObject({ transaction: 'none', lock: 'share update exclusive' })
      expect(kindsOf).toContain('addConstraintUsingIndex')
    },
  },
  {
    name: 'circular FKs created',
    a: noTables,
    b: () => cycle,
    check(up, down) {
      const kindsOf = statementKinds(up)
      expect(kindsOf.filter((k) => k === 'createTable')).toHaveLength(2)
      expect(kindsOf.lastIndexOf('createTable')).toBeLessThan(kindsOf.indexOf('addConstraint'))
      // New tables need no safe patterns.
      expect(kindsOf).not.toContain('validateConstraint')
      const downKinds = statementKinds(down)
      expect(downKinds.slice(0, 2)).toEqual(['dropConstraint', 'dropConstraint'])
      expect(downKinds.slice(2)).toEqual(['dropTable', 'dropTable'])
    },
  },
  {
    name: 'circular FKs dropped',
    a: cycle,
    b: () => noTables,
    check(up) {
      expect(kinds(up)).toEqual(['tableRemoved', 'tableRemoved'])
      expect(up.steps.every((s) => s.reversible === (s.statements[0]!.kind !== 'dropTable'))).toBe(true)
    },
  },
  {
    name: 'a key type change referenced by FKs',
    a: ledger,
    b: (a) => {
      let s = setColumnType(a, tableNamed(a, 'accounts').id, columnNamed(a, 'accounts', 'id').id, bigint)
      s = setColumnType(s, tableNamed(a, 'invoices').id, columnNamed(a, 'invoices', 'account_id').id, bigint)
      return setColumnType(s, tableNamed(a, 'payments').id, columnNamed(a, 'payments', 'account_id').id, bigint)
    },
    check(up) {
      expect(kinds(up)).toEqual(['columnRetyped', 'columnRetyped', 'columnRetyped'])
      const kindsOf = statementKinds(up)
      const firstType = kindsOf.indexOf('alterColumn')
      // Both foreign keys go first, every side changes, and they come back validated.
      expect(kindsOf.slice(0, firstType)).toEqual(['dropConstraint', 'dropConstraint'])
      expect(kindsOf.filter((k) => k === 'alterColumn')).toHaveLength(3)
      expect(kindsOf.filter((k) => k === 'validateConstraint')).toHaveLength(2)
      expect(up.steps.filter((s) => s.hazards.some((h) => h.kind === 'rewrite'))).toHaveLength(3)
    },
  },
]

describe('hard cases, proven on PostgreSQL', () => {
  it.for(['PGlite', 'PostgreSQL server'])('the shop release of the goldens (%s)', { timeout: 60_000 }, async (label, t) => {
    const db = databases.find((d) => d.label === label)
    if (!db) return t.skip()
    const proof = await proveMigration(db, shop, shopRelease, { plan: { inputs: shopReleaseInputs } })
    expect(proof.up.inputs.every((i) => i.supplied !== undefined)).toBe(true)
  })

  for (const c of cases) {
    it.for(['PGlite', 'PostgreSQL server'])(`${c.name} (%s)`, { timeout: 60_000 }, async (label, t) => {
      const db = databases.find((d) => d.label === label)
      if (!db) return t.skip()
      const b = c.b(c.a)
      const proof = await proveMigration(db, c.a, b, { ...(c.answer ? { answer: c.answer } : {}), ...(c.seed ? { seed: c.seed } : {}), ...(c.after ? { afterUp: c.after } : {}) })
      c.check(proof.up, proof.down)
    })
  }
})
