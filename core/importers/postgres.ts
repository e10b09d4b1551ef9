/**
 * PostgreSQL DDL (pg_dump output, Rails/GitLab structure.sql, hand-written schemas) to the model.
 *
 * | input                                                     | result                          |
 * |-----------------------------------------------------------|---------------------------------|
 * | CREATE SCHEMA / TABLE / INDEX / TYPE AS ENUM / EXTENSION  | imported                        |
 * | ALTER TABLE (columns, defaults, keys, identity, ...)      | imported; OWNER TO etc. ignored |
 * | CREATE/ALTER SEQUENCE + nextval defaults + OWNED BY       | serial columns                  |
 * | COMMENT ON schema, table, column, type, constraint, index | imported                        |
 * | SET search_path, set_config('search_path', ...)           | resolves unqualified names      |
 * | DROP / RENAME / SET SCHEMA of model objects               | applied                         |
 * | partitions, views, functions, triggers, grants, data ...  | skipped, one note per statement |
 * | psql meta-commands, COPY data                             | skipped                         |
 * | syntax errors                                             | that statement skipped, located |
 *
 * Every statement is parsed on its own with PostgreSQL's grammar, so one broken statement costs
 * only itself. Positions are 1-based lines and columns (UTF-16 units, as editors count them).
 */
import type { Diagnostic } from '../diagnostics.ts'
import { sequentialIds } from '../model/ids.ts'
import type { Schema } from '../model/schema.ts'
import { finishSchema } from './postgres/finish.ts'
import { isDataStatement, statementKind } from './postgres/kinds.ts'
import { loadParser, parseStatement } from './postgres/parser.ts'
import { StatementSource } from './postgres/source.ts'
import type { Chunk } from './postgres/split.ts'
import { splitStatements } from './postgres/split.ts'
import type { StatementContext } from './postgres/state.ts'
import { LineIndex } from './postgres/lines.ts'
import { ImportState, Rejected } from './postgres/state.ts'
import { applyStatement } from './postgres/statements.ts'
import { reattachIds } from './reattach-ids.ts'
import type { ImportOptions, ImportResult, Importer } from './types.ts'

export interface PostgresImportStats {
  /** SQL statements read (meta-commands and COPY data not included). */
  statements: number
  imported: number
  ignored: number
  skipped: number
  rejected: number
  syntaxErrors: number
  metaCommands: number
}

/** Statements longer than this (in characters) are not parsed. */
const maxStatementChars = 1 << 20

