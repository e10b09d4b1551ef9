/** Selectors return stored references or primitives, so zustand's equality check holds. */
import type { AppState } from './index.ts'

export const selectDocumentName = (s: AppState) => s.document.name
export const selectSchema = (s: AppState) => s.document.schema
export const selectLayout = (s: AppState) => s.document.layout
export const selectTableCount = (s: AppState) => s.document.schema.tables.length
export const selectRelationshipCount = (s: AppState) =>
  s.document.schema.tables.reduce((n, t) => n + t.foreignKeys.length, 0)
export const selectThemePreference = (s: AppState) => s.themePreference
