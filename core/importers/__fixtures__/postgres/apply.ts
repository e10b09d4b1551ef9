/**
 * The proof harness for the PostgreSQL importer (test-only; kept free of Node and database imports
 * so it type-checks with the core):
 *
 * 1. apply the ORIGINAL file statement by statement to a fresh database; statements PostgreSQL
 *    rejects (missing roles, extensions, newer syntax) are out of scope and recorded;
 * 2. import the statements it accepted, export the design, apply that to a fresh database;
 * 3. compare the two catalogs.
 *
 * What the model leaves to the database (extensions in their schemas, domains, functions,
 * sequences that are not serial) is provided by replaying those original statements before the
 * tables, so the comparison covers exactly what the model covers.
 */
import type { Diagnostic } from '../../../diagnostics.ts'
import { exportSchema } from '../../../exporters/index.ts'
import type { QueryFn } from '../../catalog.ts'
import { readCatalog } from '../../catalog.ts'
import type { Schema } from '../../../model/schema.ts'
import { importPostgres } from '../../postgres.ts'
import type { PostgresImportStats } from '../../postgres.ts'
import { isDataStatement, leadingWords, statementKind } from '../../postgres/kinds.ts'
import { LineIndex } from '../../postgres/lines.ts'
import { splitStatements } from '../../postgres/split.ts'

export interface Database {
  exec(sql: string): Promise<void>
  query: QueryFn
  reset(): Promise<void>
}

export interface Statement {
  readonly sql: string
  readonly line: number
  readonly column: number
  readonly kind: string
}

/** The SQL statements of a file, with positions (meta-commands and COPY data left out). */
export function statementsOf(text: string): Statement[] {
  const lines = new LineIndex(text)
  return splitStatements(text)
    .filter((c) => c.kind === 'sql')
    .map((c) => {
      const sql = text.slice(c.start, c.end)
      return { sql, ...lines.position(c.start), kind: statementKind(sql) }
    })
}

/** Statements the harness never runs: data, and what would break the session or leave it. */
function harnessSkips(s: Statement): boolean {
  const w = leadingWords(s.sql, 3)
  if (isDataStatement(s.sql)) return true
  if (w[0] === 'set' && (w[1] === 'client_encoding' || w[1] === 'role' || w[1] === 'session')) return true
  if ((w[0] === 'create' || w[0] === 'drop' || w[0] === 'alter') && w[1] === 'database') return true
  return ['begin', 'commit', 'rollback', 'start', 'end', 'abort', 'vacuum', 'analyze'].includes(w[0] ?? '')
}

export interface OriginalRun {
  readonly accepted: Statement[]
  readonly rejected: Array<{ statement: Statement; error: string }>
  readonly catalog: Schema
}

export async function applyOriginal(db: Database, text: string): Promise<OriginalRun> {
  await db.reset()
  await db.exec('SET search_path TO "$user", public')
  const accepted: Statement[] = []
  const rejected: OriginalRun['rejected'] = []
  for (const s of statementsOf(text)) {
    if (harnessSkips(s)) continue
    try {
      await db.exec(s.sql)
      accepted.push(s)
    } catch (e) {
      rejected.push({ statement: s, error: (e as Error).message })
    }
  }
  await db.exec('RESET ALL')
  return { accepted, rejected, catalog: await readCatalog(db.query) }
}

const supportKinds = /^(CREATE|ALTER) (DOMAIN|TYPE|FUNCTION|PROCEDURE|AGGREGATE|SEQUENCE|COLLATION|OPERATOR|CAST|TEXT SEARCH|CONVERSION)\b/

export interface ExportRun {
  readonly ddl: string
  readonly schema: Schema
  readonly stats: PostgresImportStats
  readonly diagnostics: readonly Diagnostic[]
  readonly catalog: Schema
  /** Original statements replayed for what the model does not hold, and those that failed. */
  readonly support: Statement[]
  readonly supportFailures: Array<{ statement: Statement; error: string }>
}

export interface ApplyOptions {
  /** Run the exported foreign keys after everything else (see the known differences). */
  readonly foreignKeysLast?: boolean
}

/** Imports the accepted statements, exports the design and applies it with its support. */
export async function applyImported(db: Database, accepted: readonly Statement[], options: ApplyOptions = {}): Promise<ExportRun> {
  const text = accepted.map((s) => s.sql).join('\n;\n') + '\n;\n'
  const { result, stats } = await importPostgres(text)
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.diagnostics.slice(0, 5))}`)
  const ddl = exportSchema('postgres', result.schema).text
  const inFile = statementsOf(text)
  const skippedAt = new Set(result.diagnostics.filter((d) => d.code === 'sql-skipped-statement').map((d) => `${d.location?.line}:${d.location?.column}`))
  const support = inFile.filter((s) => /^CREATE EXTENSION/.test(s.kind) || /^(set|select)$/.test(leadingWords(s.sql, 1)[0] ?? '') && /search_path/i.test(s.sql) || (supportKinds.test(s.kind) && skippedAt.has(`${s.line}:${s.column}`)))
  const exported = statementsOf(ddl)
  const supportFailures: ExportRun['supportFailures'] = []
  await db.reset()
  const run = async (s: Statement, ours: boolean) => {
    try {
      await db.exec(s.sql)
    } catch (e) {
      if (ours) throw new Error(`PostgreSQL rejected the exported ${s.kind} at ${s.line}:${s.column}: ${(e as Error).message}\n${s.sql}`)
      supportFailures.push({ statement: s, error: (e as Error).message })
    }
  }
  const isSchema = (s: Statement) => s.kind === 'CREATE SCHEMA'
  const isEarly = (s: Statement) => s.kind === 'CREATE EXTENSION' || s.kind === 'CREATE TYPE'
  for (const s of exported.filter(isSchema)) await run(s, true)
  for (const s of support.filter((x) => x.kind === 'CREATE EXTENSION')) await run(s, false)
  for (const s of exported.filter(isEarly)) await run(s, true)
  await db.exec('SET check_function_bodies = off')
  for (const s of support.filter((x) => x.kind !== 'CREATE EXTENSION')) await run(s, false)
  await db.exec('RESET ALL')
  const isForeignKey = (s: Statement) => options.foreignKeysLast === true && s.kind === 'ALTER TABLE' && / FOREIGN KEY /.test(s.sql)
  const rest = exported.filter((x) => !isSchema(x) && !isEarly(x))
  for (const s of [...rest.filter((x) => !isForeignKey(x)), ...rest.filter(isForeignKey)]) await run(s, true)
  return { ddl, schema: result.schema, stats, diagnostics: result.diagnostics, catalog: await readCatalog(db.query), support, supportFailures }
}
