/** Selectors return stored references or primitives, so zustand's equality check holds. */
import type { Finding } from '../worker/protocol.ts'
import type { AppState } from './index.ts'

export const selectDocumentName = (s: AppState) => s.document.name
export const selectSchema = (s: AppState) => s.document.schema
export const selectLayout = (s: AppState) => s.document.layout
export const selectTableCount = (s: AppState) => s.document.schema.tables.length
export const selectRelationshipCount = (s: AppState) =>
  s.document.schema.tables.reduce((n, t) => n + t.foreignKeys.length, 0)
export const selectThemePreference = (s: AppState) => s.themePreference
export const selectSelection = (s: AppState) => s.selection

export interface ProblemCounts {
  readonly error: number
  readonly warning: number
  readonly info: number
}

// Counting thousands of findings on every store change would be waste: count once per result.
const countCache = new WeakMap<readonly Finding[], ProblemCounts>()
export const selectProblemCounts = (s: AppState): ProblemCounts => {
  let counts = countCache.get(s.findings)
  if (!counts) {
    const c = { error: 0, warning: 0, info: 0 }
    for (const f of s.findings) c[f.severity]++
    countCache.set(s.findings, (counts = c))
  }
  return counts
}
