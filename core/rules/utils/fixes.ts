/** Fixes several rules offer, with the guards that keep them from introducing an error. */
import { renameColumn, setColumnType } from '../../model/edits.ts'
import { byteLength, maxIdentifierBytes } from '../../model/names.ts'
import type { SchemaIndex } from '../../model/queries.ts'
import type { Column, ColumnType, Schema, Table } from '../../model/schema.ts'
import { reservedKeywords, typeFuncNameKeywords } from '../../sql/keywords.ts'
import type { Fix } from '../types.ts'
import { typeFamily } from '../../model/types.ts'
import { columnUsedInSql } from './model.ts'
import { constantOf, validFor } from './values.ts'

/** A column rename, unless the name is unusable or SQL text in the table names the column (renames do not rewrite it). */
export function renameColumnFix(table: Table, column: Column, name: string): Fix[] {
  if (name === '' || name === column.name || columnUsedInSql(table, column)) return []
  if (byteLength(name) > maxIdentifierBytes || reservedKeywords.has(name) || typeFuncNameKeywords.has(name)) return []
  if (table.columns.some((c) => c.name === name)) return []
  return [{ title: `Rename to "${name}"`, apply: (s) => renameColumn(s, table.id, column.id, name) }]
}

/**
 * The columns that must share a column's type: those its foreign keys reference and those whose
 * foreign keys reference it, followed transitively (changing one side alone would trade this
 * finding for an fk-column-mismatch).
 */
export function linkedColumns(index: SchemaIndex, table: Table, column: Column): Array<[Table, Column]> {
  const out: Array<[Table, Column]> = []
  const seen = new Set<string>()
  const queue: Array<[Table, Column]> = [[table, column]]
  while (queue.length > 0) {
    const [t, c] = queue.pop()!
    if (seen.has(c.id)) continue
    seen.add(c.id)
    out.push([t, c])
    for (const fk of t.foreignKeys) {
      const i = fk.columns.indexOf(c.id)
      const parent = i >= 0 ? index.tables.get(fk.target.tableId) : undefined
      const ref = parent ? parent.columns.find((x) => x.id === fk.target.columns[i]) : undefined
      if (parent && ref) queue.push([parent, ref])
    }
    for (const [child, fk] of index.referencedBy.get(t.id) ?? []) {
      const i = fk.target.columns.indexOf(c.id)
      const own = i >= 0 ? child.columns.find((x) => x.id === fk.columns[i]) : undefined
      if (own) queue.push([child, own])
    }
  }
  return out
}

/**
 * Changes a column's type, and with it every column linked to it by foreign keys. Offered only
 * when each default still reads as the new type (a constant that fits, or an expression within
 * the same type family, such as now() for timestamp -> timestamptz).
 */
export function retypeFix(index: SchemaIndex, table: Table, column: Column, title: string, typeFor: (c: Column) => ColumnType): Fix[] {
  const linked = linkedColumns(index, table, column)
  for (const [, c] of linked) {
    if (!c.default && !c.generated) continue
    const next = typeFor(c)
    const constant = constantOf(c)
    if (constant !== undefined ? !validFor(next, constant) : typeFamily(next) !== typeFamily(c.type)) return []
  }
  const others = linked.length - 1
  return [
    {
      title: others > 0 ? `${title} (and ${others} linked column${others > 1 ? 's' : ''})` : title,
      apply: (s: Schema) => linked.reduce((acc, [t, c]) => setColumnType(acc, t.id, c.id, typeFor(c)), s),
    },
  ]
}
