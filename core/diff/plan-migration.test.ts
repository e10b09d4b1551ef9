import { describe, expect, it } from 'vitest'
import { shop } from '../fixtures/shop.ts'
import { shopRelease, shopReleaseInputs } from '../fixtures/shop-release.ts'
import * as edits from '../model/edits.ts'
import type { Schema } from '../model/schema.ts'
import { emptySchema } from '../model/schema.ts'
import { col, schema, table } from '../testing/build.ts'
import { columnNamed, constraintOf, enumNamed, tableNamed } from '../testing/by-name.ts'
import { deepFreeze } from '../testing/freeze.ts'
import { planMigration, type MigrationPlan, type PlanOptions } from './plan-migration.ts'
import { migrationFileNames, printMigration } from './print-migration.ts'

const base = deepFreeze(
  schema(
    {
      users: table({ id: col('uuid').primaryKey(), email: col('text').notNull(), name: col('text'), mood: col('mood') }),
      orders: table({ id: col('bigint').primaryKey(), user_id: col('uuid').notNull().references('users.id'), code: col('text') }),
      events: table({ at: col('date').notNull(), kind: col('text') }, { partitionBy: { strategy: 'range', key: 'at' } }),
    },
    { enums: { mood: ['happy', 'sad'] } },
  ),
)
const T = (n: string) => tableNamed(base, n).id
const C = (t: string, c: string) => columnNamed(base, t, c).id
const text = { kind: 'builtin', name: 'text', arrayDims: 0 } as const

/** A step as the tests look at it: how it runs, what it does, what it risks. */
const shape = (p: MigrationPlan) =>
  p.steps.map((s) => ({
    tx: s.transaction,
    lock: s.lock,
    statements: s.statements.map((x) => x.kind + ('concurrently' in x && x.concurrently ? '+concurrently' : '') + ('notValid' in x && x.notValid ? '+notValid' : '')),
    hazards: s.hazards.map((h) => h.kind),
  }))

