/** Saved versions and migrations: save a checkpoint, open the Migrations panel. */
import type { Command } from './types.ts'

export const saveVersionCommand: Command = {
  id: 'save-version',
  label: 'Save version',
  group: 'Document',
  keys: ['Mod+Shift+S'],
  inTextFields: true,
  keywords: ['checkpoint', 'snapshot', 'version', 'history', 'migration'],
  run: (store) => store.getState().openDialog({ kind: 'saveVersion' }),
}

export const toggleMigrations: Command = {
  id: 'toggle-migrations',
  label: 'Show or hide migrations',
  group: 'View',
  keywords: ['diff', 'compare', 'versions', 'sql', 'up', 'down', 'changes'],
  run: (store) => store.getState().togglePanel('migrations'),
}
