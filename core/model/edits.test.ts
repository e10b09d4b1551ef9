import { describe, expect, it } from 'vitest'
import { shop } from '../fixtures/shop.ts'
import { col, schema, table } from '../testing/build.ts'
import { deepFreeze } from '../testing/freeze.ts'
import * as edits from './edits.ts'
import type { ColumnId, ConstraintId, IndexId, NamespaceId, TableId } from './ids.ts'
import { findTableByName } from './queries.ts'
import { relationships } from './relationships.ts'
import { resolveNames } from './names.ts'
import { checkStructure } from './validate.ts'

const frozenShop = deepFreeze(structuredClone(shop))
const users = findTableByName(frozenShop, 'users')!
const orders = findTableByName(frozenShop, 'orders')!

describe('edits', () => {
  it('adds a table in public without touching the input', () => {
    const s = edits.addTable(frozenShop, { id: 'tb_new' as TableId, name: 'coupons' })
    expect(s.tables.at(-1)).toMatchObject({ id: 'tb_new', name: 'coupons', namespaceId: users.namespaceId, columns: [] })
    expect(frozenShop.tables).toHaveLength(6)
    expect(s.tables[0]).toBe(frozenShop.tables[0])
  })

  it('renames a table and keeps its id, so unnamed constraints follow the new name', () => {
    const s = edits.renameTable(frozenShop, orders.id, 'purchases')
    const t = findTableByName(s, 'purchases')!
    expect(t.id).toBe(orders.id)
    expect(resolveNames(s).constraints.get(t.primaryKey!.id)).toBe('purchases_pkey')
  })

  it('removes a table and every foreign key that points at it', () => {
    const s = edits.removeTable(frozenShop, users.id)
    expect(s.tables.some((t) => t.foreignKeys.some((f) => f.target.tableId === users.id))).toBe(false)
    expect(checkStructure(s).diagnostics).toEqual([])
  })

  it('adds, renames, moves and removes columns', () => {
    let s = edits.addColumn(frozenShop, orders.id, { id: 'co_note' as ColumnId, name: 'note', type: { kind: 'builtin', name: 'text', arrayDims: 0 }, nullable: true }, 1)
    expect(findTableByName(s, 'orders')!.columns[1]!.name).toBe('note')
    s = edits.renameColumn(s, orders.id, 'co_note' as ColumnId, 'remark')
    s = edits.moveColumn(s, orders.id, 'co_note' as ColumnId, 99)
    expect(findTableByName(s, 'orders')!.columns.at(-1)).toMatchObject({ id: 'co_note', name: 'remark' })
    s = edits.removeColumn(s, orders.id, 'co_note' as ColumnId)
    expect(findTableByName(s, 'orders')!.columns.map((c) => c.name)).toEqual(orders.columns.map((c) => c.name))
  })

  it('removing a key column drops what used it, here and in referencing tables', () => {
    const s = edits.removeColumn(frozenShop, users.id, users.primaryKey!.columns[0]!)
    expect(findTableByName(s, 'users')!.primaryKey).toBeUndefined()
    expect(findTableByName(s, 'orders')!.foreignKeys).toEqual([])
    expect(checkStructure(s).diagnostics).toEqual([])
  })

  it('keeps column properties consistent: identity excludes a default', () => {
    const id = orders.columns[0]!.id
    const s = edits.updateColumn(frozenShop, orders.id, id, { type: { kind: 'builtin', name: 'bigint', arrayDims: 0 }, identity: 'always' })
    const c = findTableByName(s, 'orders')!.columns[0]!
    expect(c.identity).toBe('always')
    expect(c.default).toBeUndefined()
    expect('default' in c).toBe(false)
  })

  it('draws a relationship, creating FK columns typed like the referenced key', () => {
    const base = deepFreeze(
      schema({ authors: table({ id: col('serial').primaryKey() }), books: table({ id: col('uuid').primaryKey() }) }),
    )
    const [authors, books] = base.tables
    const s = edits.addRelationship(base, { id: 'cn_rel' as ConstraintId, from: books!.id, to: authors!.id, onDelete: 'cascade', newColumnIds: ['co_fk' as ColumnId] })
    const b = findTableByName(s, 'books')!
    expect(b.columns.at(-1)).toMatchObject({ id: 'co_fk', name: 'author_id', type: { kind: 'builtin', name: 'integer' }, nullable: false })
    expect(b.foreignKeys[0]).toMatchObject({ id: 'cn_rel', columns: ['co_fk'], target: { tableId: authors!.id }, onDelete: 'cascade' })
    expect(checkStructure(s).diagnostics).toEqual([])
    // Drawn again, the existing column is matched rather than duplicated.
    const again = edits.addRelationship(s, { from: books!.id, to: authors!.id })
    expect(findTableByName(again, 'books')!.columns).toHaveLength(2)
  })

  it('edits enums and keeps labels unique', () => {
    const base = deepFreeze(schema({}, { enums: { mood: ['sad', 'ok'] } }))
    const e = base.enums[0]!
    let s = edits.addEnumValue(base, e.id, { name: 'happy' }, 1)
    expect(s.enums[0]!.values.map((v) => v.name)).toEqual(['sad', 'happy', 'ok'])
    s = edits.renameEnumValue(s, e.id, e.values[0]!.id, 'blue')
    s = edits.moveEnumValue(s, e.id, e.values[0]!.id, 2)
    expect(s.enums[0]!.values.map((v) => v.name)).toEqual(['happy', 'ok', 'blue'])
    expect(() => edits.addEnumValue(s, e.id, { name: 'ok' })).toThrow(/already has the value "ok"/)
  })
})

