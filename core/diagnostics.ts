/**
 * Diagnostics are data, shared by importers, exporters, the document loader and the rule engine.
 */
import type { ColumnId, ConstraintId, EnumId, IndexId, NamespaceId, TableId } from './model/ids.ts'

export type Severity = 'error' | 'warning' | 'info'

/** What a diagnostic is about, by id (for selecting it in the app) and by name (for people). */
export interface DiagnosticTarget {
  readonly namespaceId?: NamespaceId
  readonly tableId?: TableId
  readonly columnId?: ColumnId
  readonly constraintId?: ConstraintId
  readonly indexId?: IndexId
  readonly enumId?: EnumId
  /** Schema-qualified table name, e.g. `public.orders`. */
  readonly table?: string
  readonly column?: string
  readonly constraint?: string
  readonly index?: string
  readonly enum?: string
}

/** A position in source text (1-based line and column) or in a JSON document (path). */
export interface SourceLocation {
  readonly line: number
  readonly column: number
  readonly endLine?: number
  readonly endColumn?: number
  /** JSON path in an opened document, e.g. `$.schema.tables[3].columns[0].type`. */
  readonly path?: string
}

export interface Diagnostic {
  /** A rule id (`fk-target-missing`) or the id of an importer/exporter/loader finding. */
  readonly code: string
  readonly severity: Severity
  readonly message: string
  readonly target?: DiagnosticTarget
  readonly location?: SourceLocation
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error')
}
