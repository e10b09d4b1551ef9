/** The partition key of a partitioned table, as columns where it names columns. */
import type { Column, Table } from '../../model/schema.ts'
import { splitTopLevel, stripParens } from './sql-split.ts'

const plainColumn = /^(?:"((?:[^"]|"")+)"|([A-Za-z_][\w$]*))(?:\s+COLLATE\s+\S+)?(?:\s+[A-Za-z_][\w.]*_ops)?$/i

/**
 * The key's columns, or undefined when a key part is an expression (`lower(region)`): a UNIQUE
 * on such a table can never include it, which PostgreSQL rejects outright. A part is a column when
 * it is a plain name (any word, `year` and `date` included), with an optional collation or opclass.
 */
export function partitionKeyColumns(table: Table): Column[] | undefined {
  if (!table.partitionBy) return []
  const out: Column[] = []
  for (const part of splitTopLevel(table.partitionBy.key)) {
    const m = plainColumn.exec(stripParens(part))
    if (!m) return undefined
    const name = m[1] !== undefined ? m[1].replaceAll('""', '"') : m[2]!.toLowerCase()
    const column = table.columns.find((c) => c.name === name) ?? (m[2] !== undefined ? table.columns.find((c) => c.name === m[2]) : undefined)
    if (!column) return undefined
    out.push(column)
  }
  return out
}
