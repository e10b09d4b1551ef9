import { describe, expect, it } from 'vitest'
import { findTableByName, removeColumn, removeEnum, removeTable } from '@core'
import { shop } from '../../../core/fixtures/shop.ts'
import { col, schema, table } from '../../../core/testing/build.ts'
import { consequenceSentence, removedAlongside, tableNamesInWords } from './consequences.ts'

const users = findTableByName(shop, 'users')!
const orders = findTableByName(shop, 'orders')!

describe('consequences of a removal', () => {
  it('names what a column takes with it, in its own table and in others', () => {
    const id = users.primaryKey!.columns[0]!
    const items = removedAlongside(shop, removeColumn(shop, users.id, id), { kind: 'column', tableId: users.id, columnId: id })
    expect(items).toContain('the primary key users_pkey')
    expect(items).toContain('the foreign key orders_user_id_fkey in orders')
    expect(items.some((i) => i.includes('the column'))).toBe(false)
  })

  it('names the indexes that go with a column', () => {
    const userId = orders.columns.find((c) => c.name === 'user_id')!
    const items = removedAlongside(shop, removeColumn(shop, orders.id, userId.id), { kind: 'column', tableId: orders.id, columnId: userId.id })
    expect(items).toEqual(['the foreign key orders_user_id_fkey', 'the index idx_orders_user_id'])
    expect(consequenceSentence(items)).toBe('Also removes the foreign key orders_user_id_fkey and the index idx_orders_user_id.')
  })

  it('says nothing when nothing else goes', () => {
    const avatar = users.columns.find((c) => c.name === 'avatar_url')!
    expect(removedAlongside(shop, removeColumn(shop, users.id, avatar.id), { kind: 'column', tableId: users.id, columnId: avatar.id })).toEqual([])
    expect(consequenceSentence([])).toBe('')
  })

  it('names the foreign keys of other tables that point at removed tables', () => {
    const items = removedAlongside(shop, removeTable(shop, users.id), { kind: 'tables', tableIds: [users.id] })
    expect(items).toContain('the foreign key orders_user_id_fkey in orders')
    expect(items.every((i) => i.startsWith('the foreign key'))).toBe(true)
  })

  it('names the columns an enum removal retypes', () => {
    const s = schema({ tickets: table({ id: col('integer').primaryKey(), mood: col('mood') }) }, { enums: { mood: ['sad', 'ok'] } })
    const items = removedAlongside(s, removeEnum(s, s.enums[0]!.id), { kind: 'other' })
    expect(items).toEqual(['tickets.mood becomes text'])
    expect(consequenceSentence(items)).toBe('Tickets.mood becomes text.')
  })

  it('lists a few table names and counts the rest', () => {
    const ids = shop.tables.map((t) => t.id)
    expect(tableNamesInWords(shop, ids.slice(0, 2))).toBe('users and orders')
    expect(tableNamesInWords(shop, ids)).toBe(`users, orders, products and ${ids.length - 3} more`)
  })
})
