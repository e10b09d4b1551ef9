/**
 * What the code panel knows about the design beyond syntax: lint findings as markers on the
 * lines of their tables and columns, their quick fixes as code actions (the same fixes, through
 * the same worker request, as the problems panel), and completion of table and column names in
 * SQL. DBML's own completion and go to definition come from @dbml/parse (see monaco.ts).
 */
import type { Schema } from '@core'
import { findTable, sourceRanges } from '@core'
import type { AppStore } from '../../store/index.ts'
import type { CoreClient } from '../../worker/client.ts'
import type { Finding } from '../../worker/protocol.ts'
import { runQuickFix } from '../problems/fix-actions.ts'
import type { monaco as MonacoNs } from './monaco.ts'

type Monaco = typeof MonacoNs
type Model = ReturnType<Monaco['editor']['createModel']>

export const lintOwner = 'crowsfoot-lint'
const fixCommand = 'crowsfoot.applyFix'
/** Beyond this many, markers would cost more than they tell (the problems panel lists them all). */
const maxMarkers = 5000

/** Which finding each lint marker shows, per model, for the code actions. */
const markerFindings = new WeakMap<Model, Map<string, Finding>>()
const shownSignature = new WeakMap<Model, string>()
const markerKey = (line: number, message: string) => `${line}\u0000${message}`

const sqlKeywords = ['CREATE TABLE', 'ALTER TABLE', 'PRIMARY KEY', 'REFERENCES', 'FOREIGN KEY', 'NOT NULL', 'UNIQUE', 'DEFAULT', 'CHECK', 'CONSTRAINT', 'CREATE INDEX', 'CREATE TYPE', 'AS ENUM', 'ON DELETE CASCADE', 'ON DELETE SET NULL', 'COMMENT ON']
const sqlTypes = ['bigint', 'integer', 'smallint', 'text', 'varchar', 'boolean', 'uuid', 'timestamptz', 'timestamp', 'date', 'numeric', 'jsonb', 'bytea', 'inet', 'serial', 'bigserial']

let installed = false

