/**
 * Undo and redo. Every recorded user action keeps the document as it was before the action; the
 * model is immutable with structural sharing, so a snapshot costs one pointer, not a copy.
 *
 * Typing in a field records one entry, not one per keystroke: actions with the same `coalesce`
 * key that follow each other closely merge into the entry of the first. History lives in memory
 * only: a reload starts fresh (design.md: "history survives nothing it should not").
 */
import type { StateCreator } from 'zustand'
import type { CrowsfootDocument } from '@core'
import type { AppState } from './index.ts'
import type { Selection } from './selection-slice.ts'

export interface HistoryEntry {
  /** What the user did, for the Undo and Redo tooltips ("Rename column"). */
  readonly label: string
  /** The document to go back to. */
  readonly document: CrowsfootDocument
  readonly selection: Selection
  readonly coalesce?: string
  readonly at: number
}

export interface HistorySlice {
  readonly past: readonly HistoryEntry[]
  readonly future: readonly HistoryEntry[]
  /** History: moves one entry from past to future. */
  undo(): void
  /** History: moves one entry from future to past. */
  redo(): void
}

/** Enough for a long session; the oldest entries go first. */
export const historyLimit = 300
/** Keystrokes in one field closer than this merge into one undo entry. */
export const coalesceWindowMs = 1500

/** The past after recording `entry`: merged into the last entry when both share a coalesce key. */
export function pushEntry(past: readonly HistoryEntry[], entry: HistoryEntry): readonly HistoryEntry[] {
  const last = past[past.length - 1]
  if (entry.coalesce !== undefined && last?.coalesce === entry.coalesce && entry.at - last.at < coalesceWindowMs) {
    // Keep the document from before the first keystroke; only the clock moves on.
    return [...past.slice(0, -1), { ...last, at: entry.at }]
  }
  const next = [...past, entry]
  return next.length > historyLimit ? next.slice(next.length - historyLimit) : next
}

/**
 * The selection an entry restores, without its focus request: focus is a one-shot ask to move the
 * keyboard into a field, and replaying it on undo would pull the keys away from the canvas.
 */
export function restorable(selection: Selection): Selection {
  return selection.kind === 'tables' && selection.focus ? { kind: 'tables', tableIds: selection.tableIds } : selection
}

export const createHistorySlice: StateCreator<AppState, [], [], HistorySlice> = (set) => ({
  past: [],
  future: [],
  undo() {
    set((state) => {
      const entry = state.past[state.past.length - 1]
      if (!entry) return state
      const back: HistoryEntry = { label: entry.label, document: state.document, selection: restorable(state.selection), at: Date.now() }
      return {
        past: state.past.slice(0, -1),
        future: [...state.future, back],
        document: entry.document,
        selection: restorable(entry.selection),
        revision: state.revision + 1,
      }
    })
  },
  redo() {
    set((state) => {
      const entry = state.future[state.future.length - 1]
      if (!entry) return state
      const back: HistoryEntry = { label: entry.label, document: state.document, selection: restorable(state.selection), at: Date.now() }
      return {
        future: state.future.slice(0, -1),
        past: [...state.past, back],
        document: entry.document,
        selection: restorable(entry.selection),
        revision: state.revision + 1,
      }
    })
  },
})
