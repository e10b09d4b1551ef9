/** Panels, dialogs and the view: commands that change what is shown, never the design. */
import { canvasApi } from '../canvas/bridge.ts'
import type { PanelId } from '../store/ui-slice.ts'
import type { Command } from './types.ts'

export const commandPalette: Command = {
  id: 'command-palette',
  label: 'Command palette',
  group: 'View',
  keys: ['Mod+K'],
  inTextFields: true,
  keywords: ['search', 'find', 'jump', 'go to'],
  run: (store) => store.getState().openDialog({ kind: 'palette' }),
}

export const zoomToFit: Command = {
  id: 'zoom-to-fit',
  label: 'Zoom to fit',
  group: 'View',
  keys: ['Shift+1'],
  keywords: ['fit view', 'show all'],
  run: () => canvasApi().fitView(),
}

function panelCommand(panel: PanelId, label: string, keys: readonly string[]): Command {
  return { id: `toggle-${panel}`, label, group: 'View', keys, run: (store) => store.getState().togglePanel(panel) }
}

export const toggleOutline = panelCommand('outline', 'Show or hide the table list', ['Mod+1'])
export const toggleInspector = panelCommand('inspector', 'Show or hide the inspector', ['Mod+2'])
export const toggleProblems = panelCommand('problems', 'Show or hide problems', ['Mod+3'])
export const toggleCode: Command = {
  ...panelCommand('code', 'Toggle code panel', ['Mod+4']),
  keywords: ['dbml', 'sql', 'ddl', 'text', 'editor', 'monaco', 'type'],
}

export const importCommand: Command = {
  id: 'import',
  label: 'Import',
  group: 'Document',
  keys: ['Mod+I'],
  keywords: ['sql', 'dbml', 'prisma', 'open', 'paste'],
  run: (store) => store.getState().openDialog({ kind: 'import' }),
}

export const exportCommand: Command = {
  id: 'export',
  label: 'Export',
  group: 'Document',
  keys: ['Mod+E'],
  keywords: ['sql', 'ddl', 'prisma', 'drizzle', 'mermaid', 'dbml', 'markdown', 'json', 'download'],
  run: (store) => store.getState().openDialog({ kind: 'export' }),
}

export const keyboardShortcuts: Command = {
  id: 'keyboard-shortcuts',
  label: 'Keyboard shortcuts',
  group: 'Help',
  keys: ['Shift+?'],
  run: (store) => store.getState().openDialog({ kind: 'shortcuts' }),
}

export const escape: Command = {
  id: 'escape',
  label: 'Leave the current mode',
  group: 'Edit',
  keys: ['Escape'],
  inTextFields: false,
  run(store) {
    const state = store.getState()
    if (state.dialog.kind !== 'none') state.closeDialog()
    else state.select({ kind: 'none' })
  },
}

/** The top bar's theme switch gives way in narrow windows; the palette always has the three. */
function themeCommand(theme: 'system' | 'light' | 'dark', label: string): Command {
  return { id: `theme-${theme}`, label, group: 'View', keywords: ['theme', 'appearance', 'colour', 'color', theme], run: (store) => store.getState().setThemePreference(theme) }
}
export const themeLight = themeCommand('light', 'Use the light theme')
export const themeDark = themeCommand('dark', 'Use the dark theme')
export const themeSystem = themeCommand('system', 'Follow the system theme')
