/**
 * One store, built from slices (zustand's slices pattern). It is a vanilla store so that slices
 * are tested without React; components read it through `useApp` with a selector.
 */
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import { createDiagnosticsSlice, type DiagnosticsSlice } from './diagnostics-slice.ts'
import { createDocumentSlice, type DocumentSlice } from './document-slice.ts'
import { createHistorySlice, type HistorySlice } from './history-slice.ts'
import { createSelectionSlice, type SelectionSlice } from './selection-slice.ts'
import { createUiSlice, type UiSlice } from './ui-slice.ts'

export type AppState = DocumentSlice & HistorySlice & SelectionSlice & UiSlice & DiagnosticsSlice

export function createAppStore() {
  return createStore<AppState>()((...a) => ({
    ...createDocumentSlice(...a),
    ...createHistorySlice(...a),
    ...createSelectionSlice(...a),
    ...createUiSlice(...a),
    ...createDiagnosticsSlice(...a),
  }))
}

export type AppStore = ReturnType<typeof createAppStore>

export const appStore: AppStore = createAppStore()

export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector)
}