export async function importPostgres(text: string, options: ImportOptions = {}): Promise<{ result: ImportResult; stats: PostgresImportStats }> {
  const stats: PostgresImportStats = { statements: 0, imported: 0, ignored: 0, skipped: 0, rejected: 0, syntaxErrors: 0, metaCommands: 0 }
  const lines = new LineIndex(text)
  const fail = (code: string, message: string, index = 0) => ({
    result: { ok: false as const, diagnostics: [{ code, severity: 'error' as const, message, location: lines.position(index) }] },
    stats,
  })
  const nul = text.indexOf('\u0000')
  if (nul >= 0) return fail('sql-binary-input', 'This is not a SQL text file: it contains binary data (a NUL character).', nul)
  let lib
  try {
    lib = await loadParser()
  } catch (e) {
    return fail('sql-parser-unavailable', `The PostgreSQL parser could not be loaded: ${(e as Error).message}`)
  }
  const state = new ImportState(options.ids ?? sequentialIds())
  const report = state.report.bind(state)

  const readChunk = (chunk: Chunk, flat: boolean) => {
    const sql = text.slice(chunk.start, chunk.end)
    const where = lines.position(chunk.start)
    if (isDataStatement(sql)) {
      stats.statements++
      stats.skipped++
      report('info', 'sql-skipped-statement', `Skipped ${statementKind(sql)}: data is not part of the schema model.`, where)
      return
    }
    if (sql.length > maxStatementChars) {
      // The parser needs memory many times the text's size; no schema statement is this long.
      stats.statements++
      stats.skipped++
      report('warning', 'sql-statement-too-long', `Skipped ${statementKind(sql)}: it is ${(sql.length / 1048576).toFixed(1)} MB long, too long to be a schema definition.`, where)
      return
    }
    const parsed = parseStatement(lib, sql)
    if (!parsed.ok) {
      // psql's rule (a `;` inside parentheses does not end a statement) can swallow the rest of a
      // broken file; split that statement at every `;` and read the pieces on their own.
      if (chunk.nested && !flat) {
        for (const piece of splitStatements(text, chunk.start, chunk.end, { flat: true })) if (piece.kind === 'sql') readChunk(piece, true)
        return
      }
      stats.statements++
      stats.syntaxErrors++
      const kind = statementKind(sql)
      report('error', 'sql-syntax-error', `${capitalize(parsed.message)}; this ${kind === 'statement' ? '' : kind + ' '}statement was skipped.`, lines.position(chunk.start + parsed.index))
      return
    }
    const source = new StatementSource(sql, chunk.start)
    const at = (byte?: number) => lines.position(chunk.start + (byte === undefined || byte < 0 ? 0 : source.indexOfByte(byte)))
    const ctx: StatementContext = { state, source, at, report: (severity, code, message, byte) => report(severity, code, message, at(byte)) }
    for (const node of parsed.statements) {
      stats.statements++
      try {
        const outcome = applyStatement(ctx, node)
        if (outcome === 'imported') stats.imported++
        else if (outcome === 'ignored') stats.ignored++
        else {
          stats.skipped++
          report('info', 'sql-skipped-statement', `Skipped ${statementKind(sql)}: ${outcome.skipped}.`, where)
        }
      } catch (e) {
        if (e instanceof Rejected) {
          stats.rejected++
          report('warning', 'sql-rejected-statement', `Skipped ${statementKind(sql)}: PostgreSQL would reject it (${e.message}).`, e.byte === undefined ? where : at(e.byte))
        } else {
          stats.syntaxErrors++
          report('error', 'sql-unreadable-statement', `Could not read this ${statementKind(sql)}: ${(e as Error).message}.`, where)
        }
      }
    }
  }

  for (const chunk of splitStatements(text)) {
    if (chunk.kind === 'sql') readChunk(chunk, false)
    else if (chunk.kind === 'meta') {
      stats.metaCommands++
      const command = /^\\[^\s]*/.exec(text.slice(chunk.start, chunk.end))![0]
      report('info', 'sql-meta-command', `Skipped the psql meta-command ${command}: it is not SQL.`, lines.position(chunk.start))
    }
  }

  const finished = finishSchema(state)
  let schema: Schema = finished.schema
  // A CREATE SEQUENCE counts as imported until the end shows no serial column took it.
  stats.imported -= finished.unusedSequences
  stats.skipped += finished.unusedSequences
  if (options.previous) schema = reattachIds(options.previous, schema, { byPosition: options.renamesByPosition === true })
  const diagnostics: Diagnostic[] = [...state.diagnostics]
  if (stats.statements === 0 && stats.metaCommands === 0)
    diagnostics.push({ code: 'sql-empty-input', severity: 'warning', message: 'The file holds no SQL statements.', location: { line: 1, column: 1 } })
  diagnostics.push({ code: 'sql-import-summary', severity: 'info', message: summary(stats, state.hiddenDiagnostics) })
  if (stats.syntaxErrors > 0 && stats.imported === 0) {
    const format = otherFormat(text)
    if (format) diagnostics.unshift({ code: 'sql-wrong-format', severity: 'error', message: `This is not SQL: it reads as ${format}. Import it as ${format} instead.`, location: lines.position(text.search(/\S/)) })
    return { result: { ok: false, diagnostics }, stats }
  }
  return { result: { ok: true, schema, diagnostics }, stats }
}

function summary(s: PostgresImportStats, hidden: number): string {
  const parts = [`${s.imported} imported`, `${s.ignored} ignored (ownership, session settings)`, `${s.skipped} skipped`]
  if (s.rejected) parts.push(`${s.rejected} rejected as PostgreSQL would`)
  if (s.syntaxErrors) parts.push(`${s.syntaxErrors} with errors`)
  let text = `Read ${s.statements} statements: ${parts.join(', ')}`
  if (s.metaCommands) text += `; ${s.metaCommands} psql meta-commands skipped`
  if (hidden) text += `; ${hidden} more messages not listed`
  return text + '.'
}

/** A guess at what a file that is not SQL is, for a message that says what to do instead. */
function otherFormat(text: string): string | undefined {
  const head = text.slice(0, 2000).replace(/^(\s|\/\/[^\n]*\n)*/, '')
  if (/^[{[]/.test(head)) return 'JSON'
  if (/^(Table|Ref|Enum|Project|TableGroup)\b/i.test(head) && /\{/.test(head)) return 'DBML'
  if (/^(model|datasource|generator|enum)\s+\w+\s*\{/.test(head)) return 'a Prisma schema'
  return undefined
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

export const postgres: Importer = {
  id: 'postgres',
  label: 'PostgreSQL DDL',
  extensions: ['.sql'],
  async import(text, options) {
    try {
      return (await importPostgres(text, options)).result
    } catch (e) {
      // A bug of ours must not cost the user their work: it becomes a message like any other.
      return { ok: false, diagnostics: [{ code: 'sql-internal-error', severity: 'error', message: `The SQL import failed unexpectedly: ${(e as Error).message}`, location: { line: 1, column: 1 } }] }
    }
  },
}
