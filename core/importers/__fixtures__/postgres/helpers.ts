/** Test helpers for the PostgreSQL importer's unit tests. */
import type { Column, Schema, Table } from '../../../model/schema.ts'
import { importPostgres } from '../../postgres.ts'

export async function load(sql: string) {
  const { result, stats } = await importPostgres(sql)
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.diagnostics)}`)
  return { schema: result.schema, diagnostics: result.diagnostics.filter((d) => d.code !== 'sql-import-summary'), stats }
}

/** A table by `name` or `schema.name` (public by default). */
export function table(schema: Schema, name: string): Table {
  const dot = name.indexOf('.')
  const [ns, t] = dot >= 0 ? [name.slice(0, dot), name.slice(dot + 1)] : ['public', name]
  const nsId = schema.namespaces.find((n) => n.name === ns)?.id
  const found = schema.tables.find((x) => x.name === t && x.namespaceId === nsId)
  if (!found) throw new Error(`no table ${name} in ${schema.tables.map((x) => x.name).join(', ')}`)
  return found
}

export function column(schema: Schema, tableName: string, name: string): Column {
  const c = table(schema, tableName).columns.find((x) => x.name === name)
  if (!c) throw new Error(`no column ${name}`)
  return c
}

export const columnNames = (t: Table, ids: readonly string[]) => ids.map((id) => t.columns.find((c) => c.id === id)?.name)