const cases: Array<[string, (s: Schema) => Schema, PlanOptions, ReturnType<typeof shape>]> = [
  ['an index on a table with rows is built CONCURRENTLY, after clearing a failed build', (s) => edits.addIndex(s, T('users'), { id: 'ix_n' as never, unique: false, method: 'btree', keys: [{ kind: 'column', columnId: C('users', 'name') }], include: [] }), {}, [
    { tx: 'none', lock: 'share update exclusive', statements: ['dropIndex+concurrently'], hazards: [] },
    { tx: 'none', lock: 'share update exclusive', statements: ['createIndex+concurrently'], hazards: [] },
  ]],
  ['the same index in simple mode', (s) => edits.addIndex(s, T('users'), { id: 'ix_n' as never, unique: false, method: 'btree', keys: [{ kind: 'column', columnId: C('users', 'name') }], include: [] }), { mode: 'simple' }, [
    { tx: 'shared', lock: 'share', statements: ['createIndex'], hazards: ['long-lock'] },
  ]],
  ['a partitioned table cannot build an index CONCURRENTLY', (s) => edits.addIndex(s, T('events'), { id: 'ix_k' as never, unique: false, method: 'btree', keys: [{ kind: 'column', columnId: C('events', 'kind') }], include: [] }), {}, [
    { tx: 'shared', lock: 'share', statements: ['createIndex'], hazards: ['long-lock'] },
  ]],
  ['a new table needs no safe pattern', (s) => edits.addTable(s, { id: 'tb_n' as never, name: 'notes', namespaceId: s.namespaces[0]!.id, columns: [{ id: 'co_n' as never, name: 'body', type: text, nullable: false }], indexes: [{ id: 'ix_b' as never, unique: false, method: 'btree', keys: [{ kind: 'column', columnId: 'co_n' as never }], include: [] }] }), {}, [
    { tx: 'shared', lock: 'none', statements: ['createTable'], hazards: [] },
    { tx: 'shared', lock: 'none', statements: ['createIndex'], hazards: [] },
  ]],
  ['UNIQUE through a concurrent unique index and USING INDEX', (s) => edits.addUnique(s, T('users'), { id: 'cn_u' as never, kind: 'unique', columns: [C('users', 'email')] }), {}, [
    { tx: 'none', lock: 'share update exclusive', statements: ['dropIndex+concurrently'], hazards: [] },
    { tx: 'none', lock: 'share update exclusive', statements: ['createIndex+concurrently'], hazards: ['may-fail'] },
    { tx: 'shared', lock: 'access exclusive', statements: ['addConstraintUsingIndex'], hazards: [] },
  ]],
  ['CHECK added NOT VALID, then validated in its own transaction', (s) => edits.addCheck(s, T('orders'), { id: 'cn_c' as never, kind: 'check', name: 'code_len', expression: 'length(code) < 10' }), {}, [
    { tx: 'shared', lock: 'access exclusive', statements: ['addConstraint+notValid'], hazards: [] },
    { tx: 'own', lock: 'share update exclusive', statements: ['validateConstraint'], hazards: ['may-fail'] },
  ]],
  ['a foreign key action change: drop and add in one transaction, then validate', (s) => edits.updateConstraint(s, T('orders'), constraintOf(base, 'orders', 'foreignKey').id, { onDelete: 'cascade' }), {}, [
    { tx: 'shared', lock: 'access exclusive', statements: ['dropConstraint', 'addConstraint+notValid'], hazards: [] },
    { tx: 'own', lock: 'share update exclusive', statements: ['validateConstraint'], hazards: ['may-fail'] },
  ]],
  ['a foreign key made DEFERRABLE is altered in place', (s) => edits.updateConstraint(s, T('orders'), constraintOf(base, 'orders', 'foreignKey').id, { deferrable: 'initially deferred' }), {}, [
    { tx: 'shared', lock: 'access exclusive', statements: ['alterConstraintDeferrable'], hazards: [] },
  ]],
  ['NOT NULL through a CHECK NOT VALID, VALIDATE, SET NOT NULL', (s) => edits.updateColumn(s, T('users'), C('users', 'name'), { nullable: false }), {}, [
    { tx: 'shared', lock: 'access exclusive', statements: ['addConstraint+notValid'], hazards: [] },
    { tx: 'own', lock: 'share update exclusive', statements: ['validateConstraint'], hazards: ['may-fail'] },
    { tx: 'shared', lock: 'access exclusive', statements: ['alterColumn', 'dropConstraint'], hazards: [] },
  ]],
  ['NOT NULL with a backfill value: the batched fill runs between guard and validation', (s) => edits.updateColumn(s, T('users'), C('users', 'name'), { nullable: false }), { inputs: { [`columnNullabilityChanged:${C('users', 'name')}`]: "'?'" } }, [
    { tx: 'shared', lock: 'access exclusive', statements: ['addConstraint+notValid'], hazards: [] },
    { tx: 'none', lock: 'row exclusive', statements: ['backfill'], hazards: [] },
    { tx: 'own', lock: 'share update exclusive', statements: ['validateConstraint'], hazards: [] },
    { tx: 'shared', lock: 'access exclusive', statements: ['alterColumn', 'dropConstraint'], hazards: [] },
  ]],
  ['NOT NULL in simple mode scans under lock', (s) => edits.updateColumn(s, T('users'), C('users', 'name'), { nullable: false }), { mode: 'simple' }, [
    { tx: 'shared', lock: 'access exclusive', statements: ['alterColumn'], hazards: ['long-lock', 'may-fail'] },
  ]],
  ['a required column without a value asks for one', (s) => edits.addColumn(s, T('orders'), { id: 'co_r' as never, name: 'ref', type: text, nullable: false }), {}, [
    { tx: 'shared', lock: 'access exclusive', statements: ['addColumn'], hazards: ['needs-value'] },
  ]],
  ['a required column with a constant value: a temporary default, no rewrite', (s) => edits.addColumn(s, T('orders'), { id: 'co_r' as never, name: 'ref', type: text, nullable: false }), { inputs: { 'columnAdded:co_r': "'none'" } }, [
    { tx: 'shared', lock: 'access exclusive', statements: ['addColumn', 'alterColumn'], hazards: [] },
  ]],
  ['a volatile default: set for new rows, backfilled in batches, then NOT NULL', (s) => edits.addColumn(s, T('orders'), { id: 'co_v' as never, name: 'token', type: { kind: 'builtin', name: 'uuid', arrayDims: 0 }, nullable: false, default: { kind: 'expression', sql: 'gen_random_uuid()' } }), {}, [
    { tx: 'shared', lock: 'access exclusive', statements: ['addColumn', 'alterColumn'], hazards: [] },
    { tx: 'none', lock: 'row exclusive', statements: ['backfill'], hazards: [] },
    { tx: 'shared', lock: 'access exclusive', statements: ['addConstraint+notValid'], hazards: [] },
    { tx: 'own', lock: 'share update exclusive', statements: ['validateConstraint'], hazards: [] },
    { tx: 'shared', lock: 'access exclusive', statements: ['alterColumn', 'dropConstraint'], hazards: [] },
  ]],
  ['the volatile default in simple mode rewrites', (s) => edits.addColumn(s, T('orders'), { id: 'co_v' as never, name: 'token', type: { kind: 'builtin', name: 'uuid', arrayDims: 0 }, nullable: true, default: { kind: 'expression', sql: 'gen_random_uuid()' } }), { mode: 'simple' }, [
    { tx: 'shared', lock: 'access exclusive', statements: ['addColumn'], hazards: ['rewrite'] },
  ]],
  ['an enum label in the middle: ADD VALUE BEFORE, committed on its own', (s) => edits.addEnumValue(s, enumNamed(base, 'mood').id, { id: 'ev_m' as never, name: 'meh' }, 1), {}, [
    { tx: 'own', lock: 'none', statements: ['addEnumValue'], hazards: [] },
  ]],
  ['text to integer needs a USING expression: the plan suggests a cast', (s) => edits.setColumnType(s, T('orders'), C('orders', 'code'), { kind: 'builtin', name: 'integer', arrayDims: 0 }), {}, [
    { tx: 'shared', lock: 'access exclusive', statements: ['alterColumn'], hazards: ['rewrite', 'may-fail', 'needs-value'] },
  ]],
  ['a widening with no rewrite', (s) => edits.setColumnType(s, T('users'), C('users', 'email'), { kind: 'builtin', name: 'varchar', arrayDims: 0 }), {}, [
    { tx: 'shared', lock: 'access exclusive', statements: ['alterColumn'], hazards: [] },
  ]],
  ['a dropped column loses its data', (s) => edits.removeColumn(s, T('orders'), C('orders', 'code')), {}, [
    { tx: 'shared', lock: 'access exclusive', statements: ['dropColumn'], hazards: ['data-loss'] },
  ]],
]

