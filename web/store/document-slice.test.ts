import { describe, expect, it } from 'vitest'
import type { TableId } from '@core'
import { createDocument } from '@core'
import { shop } from '../../core/fixtures/shop.ts'
import { createAppStore } from './index.ts'

const users = shop.tables[0]!.id
const orders = shop.tables[1]!.id

describe('document slice', () => {
  it('opens a document and places every table that has no position', () => {
    const store = createAppStore()
    store.getState().openDocument(createDocument({ name: 'Shop', schema: shop }))
    const { document } = store.getState()
    expect(document.name).toBe('Shop')
    expect(Object.keys(document.layout.tables)).toHaveLength(shop.tables.length)
  })

  it('moves tables and keeps their colour', () => {
    const store = createAppStore()
    store.getState().openDocument(
      createDocument({ name: 'Shop', schema: shop, layout: { tables: { [users]: { x: 0, y: 0, color: '#abc' } } } }),
    )
    store.getState().moveTables(new Map<TableId, { x: number; y: number }>([[users, { x: 12, y: 34 }], [orders, { x: 5, y: 6 }]]))
    const { tables } = store.getState().document.layout
    expect(tables[users]).toEqual({ x: 12, y: 34, color: '#abc' })
    expect(tables[orders]).toEqual({ x: 5, y: 6 })
  })

  it('leaves the document untouched when nothing moved', () => {
    const store = createAppStore()
    store.getState().openDocument(createDocument({ name: 'Shop', schema: shop }))
    const before = store.getState().document
    store.getState().moveTables(new Map())
    const [id, at] = Object.entries(before.layout.tables)[0]!
    store.getState().moveTables(new Map([[id as TableId, { x: at.x, y: at.y }]]))
    expect(store.getState().document).toBe(before)
  })
})
