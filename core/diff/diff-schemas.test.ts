import { describe, expect, it } from 'vitest'
import { shop } from '../fixtures/shop.ts'
import * as edits from '../model/edits.ts'
import type { Schema } from '../model/schema.ts'
import { emptySchema } from '../model/schema.ts'
import { importSchema } from '../importers/index.ts'
import { exportSchema } from '../exporters/index.ts'
import { col, schema, table } from '../testing/build.ts'
import { columnNamed, constraintOf, enumNamed, labelNamed, tableNamed } from '../testing/by-name.ts'
import { deepFreeze } from '../testing/freeze.ts'
import { alignIds, hasSharedIds } from './align.ts'
import { changeStatus, describeChange, summarizeChanges } from './changes.ts'
import type { Change } from './changes.ts'
import { diffSchemas } from './diff-schemas.ts'

const base = deepFreeze(
  schema(
    {
      users: table({ id: col('uuid').primaryKey(), email: col('text').notNull().unique(), name: col('text'), status: col('status').default('active') }),
      orders: table(
        { id: col('bigint').primaryKey(), user_id: col('uuid').notNull().references('users.id', { onDelete: 'cascade' }), total: col('numeric(10,2)') },
        { indexes: [{ keys: ['user_id'] }], checks: [{ name: 'orders_total_check', expression: 'total >= 0' }] },
      ),
    },
    { enums: { status: ['active', 'blocked'] } },
  ),
)

const T = (name: string) => tableNamed(base, name).id
const C = (t: string, c: string) => columnNamed(base, t, c).id

