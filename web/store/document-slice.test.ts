import { describe, expect, it } from 'vitest'
import type { TableId } from '@core'
import { createDocument, renameTable } from '@core'
import { shop } from '../../core/fixtures/shop.ts'
import { newTable } from '../commands/add-table.ts'
import { coalesceWindowMs } from './history-slice.ts'
import { createAppStore } from './index.ts'

const users = shop.tables[0]!.id
const orders = shop.tables[1]!.id

function openShop(layout = {}) {
  const store = createAppStore()
  store.getState().openDocument(createDocument({ name: 'Shop', schema: shop, layout: { tables: layout } }))
  return store
}

describe('document slice', () => {
  it('opens a document and places every table that has no position', () => {
    const store = openShop()
    const { document } = store.getState()
    expect(document.name).toBe('Shop')
    expect(Object.keys(document.layout.tables)).toHaveLength(shop.tables.length)
  })

  it('moves tables and keeps their colour, as one undo entry', () => {
    const store = openShop({ [users]: { x: 0, y: 0, color: '#abc' } })
    store.getState().moveTables(new Map<TableId, { x: number; y: number }>([[users, { x: 12, y: 34 }], [orders, { x: 5, y: 6 }]]))
    const { tables } = store.getState().document.layout
    expect(tables[users]).toEqual({ x: 12, y: 34, color: '#abc' })
    expect(tables[orders]).toEqual({ x: 5, y: 6 })
    expect(store.getState().past.map((e) => e.label)).toEqual(['Move tables'])
  })

  it('leaves the document and the history untouched when nothing moved', () => {
    const store = openShop()
    const before = store.getState().document
    store.getState().moveTables(new Map())
    const [id, at] = Object.entries(before.layout.tables)[0]!
    store.getState().moveTables(new Map([[id as TableId, { x: at.x, y: at.y }]]))
    expect(store.getState().document).toBe(before)
    expect(store.getState().past).toHaveLength(0)
  })

  it('turns a refused edit into a message and changes nothing', () => {
    const store = openShop()
    const before = store.getState().document
    const result = store.getState().editSchema('Rename table', (s) => renameTable(s, users, ''))
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/empty/) })
    expect(store.getState().document).toBe(before)
  })

  it('undoes and redoes edits, restoring the selection without its focus request', () => {
    const store = openShop()
    const id = 'tb_new' as TableId
    store.getState().editSchema('Add table', (s) => newTable(s, id), { select: { kind: 'tables', tableIds: [id], focus: { kind: 'name' } } })
    expect(store.getState().document.layout.tables[id]).toBeDefined()
    store.getState().undo()
    expect(store.getState().document.schema).toBe(shop)
    store.getState().redo()
    expect(store.getState().document.schema.tables.some((t) => t.id === id)).toBe(true)
    store.getState().undo()
    store.getState().redo()
    expect(store.getState().selection).toEqual({ kind: 'tables', tableIds: [id] })
  })

  it('merges keystrokes in one field into one entry, but not after a pause', () => {
    const store = openShop()
    for (const name of ['c', 'cu', 'cus']) store.getState().editSchema('Rename table', (s) => renameTable(s, users, name), { coalesce: 'name' })
    expect(store.getState().past).toHaveLength(1)
    const [entry] = store.getState().past
    // Pretend the last keystroke was long ago.
    store.setState({ past: [{ ...entry!, at: entry!.at - coalesceWindowMs - 1 }] })
    store.getState().editSchema('Rename table', (s) => renameTable(s, users, 'cust'), { coalesce: 'name' })
    expect(store.getState().past).toHaveLength(2)
    store.getState().undo()
    store.getState().undo()
    expect(store.getState().document.schema).toBe(shop)
  })

  it('drops the selection of a table an edit removed, and redo clears on a new edit', () => {
    const store = openShop()
    store.getState().select({ kind: 'tables', tableIds: [orders] })
    store.getState().editSchema('Delete table', (s) => ({ ...s, tables: s.tables.filter((t) => t.id !== orders) }))
    expect(store.getState().selection).toEqual({ kind: 'none' })
    store.getState().undo()
    expect(store.getState().future).toHaveLength(1)
    store.getState().editSchema('Rename table', (s) => renameTable(s, users, 'people'))
    expect(store.getState().future).toHaveLength(0)
  })

  it('places the tables of a replacing design even when the layout still holds the old design', () => {
    const store = openShop()
    const other = createDocument({ name: 'Other', schema: { ...shop, tables: shop.tables.map((t, i) => ({ ...t, id: `tb_other_${i}` as TableId })) } })
    store.getState().replaceDocument('Import', { ...other, layout: store.getState().document.layout })
    const positions = Object.values(store.getState().document.layout.tables)
    expect(positions).toHaveLength(shop.tables.length)
    for (const p of positions) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true)
    expect(store.getState().past.map((e) => e.label)).toEqual(['Import'])
  })
})
