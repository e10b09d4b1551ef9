import type { Command } from './types.ts'

export const selectAll: Command = {
  id: 'select-all',
  label: 'Select all tables',
  group: 'Edit',
  keys: ['Mod+A'],
  enabled: (s) => s.document.schema.tables.length > 0,
  run(store) {
    const tableIds = store.getState().document.schema.tables.map((t) => t.id)
    store.getState().select({ kind: 'tables', tableIds })
  },
}