describe('edits the inspector needs', () => {
  it('marks a table unlogged and partitioned, and takes both back', () => {
    let s = edits.setTableUnlogged(frozenShop, orders.id, true)
    s = edits.setPartitionBy(s, orders.id, { strategy: 'range', key: 'created_at' })
    expect(findTableByName(s, 'orders')).toMatchObject({ unlogged: true, partitionBy: { strategy: 'range', key: 'created_at' } })
    s = edits.setTableUnlogged(edits.setPartitionBy(s, orders.id, undefined), orders.id, false)
    const t = findTableByName(s, 'orders')!
    expect('unlogged' in t || 'partitionBy' in t).toBe(false)
  })

  it('refuses a partition key that is empty or would break out of its clause', () => {
    expect(() => edits.setPartitionBy(frozenShop, orders.id, { strategy: 'list', key: ' ' })).toThrow(/at least one column/)
    expect(() => edits.setPartitionBy(frozenShop, orders.id, { strategy: 'hash', key: 'id); drop table x' })).toThrow(/parenthesis|semicolon/)
  })

  it('duplicates a column after itself under a fresh name, without its keys', () => {
    const idCol = users.primaryKey!.columns[0]!
    let s = edits.duplicateColumn(frozenShop, users.id, idCol, { id: 'co_dup' as ColumnId })
    s = edits.duplicateColumn(s, users.id, idCol, { id: 'co_dup2' as ColumnId })
    const t = findTableByName(s, 'users')!
    const at = t.columns.findIndex((c) => c.id === idCol)
    expect(t.columns.slice(at, at + 3).map((c) => c.name)).toEqual(['id', 'id_copy_2', 'id_copy'])
    expect(t.columns[at + 2]).toMatchObject({ id: 'co_dup', type: t.columns[at]!.type, nullable: false })
    expect(t.primaryKey!.columns).toEqual([idCol])
  })

  it('sets foreign key pairs together and refuses pairs that do not line up', () => {
    const fk = orders.foreignKeys[0]!
    const other = orders.columns.find((c) => !fk.columns.includes(c.id) && c.name !== 'id')!
    const s = edits.setForeignKeyColumns(frozenShop, orders.id, fk.id, [other.id], fk.target)
    expect(findTableByName(s, 'orders')!.foreignKeys[0]!.columns).toEqual([other.id])
    expect(() => edits.setForeignKeyColumns(frozenShop, orders.id, fk.id, [], { ...fk.target, columns: [] })).toThrow(/same number/)
    expect(() => edits.setForeignKeyColumns(frozenShop, orders.id, fk.id, [other.id, fk.columns[0]!], fk.target)).toThrow(/same number/)
    expect(() => edits.setForeignKeyColumns(frozenShop, orders.id, fk.id, ['co_nope' as ColumnId], fk.target)).toThrow(/No column/)
  })

  it('reorders uniques, checks, foreign keys and indexes within their own lists', () => {
    const base = deepFreeze(
      schema({
        t: table({ a: col('integer').unique(), b: col('integer').unique(), c: col('integer').unique() }, { indexes: [{ keys: ['a'] }, { keys: ['b'] }] }),
      }),
    )
    const t = base.tables[0]!
    const [u1, u2, u3] = t.uniques
    let s = edits.moveConstraint(base, t.id, u3!.id, 0)
    expect(s.tables[0]!.uniques.map((u) => u.id)).toEqual([u3!.id, u1!.id, u2!.id])
    expect(edits.moveConstraint(s, t.id, u3!.id, 0)).toBe(s)
    expect(() => edits.moveConstraint(base, t.id, 'cn_nope' as ConstraintId, 0)).toThrow(/No unique/)
    const [i1, i2] = t.indexes
    s = edits.moveIndex(base, t.id, i1!.id, 5)
    expect(s.tables[0]!.indexes.map((i) => i.id)).toEqual([i2!.id, i1!.id])
    expect(() => edits.moveIndex(base, t.id, 'ix_nope' as IndexId, 0)).toThrow(/No index/)
  })

  it('moves an enum to another schema unless the name is taken there, and sets its comment', () => {
    const base = deepFreeze(schema({}, { enums: { mood: ['sad', 'ok'] } }))
    const [withNs, nsId] = edits.ensureNamespace(base, 'app', 'ns_app' as NamespaceId)
    const e = base.enums[0]!
    let s = edits.moveEnumToNamespace(withNs, e.id, nsId)
    expect(s.enums[0]!.namespaceId).toBe(nsId)
    s = edits.setEnumComment(s, e.id, 'How someone feels')
    expect(s.enums[0]!.comment).toBe('How someone feels')
    expect('comment' in edits.setEnumComment(s, e.id, '').enums[0]!).toBe(false)
    const clash = edits.addEnum(s, { name: 'mood', values: [], namespaceId: e.namespaceId })
    expect(() => edits.moveEnumToNamespace(clash, clash.enums[1]!.id, nsId)).toThrow(/already has an enum named "mood"/)
  })

  it('refuses empty names for enums, enum values and schemas', () => {
    const base = deepFreeze(schema({}, { enums: { mood: ['sad'] } }))
    const e = base.enums[0]!
    expect(() => edits.renameEnum(base, e.id, '')).toThrow(/cannot be empty/)
    expect(() => edits.renameEnumValue(base, e.id, e.values[0]!.id, '')).toThrow(/cannot be empty/)
    expect(() => edits.addEnumValue(base, e.id, { name: '' })).toThrow(/cannot be empty/)
    expect(() => edits.renameNamespace(base, base.namespaces[0]!.id, '')).toThrow(/cannot be empty/)
  })

  it('sets and clears a schema comment', () => {
    const ns = frozenShop.namespaces[0]!
    const s = edits.setNamespaceComment(frozenShop, ns.id, 'Everything the shop sells')
    expect(s.namespaces[0]!.comment).toBe('Everything the shop sells')
    expect('comment' in edits.setNamespaceComment(s, ns.id, '').namespaces[0]!).toBe(false)
    expect(edits.setNamespaceComment(frozenShop, ns.id, undefined)).toBe(frozenShop)
    expect(() => edits.setNamespaceComment(frozenShop, 'ns_nope' as NamespaceId, 'x')).toThrow(/No namespace/)
  })

  it('adds an extension once, refuses bad names, and removes it', () => {
    let s = edits.addExtension(frozenShop, 'uuid-ossp')
    expect(edits.addExtension(s, 'uuid-ossp')).toBe(s)
    expect(() => edits.addExtension(s, 'x; drop')).toThrow(/not an extension name/)
    expect(() => edits.addExtension(s, '  ')).toThrow(/cannot be empty/)
    s = edits.removeExtension(s, 'uuid-ossp')
    expect(s.extensions).toEqual(frozenShop.extensions)
  })

  it('finds a fresh name past the taken ones', () => {
    expect(edits.freshName('a', [])).toBe('a')
    expect(edits.freshName('a', ['a', 'a_2'])).toBe('a_3')
  })
})