/** [what, edit, the changes expected (kind and the fields that matter)]. */
const cases: Array<[string, (s: Schema) => Schema, Array<Partial<Change> & { kind: Change['kind'] }>]> = [
  ['nothing', (s) => s, []],
  ['a renamed table keeps its id, and its unnamed keys follow', (s) => edits.renameTable(s, T('users'), 'members'), [
    { kind: 'tableRenamed', id: `tableRenamed:${T('users')}`, from: 'users', to: 'members' },
    { kind: 'constraintRenamed', from: 'users_pkey', to: 'members_pkey', implicit: true },
    { kind: 'constraintRenamed', from: 'users_email_key', to: 'members_email_key', implicit: true },
  ]],
  ['a renamed column', (s) => edits.renameColumn(s, T('users'), C('users', 'name'), 'full_name'), [{ kind: 'columnRenamed', from: 'name', to: 'full_name', columnId: C('users', 'name') }]],
  ['a swap of two column names is two renames', (s) => edits.renameColumn(edits.renameColumn(s, T('users'), C('users', 'name'), 'email'), T('users'), C('users', 'email'), 'name'), [
    { kind: 'columnRenamed', from: 'email', to: 'name' },
    { kind: 'columnRenamed', from: 'name', to: 'email' },
    { kind: 'constraintRenamed', from: 'users_email_key', to: 'users_name_key' },
  ]],
  ['a retype', (s) => edits.setColumnType(s, T('orders'), C('orders', 'total'), { kind: 'builtin', name: 'numeric', precision: 12, scale: 2, arrayDims: 0 }), [{ kind: 'columnRetyped', fromText: 'numeric(10,2)', toText: 'numeric(12,2)' }]],
  ['nullability, default, comment and collation', (s) => edits.updateColumn(s, T('users'), C('users', 'name'), { nullable: false, default: { kind: 'literal', value: 'x' }, comment: 'shown', collation: 'C' }), [
    { kind: 'columnNullabilityChanged', nullable: false },
    { kind: 'columnDefaultChanged', to: { kind: 'literal', value: 'x' } },
    { kind: 'columnCollationChanged', to: 'C' },
    { kind: 'columnCommentChanged', to: 'shown' },
  ]],
  ['identity and generated', (s) => edits.updateColumn(edits.updateColumn(s, T('orders'), C('orders', 'id'), { identity: 'always' }), T('orders'), C('orders', 'total'), { generated: '1 + 1' }), [
    { kind: 'columnIdentityChanged', to: 'always' },
    { kind: 'columnGeneratedChanged', to: '1 + 1' },
  ]],
  ['a table moved to another schema', (s) => {
    const [next, ns] = edits.ensureNamespace(s, 'billing', 'ns_billing' as never)
    return edits.moveTableToNamespace(next, T('orders'), ns)
  }, [{ kind: 'namespaceAdded' }, { kind: 'tableMoved', from: 'public', to: 'billing' }]],
  ['a foreign key action', (s) => edits.updateConstraint(s, T('orders'), constraintOf(base, 'orders', 'foreignKey').id, { onDelete: 'restrict' }), [{ kind: 'constraintChanged', fields: ['onDelete'], name: 'orders_user_id_fkey' }]],
  ['a deferrable foreign key', (s) => edits.updateConstraint(s, T('orders'), constraintOf(base, 'orders', 'foreignKey').id, { deferrable: 'initially deferred' }), [{ kind: 'constraintChanged', fields: ['deferrable'] }]],
  ['NO ACTION written out is no change', (s) => edits.updateConstraint(s, T('orders'), constraintOf(base, 'orders', 'foreignKey').id, { onUpdate: 'no action' }), []],
  ['a check expression', (s) => edits.updateConstraint(s, T('orders'), constraintOf(base, 'orders', 'check').id, { expression: 'total > 0' }), [{ kind: 'constraintChanged', fields: ['expression'] }]],
  ['a constraint removed and one added', (s) => edits.addCheck(edits.removeConstraint(s, T('orders'), constraintOf(base, 'orders', 'check').id), T('orders'), { id: 'cn_new' as never, kind: 'check', name: 'positive', expression: 'total > 0' }), [
    { kind: 'constraintAdded', name: 'positive' },
    { kind: 'constraintRemoved', name: 'orders_total_check' },
  ]],
  ['an index changed and renamed', (s) => {
    const i = tableNamed(base, 'orders').indexes[0]!
    return edits.updateIndex(s, T('orders'), i.id, { name: 'idx_orders_user', keys: [{ kind: 'column', columnId: C('orders', 'user_id'), order: 'desc' }] })
  }, [{ kind: 'indexRenamed', from: 'orders_user_id_idx', to: 'idx_orders_user', implicit: false }, { kind: 'indexChanged', fields: ['keys'] }]],
  ['enum labels added, renamed, removed, reordered', (s) => {
    const e = enumNamed(base, 'status')
    let next = edits.addEnumValue(s, e.id, { id: 'ev_new' as never, name: 'pending' }, 0)
    next = edits.renameEnumValue(next, e.id, labelNamed(base, 'status', 'blocked').id, 'banned')
    return next
  }, [
    { kind: 'enumValueRenamed', from: 'blocked', to: 'banned' },
    { kind: 'enumValueAdded', value: 'pending', before: 'active' },
  ]],
  ['an enum label removed and the rest reordered', (s) => {
    const e = enumNamed(base, 'status')
    const next = edits.addEnumValue(s, e.id, { id: 'ev_x' as never, name: 'x' })
    return edits.moveEnumValue(edits.removeEnumValue(next, e.id, labelNamed(base, 'status', 'active').id), e.id, 'ev_x' as never, 0)
  }, [
    { kind: 'enumValueRemoved', value: 'active' },
    { kind: 'enumValueAdded', value: 'x', before: 'blocked' },
  ]],
  ['two kept labels in another order', (s) => edits.moveEnumValue(s, enumNamed(base, 'status').id, labelNamed(base, 'status', 'blocked').id, 0), [
    { kind: 'enumValuesReordered', from: ['active', 'blocked'], to: ['blocked', 'active'] },
  ]],
  ['an extension the design now needs', (s) => edits.setColumnType(s, T('users'), C('users', 'email'), { kind: 'custom', name: 'citext', arrayDims: 0 }), [
    { kind: 'extensionAdded', extension: 'citext' },
    { kind: 'columnRetyped', toText: 'citext' },
  ]],
  ['columns in another order', (s) => edits.moveColumn(s, T('users'), C('users', 'name'), 0), [{ kind: 'columnsReordered', to: ['name', 'id', 'email', 'status'] }]],
  ['a table removed, one added', (s) => edits.addTable(edits.removeTable(s, T('orders')), { id: 'tb_new' as never, name: 'notes', columns: [] }), [{ kind: 'tableAdded', table: 'notes' }, { kind: 'tableRemoved', table: 'orders' }]],
]

