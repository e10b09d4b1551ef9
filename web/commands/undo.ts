import type { Command } from './types.ts'

export const undo: Command = {
  id: 'undo',
  label: 'Undo',
  group: 'Edit',
  keys: ['Mod+Z'],
  enabled: (s) => s.past.length > 0,
  run: (store) => store.getState().undo(),
}
