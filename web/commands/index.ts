/**
 * Every command, in the order the palette lists them within a group. Add new commands here, in
 * their own file (sql-formatter's style: one list, one place to look).
 */
import { addColumnCommand } from './add-column.ts'
import { addTableCommand } from './add-table.ts'
import { deleteSelection } from './delete-selection.ts'
import { duplicateDesign, newDesign, openDesign, openFileCommand, renameDesignCommand, saveToFileCommand } from './documents.ts'
import { autoLayoutCommand, togglePin, toggleSnap } from './layout.ts'
import { redo } from './redo.ts'
import { configureRules } from './rules.ts'
import { selectAll } from './select-all.ts'
import type { Command } from './types.ts'
import { undo } from './undo.ts'
import {
  commandPalette,
  escape,
  exportCommand,
  importCommand,
  keyboardShortcuts,
  toggleInspector,
  toggleOutline,
  toggleProblems,
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
  configureRules,
  newDesign,
  openDesign,
  openFileCommand,
  saveToFileCommand,
  renameDesignCommand,
  duplicateDesign,
  commandPalette,
  zoomToFit,
  toggleSnap,
  toggleOutline,
  toggleInspector,
  toggleProblems,
  keyboardShortcuts,
  escape,
]

export function getCommand(id: string): Command {
  const c = commands.find((x) => x.id === id)
  if (!c) throw new Error(`No command "${id}"`)
  return c
}

export type { Command } from './types.ts'
