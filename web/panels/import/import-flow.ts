/**
 * The Import dialog's logic, free of React: which format a text is, what the import would make of
 * the open design, and whether it may be applied. Parsing runs in the workers; nothing here
 * touches the store, so a failed or refused import cannot change the design.
 */
import type { CrowsfootDocument, Diagnostic, ImportResult, Layout, ParseResult, Schema, TableGroup } from '@core'
import { createDocument, guessFormat, hasErrors, importerForFile } from '@core'

export type ImportFormat = 'postgres' | 'dbml' | 'prisma' | 'json'
export type ImportMode = 'replace' | 'new'

export const importFormats: readonly { readonly value: ImportFormat; readonly label: string }[] = [
  { value: 'postgres', label: 'PostgreSQL DDL' },
  { value: 'dbml', label: 'DBML' },
  { value: 'prisma', label: 'Prisma schema' },
  { value: 'json', label: 'Crowsfoot JSON' },
]

export const formatLabel = (f: ImportFormat) => importFormats.find((x) => x.value === f)?.label ?? f
const isFormat = (id: string | undefined): id is ImportFormat => importFormats.some((f) => f.value === id)

export interface Detection {
  readonly format: ImportFormat | undefined
  readonly source: 'file name' | 'content' | undefined
}

/** The format by the file's name where it says, else by the first lines of the text. */
export function detectFormat(text: string, fileName?: string): Detection {
  const byName = fileName ? importerForFile(fileName)?.id : undefined
  if (isFormat(byName)) return { format: byName, source: 'file name' }
  const byContent = guessFormat(text)
  if (byContent) return { format: byContent, source: 'content' }
  return { format: undefined, source: undefined }
}

/** `shop.crowsfoot.json` → `shop`: a new design is named after its file. */
export function baseName(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined
  const name = fileName.replace(/^.*[\\/]/, '').replace(/\.crowsfoot\.json$/i, '').replace(/\.[^.]+$/, '')
  return name.trim() || undefined
}

export interface ImportRequest {
  readonly text: string
  readonly fileName?: string
  readonly format: ImportFormat
  readonly mode: ImportMode
}

export interface ImportWorkers {
  /** A text format, parsed in the core worker; `previous` re-attaches ids by name. */
  importText(format: string, text: string, fileName: string | undefined, previous: Schema | undefined): Promise<ImportResult>
  /** A Crowsfoot document, read through the validating loader. */
  parseDocument(text: string): Promise<ParseResult>
}

export type ImportOutcome =
  /** Nothing could be read: the diagnostics say where and why. */
  | { readonly kind: 'failed'; readonly diagnostics: readonly Diagnostic[] }
  /** Parsed, but parts had errors and would be left out: applied only if the person says so. */
  | { readonly kind: 'partial'; readonly document: CrowsfootDocument; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'ready'; readonly document: CrowsfootDocument; readonly diagnostics: readonly Diagnostic[] }

/** Parses the text and builds the document the import would open, without applying it. */
export async function prepareImport(request: ImportRequest, current: CrowsfootDocument, workers: ImportWorkers): Promise<ImportOutcome> {
  if (request.text.trim() === '')
    return { kind: 'failed', diagnostics: [{ code: 'empty-input', severity: 'error', message: 'There is nothing to import: the text is empty.' }] }
  if (request.format === 'json') {
    const parsed = await workers.parseDocument(request.text)
    if (!parsed.ok) return { kind: 'failed', diagnostics: parsed.diagnostics }
    // The file is a whole design; replacing keeps the project's name, a new design keeps the file's.
    const document = request.mode === 'replace' ? { ...parsed.document, name: current.name } : parsed.document
    return { kind: hasErrors(parsed.diagnostics) ? 'partial' : 'ready', document, diagnostics: parsed.diagnostics }
  }
  const previous = request.mode === 'replace' ? current.schema : undefined
  const result = await workers.importText(request.format, request.text, request.fileName, previous)
  if (!result.ok) return { kind: 'failed', diagnostics: result.diagnostics }
  const document =
    request.mode === 'replace'
      ? { ...current, schema: result.schema, layout: replacedLayout(current.layout, result.schema, result.groups) }
      : createDocument({ name: baseName(request.fileName) ?? 'Imported design', schema: result.schema, layout: { tables: {}, ...(result.groups ? { groups: result.groups } : {}) } })
  return { kind: hasErrors(result.diagnostics) ? 'partial' : 'ready', document, diagnostics: result.diagnostics }
}

/**
 * A re-import keeps the positions and colours of tables that kept their ids (the store drops
 * those of tables that went and places new ones). Groups come from the text when it has them
 * (DBML), keeping the ids of groups that kept their names; otherwise the design's groups stay.
 */
export function replacedLayout(layout: Layout, schema: Schema, groups: readonly TableGroup[] | undefined): Layout {
  const before = new Map((layout.groups ?? []).map((g) => [g.name, g]))
  const source = groups
    ? groups.map((g) => {
        const old = before.get(g.name)
        return old ? { ...g, id: old.id, ...(old.color && !g.color ? { color: old.color } : {}) } : g
      })
    : (layout.groups ?? [])
  const ids = new Set(schema.tables.map((t) => t.id))
  const kept = source.map((g) => ({ ...g, tableIds: g.tableIds.filter((id) => ids.has(id)) })).filter((g) => g.tableIds.length > 0)
  const rest: Layout = { tables: layout.tables }
  return kept.length > 0 ? { ...rest, groups: kept } : rest
}

/** Located problems first, in text order; then the rest (summaries) in the importer's order. */
export function reportOrder(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const located = diagnostics.filter((d) => d.location).sort((a, b) => a.location!.line - b.location!.line || a.location!.column - b.location!.column)
  return [...located, ...diagnostics.filter((d) => !d.location)]
}

/** Whether the report has anything worth showing beyond a plain count. */
export function worthShowing(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity !== 'info' || d.location !== undefined)
}

export function countTables(document: CrowsfootDocument): string {
  const n = document.schema.tables.length
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'table' : 'tables'}`
}
