import type { Command } from './types.ts'

export const redo: Command = {
  id: 'redo',
  label: 'Redo',
  group: 'Edit',
  keys: ['Mod+Shift+Z', 'Mod+Y'],
  enabled: (s) => s.future.length > 0,
  run: (store) => store.getState().redo(),
}
