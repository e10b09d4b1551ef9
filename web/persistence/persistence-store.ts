/**
 * What the documents layer shows: the save status, whether storage works at all, and the project
 * list. A store of its own, beside the app store, so that a save never counts as a document change.
 */
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type { SaveStatus } from './autosave.ts'
import type { StorageErrorKind } from './idb.ts'
import type { ProjectMeta } from './project-db.ts'

export interface PersistenceState {
  readonly status: SaveStatus
  /** Undefined while storage works; otherwise why it does not. */
  readonly storageProblem: { readonly kind: StorageErrorKind; readonly message: string } | undefined
  readonly projects: readonly ProjectMeta[]
  readonly projectsLoaded: boolean
}

export function createPersistenceStore() {
  return createStore<PersistenceState>()(() => ({
    status: { kind: 'draft' },
    storageProblem: undefined,
    projects: [],
    projectsLoaded: false,
  }))
}

export type PersistenceStore = ReturnType<typeof createPersistenceStore>

export const persistenceStore: PersistenceStore = createPersistenceStore()

export function usePersistence<T>(selector: (state: PersistenceState) => T): T {
  return useStore(persistenceStore, selector)
}