describe('diffSchemas', () => {
  it.each(cases)('%s', (_what, edit, expected) => {
    const changes = diffSchemas(base, deepFreeze(edit(base)))
    expect(changes).toHaveLength(expected.length)
    expected.forEach((e, i) => expect(changes[i], `change ${i + 1}`).toMatchObject(e))
    expect(new Set(changes.map((c) => c.id)).size, 'change ids are unique').toBe(changes.length)
    for (const c of changes) expect(describeChange(c)).not.toMatch(/undefined|\{\{/)
  })

  it('compares expressions exactly by default, loosely on request', () => {
    const b = edits.updateConstraint(base, T('orders'), constraintOf(base, 'orders', 'check').id, { expression: '((total)::numeric >= (0)::numeric)' })
    expect(diffSchemas(base, b).map((c) => c.kind)).toEqual(['constraintChanged'])
    expect(diffSchemas(base, b, { expressions: 'loose' })).toEqual([])
    // Loosely, string literals still count: 'A' and 'a' differ.
    const withDefault = (v: string) => edits.updateColumn(base, T('users'), C('users', 'name'), { default: { kind: 'expression', sql: `upper('${v}')` } })
    expect(diffSchemas(withDefault('A'), withDefault('a'), { expressions: 'loose' }).map((c) => c.kind)).toEqual(['columnDefaultChanged'])
  })

  it('treats two designs’ public schemas as one', () => {
    const a = schema({ t: table({ id: col('int').primaryKey() }) })
    const b = { ...a, namespaces: a.namespaces.map((n) => ({ ...n, id: 'ns_other' as never })), tables: a.tables.map((t) => ({ ...t, namespaceId: 'ns_other' as never })) }
    expect(diffSchemas(a, b)).toEqual([])
  })

  it('marks added, removed and changed objects for the diagram', () => {
    const b = edits.removeColumn(edits.renameColumn(base, T('users'), C('users', 'name'), 'n'), T('orders'), C('orders', 'total'))
    const marks = summarizeChanges(diffSchemas(base, b))
    expect(marks.get(C('users', 'name'))).toBe('changed')
    expect(marks.get(C('orders', 'total'))).toBe('removed')
    expect(marks.get(T('orders'))).toBe('changed')
    expect(changeStatus(diffSchemas(emptySchema, base)[0]!)).toBe('added')
  })
})

describe('alignIds', () => {
  it('matches a base that shares no ids by name, so only real changes remain', async () => {
    const text = exportSchema('postgres', shop).text.replace('avatar_url text', 'avatar_url text, nickname text')
    const imported = await importSchema('postgres', text)
    if (!imported.ok) throw new Error('import failed')
    expect(hasSharedIds(shop, imported.schema)).toBe(true) // sequential ids look alike...
    const aligned = alignIds(imported.schema, shop)
    expect(diffSchemas(aligned, shop, { expressions: 'loose' }).map((c) => c.kind)).toEqual(['columnRemoved'])
    const bare = { ...shop, tables: shop.tables.map((t) => ({ ...t, id: `x${t.id}` as never })), enums: [] }
    expect(hasSharedIds(shop, bare)).toBe(false)
  })
})