describe('planMigration', () => {
  it.each(cases)('%s', (_what, edit, options, expected) => {
    const plan = planMigration(base, deepFreeze(edit(base)), options)
    expect(plan.diagnostics).toEqual([])
    expect(shape(plan)).toEqual(expected)
    for (const s of plan.steps) {
      expect(s.changeIds.length, `${s.id} carries out a change`).toBeGreaterThan(0)
      expect(s.reversible).toBe(!s.hazards.some((h) => h.kind === 'data-loss'))
    }
  })

  it('asks for inputs and uses what it is given', () => {
    const b = edits.setColumnType(base, T('orders'), C('orders', 'code'), { kind: 'builtin', name: 'integer', arrayDims: 0 })
    const id = `columnRetyped:${C('orders', 'code')}`
    const asked = planMigration(base, b)
    expect(asked.inputs).toEqual([{ changeId: id, kind: 'using', prompt: expect.stringContaining('USING'), suggestion: 'code::integer' }])
    expect(asked.steps[0]!.sql).toContain('USING code::integer')
    const given = planMigration(base, b, { inputs: { [id]: "nullif(regexp_replace(code, '\\D', '', 'g'), '')::integer" } })
    expect(given.inputs[0]!.supplied).toBeDefined()
    expect(given.steps[0]!.sql).toContain("USING (nullif(regexp_replace(code, '\\D', '', 'g'), '')::integer)")
    expect(given.steps[0]!.hazards.map((h) => h.kind)).not.toContain('needs-value')
  })

  it('refuses an input that is not an expression, and a design with structural errors', () => {
    const b = edits.updateColumn(base, T('users'), C('users', 'name'), { nullable: false })
    const bad = planMigration(base, b, { inputs: { [`columnNullabilityChanged:${C('users', 'name')}`]: "'x'); DROP TABLE users; --" } })
    expect(bad.steps).toEqual([])
    expect(bad.diagnostics[0]).toMatchObject({ severity: 'error', code: 'invalid-input' })
    const broken = edits.renameColumn(base, T('users'), C('users', 'name'), 'email')
    const refused = planMigration(base, broken)
    expect(refused.steps).toEqual([])
    expect(refused.diagnostics[0]!.message).toMatch(/new design cannot be migrated.*two columns named "email"/)
  })

  it('reports a column reorder it cannot carry out', () => {
    const plan = planMigration(base, edits.moveColumn(base, T('users'), C('users', 'mood'), 0))
    expect(plan.steps).toEqual([])
    expect(plan.diagnostics).toMatchObject([{ severity: 'info', code: 'columns-not-reordered' }])
  })

  it('from an empty schema, creates what the full export creates, in an order that applies', () => {
    const plan = planMigration(emptySchema, shop)
    const kinds = new Set(plan.steps.flatMap((s) => s.statements.map((x) => x.kind)))
    expect([...kinds].sort()).toEqual(['addConstraint', 'comment', 'createIndex', 'createSchema', 'createTable'])
    expect(plan.steps.every((s) => s.lock === 'none' && s.hazards.length === 0)).toBe(true)
  })

  it('sets lock_timeout and statement_timeout in safe mode, and nothing of the kind in simple mode', () => {
    const b = edits.addIndex(base, T('users'), { id: 'ix_n' as never, unique: false, method: 'btree', keys: [{ kind: 'column', columnId: C('users', 'name') }], include: [] })
    const safe = printMigration(planMigration(base, b))
    expect(safe).toContain("SET lock_timeout = '5s';")
    expect(safe).toContain("SET statement_timeout = '0';")
    expect(safe).not.toContain('BEGIN;')
    const simple = printMigration(planMigration(base, b, { mode: 'simple' }))
    expect(simple).not.toMatch(/SET |BEGIN|COMMIT/)
  })

  it('says in a down plan which steps bring back the schema but not the data', () => {
    const b = edits.removeColumn(base, T('orders'), C('orders', 'code'))
    const down = planMigration(b, base, { direction: 'down' })
    expect(down.steps[0]!.hazards.map((h) => h.kind)).toEqual(['not-restored'])
    expect(printMigration(down)).toMatch(/^-- Down migration.*\n.*\n-- A down migration restores the schema, not the data/)
  })
})

