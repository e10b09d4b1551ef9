/**
 * A new column in the selected table, with its name selected in the inspector to type over
 * (the inspector answers the selection's focus request).
 */
import { addColumn, freshName, randomIds } from '@core'
import type { Command } from './types.ts'

const ids = randomIds()

export const addColumnCommand: Command = {
  id: 'add-column',
  label: 'Add column',
  group: 'Design',
  keys: ['C'],
  keywords: ['new', 'field', 'attribute'],
  enabled: (s) => s.selection.kind === 'tables' && s.selection.tableIds.length === 1,
  run(store) {
    const { selection, document } = store.getState()
    if (selection.kind !== 'tables' || selection.tableIds.length !== 1) return
    const tableId = selection.tableIds[0]!
    const table = document.schema.tables.find((t) => t.id === tableId)
    if (!table) return
    const id = ids.next('column')
    const name = freshName('new_column', table.columns.map((c) => c.name))
    store.getState().editSchema('Add column', (s) => addColumn(s, tableId, { id, name, type: { kind: 'builtin', name: 'text', arrayDims: 0 }, nullable: true }), {
      select: { kind: 'tables', tableIds: [tableId], focus: { kind: 'column', columnId: id } },
    })
  },
}
