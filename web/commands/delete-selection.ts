/** Deletes what is selected: tables (with the foreign keys pointing at them) or a relationship. */
import type { Schema } from '@core'
import { removeConstraint, removeEnum, removeTable } from '@core'
import type { Selection } from '../store/selection-slice.ts'
import { noSelection } from '../store/selection-slice.ts'
import type { Command } from './types.ts'

export function deleteSelected(schema: Schema, selection: Selection): Schema {
  switch (selection.kind) {
    case 'none':
      return schema
    case 'tables':
      return selection.tableIds.reduce((s, id) => removeTable(s, id), schema)
    case 'relationship':
      return removeConstraint(schema, selection.tableId, selection.foreignKeyId)
    case 'enum':
      return removeEnum(schema, selection.enumId)
  }
}

function label(selection: Selection): string {
  switch (selection.kind) {
    case 'tables':
      return selection.tableIds.length === 1 ? 'Delete table' : `Delete ${selection.tableIds.length} tables`
    case 'relationship':
      return 'Delete relationship'
    case 'enum':
      return 'Delete enum'
    case 'none':
      return 'Delete'
  }
}

export const deleteSelection: Command = {
  id: 'delete-selection',
  label: 'Delete selection',
  group: 'Edit',
  keys: ['Delete', 'Backspace'],
  keywords: ['remove', 'drop'],
  enabled: (s) => s.selection.kind !== 'none',
  run(store) {
    const { selection } = store.getState()
    store.getState().editSchema(label(selection), (schema) => deleteSelected(schema, selection), { select: noSelection })
  },
}
