import { describe, expect, it } from 'vitest'
import { addColumn, parseColumnType, removeTable, renameTable } from '@core'
import { shop } from '../../core/fixtures/shop.ts'
import { applySchemaDelta, diffSchemaObjects, isEmptyDelta } from './schema-delta.ts'

const text = (() => {
  const r = parseColumnType('text')
  if (!r.ok) throw new Error(r.message)
  return r.type
})()

describe('schema delta', () => {
  it('carries the whole design the first time', () => {
    const delta = diffSchemaObjects(undefined, shop)
    expect(delta.tables).toHaveLength(shop.tables.length)
    expect(applySchemaDelta({ namespaces: [], enums: [], tables: [], extensions: [] }, delta)).toEqual(shop)
  })

  it('carries only the table an edit replaced, and the other side keeps its own objects', () => {
    const receiver = structuredClone(shop)
    const users = shop.tables[0]!
    const next = addColumn(shop, users.id, { name: 'nickname', type: text, nullable: true })
    const delta = diffSchemaObjects(shop, next)
    expect(delta.tables.map((t) => t.name)).toEqual(['users'])
    expect(delta.order).toBeUndefined()
    expect(delta.enums).toBeUndefined()
    const applied = applySchemaDelta(receiver, structuredClone(delta))
    expect(applied).toEqual(next)
    for (let i = 1; i < applied.tables.length; i++) expect(applied.tables[i]).toBe(receiver.tables[i])
  })

  it('sends the order when a table goes, and nothing when nothing changed', () => {
    const orders = shop.tables[1]!
    const next = removeTable(renameTable(shop, orders.id, 'purchases'), orders.id)
    const delta = diffSchemaObjects(shop, next)
    expect(delta.order).toEqual(next.tables.map((t) => t.id))
    expect(applySchemaDelta(shop, delta)).toEqual(next)
    expect(isEmptyDelta(diffSchemaObjects(next, next))).toBe(true)
  })

  it('refuses a delta that names a table neither side has', () => {
    expect(() => applySchemaDelta(shop, { tables: [], order: ['tb_missing' as never] })).toThrow(/neither side/)
  })
})
