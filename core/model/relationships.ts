/**
 * Relationships are foreign keys seen as ERD edges. Cardinality is derived from the constraints
 * (never stored twice): the parent end is mandatory when every FK column is NOT NULL; the child
 * end is "one" when the FK columns are exactly a primary key, a unique constraint or a full unique
 * index of the child table.
 */
import type { ColumnId } from './ids.ts'
import { findColumn, indexSchema } from './queries.ts'
import type { ForeignKey, Schema, Table } from './schema.ts'

export type ParentEnd = 'exactly-one' | 'zero-or-one'
export type ChildEnd = 'zero-or-one' | 'zero-or-many'

export interface Relationship {
  readonly foreignKey: ForeignKey
  readonly child: Table
  /** Undefined when the FK points at a table that does not exist (a lint error). */
  readonly parent: Table | undefined
  readonly parentEnd: ParentEnd
  readonly childEnd: ChildEnd
  readonly selfReference: boolean
  /** The FK columns are part of the child's primary key (a weak entity). */
  readonly identifying: boolean
}

export function isUniqueColumnSet(table: Table, columns: readonly ColumnId[]): boolean {
  const same = (cols: readonly ColumnId[]) =>
    cols.length === columns.length && cols.every((c) => columns.includes(c))
  if (table.primaryKey && same(table.primaryKey.columns)) return true
  if (table.uniques.some((u) => same(u.columns))) return true
  return table.indexes.some(
    (i) =>
      i.unique &&
      i.where === undefined &&
      i.keys.every((k) => k.kind === 'column') &&
      same(i.keys.map((k) => (k.kind === 'column' ? k.columnId : ('' as ColumnId)))),
  )
}

export function relationshipOf(schema: Schema, child: Table, fk: ForeignKey): Relationship {
  const parent = indexSchema(schema).tables.get(fk.target.tableId)
  const mandatory = fk.columns.every((id) => findColumn(child, id)?.nullable === false)
  const pk = child.primaryKey?.columns ?? []
  return {
    foreignKey: fk,
    child,
    parent,
    parentEnd: mandatory ? 'exactly-one' : 'zero-or-one',
    childEnd: isUniqueColumnSet(child, fk.columns) ? 'zero-or-one' : 'zero-or-many',
    selfReference: fk.target.tableId === child.id,
    identifying: fk.columns.length > 0 && fk.columns.every((c) => pk.includes(c)),
  }
}

export function relationships(schema: Schema): Relationship[] {
  const out: Relationship[] = []
  for (const t of schema.tables) for (const fk of t.foreignKeys) out.push(relationshipOf(schema, t, fk))
  return out
}
