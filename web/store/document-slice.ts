/**
 * The open document. Edits go through core (`@core` edits are pure); this slice only swaps in
 * the result. History does not exist yet: each action below says what it will record once the
 * history slice lands, so that undo never has to guess.
 */
import type { StateCreator } from 'zustand'
import type { CrowsfootDocument, TableId } from '@core'
import { createDocument } from '@core'
import { placeTables } from '../canvas/grid-layout.ts'
import type { AppState } from './index.ts'

export interface Point {
  readonly x: number
  readonly y: number
}

export interface DocumentSlice {
  readonly document: CrowsfootDocument
  /** Replaces the open document, placing tables that have no position. History: clears it. */
  openDocument(doc: CrowsfootDocument): void
  /** Moves tables to new positions. History: one entry per call (a drag calls it once, on drop). */
  moveTables(positions: ReadonlyMap<TableId, Point>): void
}

export const createDocumentSlice: StateCreator<AppState, [], [], DocumentSlice> = (set) => ({
  document: createDocument({ name: 'Untitled' }),
  openDocument(doc) {
    set({ document: { ...doc, layout: placeTables(doc.schema, doc.layout) } })
  },
  moveTables(positions) {
    set((state) => {
      const tables = { ...state.document.layout.tables }
      let moved = false
      for (const [id, { x, y }] of positions) {
        if (tables[id]?.x === x && tables[id]?.y === y) continue
        // Keep the table's colour and anything else the layout holds; only the position moves.
        tables[id] = { ...tables[id], x, y }
        moved = true
      }
      // The same state object tells zustand (and later the history) that nothing happened.
      if (!moved) return state
      const { document } = state
      return { document: { ...document, layout: { ...document.layout, tables } } }
    })
  },
})
