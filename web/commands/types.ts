/**
 * A command is one thing a user can do, found by name in the palette and bound to keys. Commands
 * are data plus `run`; they call store actions (which call core edits), never React Flow directly.
 */
import type { AppState, AppStore } from '../store/index.ts'

export type CommandGroup = 'Edit' | 'Design' | 'View' | 'Document' | 'Help'

export interface Command {
  /** Kebab-case, unique; also the file name. */
  readonly id: string
  readonly label: string
  readonly group: CommandGroup
  /** Key chords as `Mod+Shift+Z` (Mod is Ctrl, or Cmd on a Mac); the first is shown in menus. */
  readonly keys?: readonly string[]
  /** Whether a chord fires while typing in a text field (Escape, Ctrl+K do; Delete does not). */
  readonly inTextFields?: boolean
  /** Words the palette also matches ("new" finds "Add table"). */
  readonly keywords?: readonly string[]
  enabled?(state: AppState): boolean
  run(store: AppStore): void | Promise<void>
}
