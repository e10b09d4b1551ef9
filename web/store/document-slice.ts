/**
 * The open document. Every change a user makes goes through `apply`, which runs a pure core edit,
 * records one history entry and keeps the selection valid. Domain logic stays in `@core` edits;
 * this slice only swaps in their result.
 *
 * Each action says whether it records history, so undo never has to guess.
 */
import type { StateCreator } from 'zustand'
import type { CrowsfootDocument, Layout, Schema, TableId } from '@core'
import { CoreError, createDocument } from '@core'
import { placeTables } from '../canvas/grid-layout.ts'
import { pushEntry, restorable } from './history-slice.ts'
import type { AppState } from './index.ts'
import { noSelection, pruneSelection, type Selection } from './selection-slice.ts'

export interface Point {
  readonly x: number
  readonly y: number
}

export interface ApplyOptions {
  /** Consecutive actions with the same key merge into one undo entry (typing in one field). */
  readonly coalesce?: string
  /** The selection after the action (default: the current one, less what no longer exists). */
  readonly select?: Selection
}

export type ApplyResult = { readonly ok: true } | { readonly ok: false; readonly message: string }

export interface DocumentSlice {
  readonly document: CrowsfootDocument
  /** Which stored project the document is (IndexedDB key); undefined until it is first saved. */
  readonly projectId: string | undefined
  /** Goes up by one on every change of `document`, including undo and redo. */
  readonly revision: number
  /** Replaces the open document, placing tables that have no position. History: clears it. */
  openDocument(doc: CrowsfootDocument, projectId?: string): void
  /**
   * One user action. `change` gets the current document and returns the next one; a core edit
   * that refuses (a duplicate name, say) throws a CoreError, which comes back as `ok: false` with
   * its message and leaves everything untouched. History: one entry (or merged, see `coalesce`).
   */
  apply(label: string, change: (doc: CrowsfootDocument) => CrowsfootDocument, options?: ApplyOptions): ApplyResult
  /** `apply` for a schema edit; new tables get a position. History: one entry. */
  editSchema(label: string, edit: (schema: Schema) => Schema, options?: ApplyOptions): ApplyResult
  /**
   * Moves tables to new positions. History: one entry per call (a drag calls it once, on drop);
   * with `coalesce`, a burst of moves (arrow-key nudges) merges into one.
   */
  moveTables(positions: ReadonlyMap<TableId, Point>, options?: Pick<ApplyOptions, 'coalesce'>): void
  /** Puts in a whole new design (an import) as one undoable action. History: one entry. */
  replaceDocument(label: string, doc: CrowsfootDocument): void
  /** Records which stored project the open document is (a draft stored for the first time). History: none. */
  assignProject(projectId: string): void
}

export const createDocumentSlice: StateCreator<AppState, [], [], DocumentSlice> = (set, get) => ({
  document: createDocument({ name: 'Untitled' }),
  projectId: undefined,
  revision: 0,

  openDocument(doc, projectId) {
    set((state) => ({
      document: { ...doc, layout: placeTables(doc.schema, doc.layout) },
      projectId,
      revision: state.revision + 1,
      past: [],
      future: [],
      selection: noSelection,
    }))
  },

  apply(label, change, options = {}) {
    const state = get()
    let next: CrowsfootDocument
    try {
      next = change(state.document)
    } catch (e) {
      if (e instanceof CoreError && (e.code === 'invalid-edit' || e.code === 'missing-object')) return { ok: false, message: e.message }
      throw e
    }
    if (next === state.document) return { ok: true }
    if (next.schema !== state.document.schema) next = withPositions(next, state.document.layout)
    const entry = { label, document: state.document, selection: restorable(state.selection), at: Date.now(), ...(options.coalesce ? { coalesce: options.coalesce } : {}) }
    set({
      document: next,
      revision: state.revision + 1,
      past: pushEntry(state.past, entry),
      future: [],
      selection: pruneSelection(options.select ?? state.selection, next.schema),
    })
    return { ok: true }
  },

  editSchema(label, edit, options) {
    return get().apply(label, (doc) => {
      const schema = edit(doc.schema)
      return schema === doc.schema ? doc : { ...doc, schema }
    }, options)
  },

  moveTables(positions, options) {
    get().apply(options?.coalesce ? 'Nudge tables' : 'Move tables', (doc) => {
      const tables = { ...doc.layout.tables }
      let moved = false
      for (const [id, { x, y }] of positions) {
        if (tables[id]?.x === x && tables[id]?.y === y) continue
        // Keep the table's colour and anything else the layout holds; only the position moves.
        tables[id] = { ...tables[id], x, y }
        moved = true
      }
      // The same document object tells `apply` (and the history) that nothing happened.
      if (!moved) return doc
      return { ...doc, layout: { ...doc.layout, tables } }
    }, options?.coalesce ? { coalesce: options.coalesce } : {})
  },

  replaceDocument(label, doc) {
    // Positions of tables the new design does not have would skew where its new tables go.
    const ids = new Set(doc.schema.tables.map((t) => t.id))
    const tables = Object.fromEntries(Object.entries(doc.layout.tables).filter(([id]) => ids.has(id as TableId))) as Layout['tables']
    const layout = placeTables(doc.schema, { ...doc.layout, tables })
    get().apply(label, (current) => ({ ...doc, layout, name: doc.name || current.name }), {
      select: noSelection,
    })
  },
  assignProject(projectId) {
    set({ projectId })
  },
})

/**
 * Tables that appeared without a position get one; layout entries of removed tables go, so a
 * removed table does not leave a ghost position that an undo would then disagree with.
 */
function withPositions(doc: CrowsfootDocument, previous: Layout): CrowsfootDocument {
  let layout = doc.layout
  const ids = new Set(doc.schema.tables.map((t) => t.id))
  const stale = Object.keys(layout.tables).filter((id) => !ids.has(id as TableId))
  if (stale.length > 0) {
    const tables = { ...layout.tables }
    for (const id of stale) delete tables[id as TableId]
    layout = { ...layout, tables }
  }
  layout = placeTables(doc.schema, layout)
  return layout === doc.layout ? doc : { ...doc, layout: layout === previous ? previous : layout }
}