describe('migration files', () => {
  it('are named YYYYMMDDHHMMSS_<description>.up.sql and .down.sql, in UTC', () => {
    expect(migrationFileNames(new Date('2026-03-01T09:30:05Z'), 'Add orders.note (draft)')).toEqual({
      stem: '20260301093005_add_orders_note_draft',
      up: '20260301093005_add_orders_note_draft.up.sql',
      down: '20260301093005_add_orders_note_draft.down.sql',
    })
    expect(migrationFileNames(new Date('2026-12-31T23:59:59Z'), 'Ümlaut café 🎉').up).toBe('20261231235959_umlaut_cafe.up.sql')
    expect(migrationFileNames(new Date(0), '!!!').stem).toBe('19700101000000_migration')
  })

  // Goldens: the shop design through a realistic release, up and down (proven in hard-cases.proof.test.ts).
  const release = shopRelease
  const inputs = shopReleaseInputs

  it('print the shop release as the golden up and down files', async () => {
    await expect(printMigration(planMigration(shop, release, { inputs }))).toMatchFileSnapshot('__golden__/shop-release.up.sql')
    await expect(printMigration(planMigration(release, shop, { direction: 'down' }))).toMatchFileSnapshot('__golden__/shop-release.down.sql')
    await expect(printMigration(planMigration(shop, release, { inputs, mode: 'simple' }))).toMatchFileSnapshot('__golden__/shop-release.simple.up.sql')
  })
})
