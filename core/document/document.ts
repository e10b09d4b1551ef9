/**
 * The native file, `*.crowsfoot.json`: `{ version, name, schema, layout }`. Layout is not schema:
 * positions and colours live beside the model, and rules, exporters and diff never read them.
 *
 * Files are deterministic, pretty-printed JSON (the same design gives the same bytes), so that
 * git diffs of a design read well. Opening goes through one validating parser that migrates older
 * versions and turns bad content into messages with a JSON path, line and column.
 */
import type { Diagnostic } from '../diagnostics.ts'
import type { TableId } from '../model/ids.ts'
import type { Schema } from '../model/schema.ts'
import type { LintConfig } from '../rules/config.ts'
import type { ReviewComment } from './comments.ts'
import { emptySchema } from '../model/schema.ts'
import { formatPath, findSyntaxError, locatePath, positionAt } from './json-text.ts'
import { currentVersion, migrateDocument } from './migrations.ts'
import { checkReferences, documentShape } from './validate-document.ts'

export interface TableLayout {
  readonly x: number
  readonly y: number
  /** A CSS colour for the table header, e.g. `#3b82f6`. */
  readonly color?: string
  /** Auto layout leaves a pinned table where it is (the user placed it on purpose). */
  readonly pinned?: boolean
}

/** A named group of tables on the diagram (DBML `TableGroup`); presentation only. */
export interface TableGroup {
  readonly id: string
  readonly name: string
  readonly tableIds: readonly TableId[]
  readonly color?: string
  readonly note?: string
}

export interface Layout {
  readonly tables: Readonly<Record<TableId, TableLayout>>
  readonly groups?: readonly TableGroup[]
}

/**
 * A checkpoint of the schema: what it was at `at`, with the message it was saved with. Versions
 * are stored in the file, oldest first; two versions, or a version and the current design, can be
 * diffed and migrated between (ids are shared, so renames stay renames).
 */
export interface SavedVersion {
  /** `v1`, `v2`, ... in the order they were saved; never reused within a document. */
  readonly id: string
  readonly message: string
  /** When it was saved, as an ISO 8601 UTC time (`2026-03-01T09:30:00.000Z`). */
  readonly at: string
  readonly schema: Schema
}

export interface CrowsfootDocument {
  readonly version: typeof currentVersion
  readonly name: string
  readonly schema: Schema
  readonly layout: Layout
  /** The design's rule configuration (preset and per-rule settings); absent means recommended. */
  readonly lint?: LintConfig
  /** Review comments pinned to tables, columns and relationships (see `comments.ts`). */
  readonly comments?: readonly ReviewComment[]
  /** Saved versions, oldest first; absent when none was saved. */
  readonly versions?: readonly SavedVersion[]
}

export function createDocument(input: { name: string; schema?: Schema; layout?: Layout }): CrowsfootDocument {
  return { version: currentVersion, name: input.name, schema: input.schema ?? emptySchema, layout: input.layout ?? { tables: {} } }
}

// Keys print in this order (others alphabetically after them), so files read naturally and the
// same design always gives the same bytes whatever order code built the objects in.
const keyOrder = [
  'version', 'name', 'id', 'kind', 'message', 'at', 'namespaceId', 'type', 'enumId', 'schema', 'length', 'precision', 'scale', 'fields',
  'modifiers', 'arrayDims', 'nullable', 'default', 'value', 'sql', 'identity', 'generated', 'collation', 'unique',
  'method', 'columns', 'columnId', 'keys', 'include', 'where', 'target', 'tableId', 'expression', 'onDelete', 'onUpdate',
  'match', 'deferrable', 'nullsNotDistinct', 'noInherit', 'order', 'nulls', 'opclass', 'comment', 'primaryKey', 'uniques',
  'checks', 'foreignKeys', 'indexes', 'partitionBy', 'strategy', 'key', 'unlogged', 'values', 'namespaces', 'enums',
  'tables', 'extensions', 'layout', 'x', 'y', 'color', 'pinned', 'groups', 'tableIds', 'note', 'lint', 'preset', 'rules', 'comments', 'author', 'text', 'resolved', 'replyTo', 'foreignKeyId', 'versions',
]
const rank = new Map(keyOrder.map((k, i) => [k, i]))

function sortKeys(a: string, b: string): number {
  const ra = rank.get(a) ?? Infinity
  const rb = rank.get(b) ?? Infinity
  return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(value).sort(sortKeys)) {
      const v = (value as Record<string, unknown>)[k]
      if (v !== undefined) out[k] = canonical(v)
    }
    return out
  }
  return value
}

export function serializeDocument(doc: CrowsfootDocument): string {
  return JSON.stringify(canonical(doc), null, 2) + '\n'
}

export type ParseResult =
  | { readonly ok: true; readonly document: CrowsfootDocument; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] }

/** Reads a document from text. Never throws on bad input: the result says what and where. */
export function parseDocument(input: string): ParseResult {
  // Editors on Windows save a byte-order mark; it is not content.
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    const { message, offset } = findSyntaxError(text)
    return fail('invalid-json', `Not valid JSON: ${message}`, positionAt(text, offset))
  }
  return parseDocumentValue(raw, text)
}

/** The same checks on an already-parsed value; `text`, when given, lets messages carry lines. */
export function parseDocumentValue(raw: unknown, text?: string): ParseResult {
  const where = (path: Array<string | number>) => {
    const pos = text === undefined ? { line: 1, column: 1 } : positionAt(text, locatePath(text, path))
    return { ...pos, path: formatPath(path) }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return fail('invalid-document', 'This is not a Crowsfoot document: expected a JSON object with "version" and "schema".', where([]))
  const version = (raw as { version?: unknown }).version
  if (!('schema' in raw) || version === undefined)
    return fail('invalid-document', 'This is not a Crowsfoot document: "version" or "schema" is missing.', where([]))
  const migrated = migrateDocument(raw as Record<string, unknown>)
  if (!migrated.ok) return fail('unsupported-version', migrated.message, where(['version']))
  const problem = documentShape(migrated.value, [])
  if (problem) return fail('invalid-document', problem.message, where(problem.path))
  const doc = migrated.value as unknown as CrowsfootDocument
  const refProblem = checkReferences(doc)
  if (refProblem) return fail('invalid-document', refProblem.message, where(refProblem.path))
  return { ok: true, document: doc, diagnostics: [] }
}

function fail(code: string, message: string, location: Diagnostic['location']): ParseResult {
  return { ok: false, diagnostics: [{ code, severity: 'error', message, ...(location ? { location } : {}) }] }
}
