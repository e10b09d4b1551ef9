import { describe, expect, it } from 'vitest'
import { createDocument, findTableByName } from '@core'
import { shop } from '../../core/fixtures/shop.ts'
import { createAppStore } from '../store/index.ts'
import { addColumnCommand } from './add-column.ts'

describe('add column', () => {
  it('adds a column to the one selected table and asks the inspector to focus it', () => {
    const store = createAppStore()
    store.getState().openDocument(createDocument({ name: 'Shop', schema: shop }))
    const users = findTableByName(shop, 'users')!
    expect(addColumnCommand.enabled!(store.getState())).toBe(false)
    store.getState().select({ kind: 'tables', tableIds: [users.id] })
    expect(addColumnCommand.enabled!(store.getState())).toBe(true)
    void addColumnCommand.run(store)
    void addColumnCommand.run(store)
    const columns = findTableByName(store.getState().document.schema, 'users')!.columns
    expect(columns.slice(-2).map((c) => c.name)).toEqual(['new_column', 'new_column_2'])
    const selection = store.getState().selection
    expect(selection).toEqual({ kind: 'tables', tableIds: [users.id], focus: { kind: 'column', columnId: columns.at(-1)!.id } })
    store.getState().undo()
    expect(findTableByName(store.getState().document.schema, 'users')!.columns.at(-1)!.name).toBe('new_column')
  })
})