export function installLanguageFeatures(monaco: Monaco, store: AppStore, client: () => CoreClient): void {
  if (installed) return
  installed = true

  monaco.editor.registerCommand(fixCommand, (_accessor: unknown, finding: Finding, index: number, title: string) => {
    void runQuickFix(store, client(), finding, index, title)
  })

  for (const language of ['dbml', 'pgsql']) {
    monaco.languages.registerCodeActionProvider(language, {
      async provideCodeActions(model, _range, context) {
        const byMarker = markerFindings.get(model)
        const found = context.markers.flatMap((m) => {
          const f = byMarker?.get(markerKey(m.startLineNumber, m.message))
          return f && f.hasFixes ? [{ marker: m, finding: f }] : []
        })
        if (found.length === 0) return { actions: [], dispose() {} }
        const titles = await client().fixTitles(found.map((x) => x.finding.key))
        const actions = found.flatMap(({ marker, finding }) =>
          (titles[finding.key] ?? []).map((title, index) => ({
            title,
            kind: 'quickfix',
            diagnostics: [marker],
            isPreferred: index === 0,
            command: { id: fixCommand, title, arguments: [finding, index, title] },
          })),
        )
        return { actions, dispose() {} }
      },
    })
  }

  monaco.languages.registerCompletionItemProvider('pgsql', {
    triggerCharacters: ['.', ' ', '('],
    provideCompletionItems(model, position) {
      const schema = store.getState().document.schema
      const word = model.getWordUntilPosition(position)
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn }
      const before = model.getLineContent(position.lineNumber).slice(0, word.startColumn - 1)
      const { Kind } = { Kind: monaco.languages.CompletionItemKind }
      const quote = (name: string) => (/^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`)
      // After `table.`: that table's columns only.
      const qualifier = /("(?:[^"]|"")+"|[\p{L}_][\p{L}\p{N}_$]*)\.$/u.exec(before)?.[1]
      if (qualifier) {
        const name = qualifier.startsWith('"') ? qualifier.slice(1, -1).replaceAll('""', '"') : qualifier.toLowerCase()
        const table = schema.tables.find((t) => t.name === name)
        if (table) return { suggestions: table.columns.map((c) => ({ label: c.name, kind: Kind.Field, insertText: quote(c.name), range, detail: `${table.name} column` })) }
        const namespace = schema.namespaces.find((n) => n.name === name)
        if (namespace)
          return { suggestions: schema.tables.filter((t) => t.namespaceId === namespace.id).map((t) => ({ label: t.name, kind: Kind.Class, insertText: quote(t.name), range, detail: 'table' })) }
      }
      const suggestions: MonacoNs.languages.CompletionItem[] = []
      for (const t of schema.tables) suggestions.push({ label: t.name, kind: Kind.Class, insertText: quote(t.name), range, detail: 'table' })
      // Inside REFERENCES t (...): the columns of t first.
      const referenced = /REFERENCES\s+(?:[\p{L}_"][^\s(]*\.)?("(?:[^"]|"")+"|[\p{L}_][\p{L}\p{N}_$]*)\s*\([^)]*$/iu.exec(before)?.[1]
      const target = referenced ? schema.tables.find((t) => t.name === (referenced.startsWith('"') ? referenced.slice(1, -1) : referenced.toLowerCase())) : undefined
      const seen = new Set<string>()
      for (const t of target ? [target] : schema.tables)
        for (const c of t.columns) {
          if (seen.has(c.name)) continue
          seen.add(c.name)
          suggestions.push({ label: c.name, kind: Kind.Field, insertText: quote(c.name), range, detail: target ? `${t.name} column` : 'column', sortText: target ? '0' : '2' })
        }
      for (const k of sqlKeywords) suggestions.push({ label: k, kind: Kind.Keyword, insertText: k, range, sortText: '3' })
      for (const k of sqlTypes) suggestions.push({ label: k, kind: Kind.TypeParameter, insertText: k, range, sortText: '3' })
      return { suggestions }
    },
  })
}

/**
 * The findings as markers on the lines of what they are about, found by name in the model's
 * text (whatever wrote it). Findings about the design as a whole have no line and are left to
 * the problems panel.
 */
export function showLintMarkers(monaco: Monaco, model: Model, format: 'dbml' | 'postgres', findings: readonly Finding[], schema: Schema): void {
  const ranges = sourceRanges(format, model.getValue())
  const nsName = new Map(schema.namespaces.map((n) => [n.id, n.name]))
  const byMarker = new Map<string, Finding>()
  const markers: MonacoNs.editor.IMarkerData[] = []
  const { MarkerSeverity } = monaco
  for (const f of findings) {
    if (markers.length >= maxMarkers) break
    const t = f.target
    let at: { line: number } | undefined
    if (t.tableId) {
      const table = findTable(schema, t.tableId)
      if (!table) continue
      const q = `${nsName.get(table.namespaceId) ?? 'public'}.${table.name}`
      const column = t.columnId ? table.columns.find((c) => c.id === t.columnId) : undefined
      at = (column && ranges.columns.get(`${q}.${column.name}`)) || ranges.tables.get(q)
    } else if (t.enumId) {
      const e = schema.enums.find((x) => x.id === t.enumId)
      if (e) at = ranges.enums.get(`${nsName.get(e.namespaceId) ?? 'public'}.${e.name}`)
    }
    if (!at) continue
    const line = at.line
    const text = model.getLineContent(line)
    const first = text.length - text.trimStart().length + 1
    const message = `${f.message} (${f.rule})`
    byMarker.set(markerKey(line, message), f)
    markers.push({
      // Notes as hints (faint dots), so that a design full of advice stays readable.
      severity: f.severity === 'error' ? MarkerSeverity.Error : f.severity === 'warning' ? MarkerSeverity.Warning : MarkerSeverity.Hint,
      message,
      source: 'Crowsfoot',
      code: f.rule,
      startLineNumber: line,
      startColumn: first,
      endLineNumber: line,
      endColumn: text.length + 1,
    })
  }
  // The same findings on the same lines (a keystroke elsewhere): Monaco already shows them.
  const signature = markers.map((m) => `${m.startLineNumber}:${m.message}`).join('\n')
  if (shownSignature.get(model) === signature) return
  shownSignature.set(model, signature)
  markerFindings.set(model, byMarker)
  monaco.editor.setModelMarkers(model, lintOwner, markers)
}
