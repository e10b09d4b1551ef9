/**
 * What the user has selected. One discriminated union rather than a bag of optional ids, so the
 * inspector and the canvas never disagree about what "selected" means.
 */
import type { StateCreator } from 'zustand'
import type { ColumnId, ConstraintId, EnumId, IndexId, Schema, TableId } from '@core'
import type { AppState } from './index.ts'

/** A part of a table the inspector should scroll to and focus. */
export type Focus =
  | { readonly kind: 'name' }
  | { readonly kind: 'column'; readonly columnId: ColumnId }
  | { readonly kind: 'constraint'; readonly constraintId: ConstraintId }
  | { readonly kind: 'index'; readonly indexId: IndexId }

export type Selection =
  | { readonly kind: 'none' }
  | { readonly kind: 'tables'; readonly tableIds: readonly TableId[]; readonly focus?: Focus }
  | { readonly kind: 'relationship'; readonly tableId: TableId; readonly foreignKeyId: ConstraintId }
  | { readonly kind: 'enum'; readonly enumId: EnumId }

export const noSelection: Selection = { kind: 'none' }

export interface SelectionSlice {
  readonly selection: Selection
  /** History: none (selecting is not an edit; undo restores the selection of its entry). */
  select(selection: Selection): void
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selection: noSelection,
  select(selection) {
    set((state) => (sameSelection(state.selection, selection) ? state : { selection }))
  },
})

export function selectedTableIds(selection: Selection): readonly TableId[] {
  switch (selection.kind) {
    case 'tables':
      return selection.tableIds
    case 'relationship':
      return []
    case 'none':
    case 'enum':
      return []
  }
}

/** The selection with everything that no longer exists in `schema` left out. */
export function pruneSelection(selection: Selection, schema: Schema): Selection {
  switch (selection.kind) {
    case 'none':
      return selection
    case 'tables': {
      const present = new Set(schema.tables.map((t) => t.id))
      const tableIds = selection.tableIds.filter((id) => present.has(id))
      if (tableIds.length === selection.tableIds.length) return selection
      return tableIds.length === 0 ? noSelection : { kind: 'tables', tableIds }
    }
    case 'relationship': {
      const table = schema.tables.find((t) => t.id === selection.tableId)
      return table?.foreignKeys.some((fk) => fk.id === selection.foreignKeyId) ? selection : noSelection
    }
    case 'enum':
      return schema.enums.some((e) => e.id === selection.enumId) ? selection : noSelection
  }
}

function sameSelection(a: Selection, b: Selection): boolean {
  if (a === b) return true
  if (a.kind !== b.kind) return false
  if (a.kind === 'tables' && b.kind === 'tables')
    return (
      a.tableIds.length === b.tableIds.length &&
      a.tableIds.every((id, i) => id === b.tableIds[i]) &&
      JSON.stringify(a.focus) === JSON.stringify(b.focus)
    )
  return JSON.stringify(a) === JSON.stringify(b)
}
