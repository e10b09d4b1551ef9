/**
 * Every command, in the order the palette lists them within a group. Add new commands here, in
 * their own file (sql-formatter's style: one list, one place to look).
 */
import { addColumnCommand } from './add-column.ts'
import { addTableCommand } from './add-table.ts'
import { deleteSelection } from './delete-selection.ts'
import { duplicateDesign, newDesign, openDesign, openFileCommand, renameDesignCommand, saveToFileCommand } from './documents.ts'
import { exportImageCommand, shareCommand, showCommentsCommand } from './share.ts'
import { autoLayoutCommand, togglePin, toggleSnap } from './layout.ts'
import { redo } from './redo.ts'
import { configureRules } from './rules.ts'
import { selectAll } from './select-all.ts'
import type { Command } from './types.ts'
import { undo } from './undo.ts'
import { saveVersionCommand, toggleMigrations } from './versions.ts'
import {
  commandPalette,
  escape,
  exportCommand,
  importCommand,
  keyboardShortcuts,
  toggleInspector,
  toggleOutline,
  toggleCode,
  toggleProblems,
  themeDark,
  themeLight,
  themeSystem,
  zoomToFit,
} from './view.ts'

export const commands: readonly Command[] = [
  addTableCommand,
  addColumnCommand,
  undo,
  redo,
  deleteSelection,
  selectAll,
  autoLayoutCommand,
  togglePin,
  importCommand,
  exportCommand,
  exportImageCommand,
  shareCommand,
  showCommentsCommand,
  configureRules,
  newDesign,
  openDesign,
  openFileCommand,
  saveToFileCommand,
  saveVersionCommand,
  renameDesignCommand,
  duplicateDesign,
  commandPalette,
  zoomToFit,
  toggleSnap,
  toggleOutline,
  toggleInspector,
  toggleProblems,
  toggleMigrations,
  toggleCode,
  themeLight,
  themeDark,
  themeSystem,
  keyboardShortcuts,
  escape,
]

export function getCommand(id: string): Command {
  const c = commands.find((x) => x.id === id)
  if (!c) throw new Error(`No command "${id}"`)
  return c
}

export type { Command } from './types.ts'