describe('relationships', () => {
  it('derives crow-foot ends from nullability and uniqueness', () => {
    const s = schema({
      people: table({ id: col('integer').primaryKey() }),
      passports: table({ id: col('integer').primaryKey(), person_id: col('integer').notNull().unique().references('people.id') }),
      pets: table({ id: col('integer').primaryKey(), owner_id: col('integer').references('people.id') }),
      employees: table({ id: col('integer').primaryKey(), manager_id: col('integer').references('employees.id') }),
    })
    const ends = relationships(s).map((r) => [r.child.name, r.parentEnd, r.childEnd, r.selfReference])
    expect(ends).toEqual([
      ['passports', 'exactly-one', 'zero-or-one', false],
      ['pets', 'zero-or-one', 'zero-or-many', false],
      ['employees', 'zero-or-one', 'zero-or-many', true],
    ])
  })
})

describe('inflection', () => {
  it('treats words like constructor as words, not object keys', async () => {
    const { singularize, pluralize } = await import('./inflect.ts')
    expect(singularize('constructors')).toBe('constructor')
    expect(singularize('constructor')).toBe('constructor')
    expect(pluralize('constructor')).toBe('constructors')
    expect(singularize('categories')).toBe('category')
    expect(pluralize('person')).toBe('people')
  })
})
