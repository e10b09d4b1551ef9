/**
 * What a relationship drawn by mouse means. Pure: the canvas only finds the two ends (a column
 * row, or a whole table) and this decides which side is the child, which core edit to run, or why
 * the drop is refused. A refusal never changes the design.
 */
import type { ColumnId, ConstraintId, Schema, Table, TableId } from '@core'
import { addRelationship, displayTableName, isSerial, isUniqueColumnSet, sameType } from '@core'

/** One end of a drag: a column row, or a table (its header, or anywhere on it but a row handle). */
export interface ConnectEnd {
  readonly tableId: TableId
  readonly columnId?: ColumnId
}

export type ConnectPlan =
  | { readonly ok: true; readonly child: TableId; readonly edit: (schema: Schema) => Schema }
  | { readonly ok: false; readonly reason: string }

const refuse = (reason: string): ConnectPlan => ({ ok: false, reason })

/**
 * The foreign key a drag from `from` to `to` draws. Column to column: the FK goes from the column
 * that is not a key to the one that is (so dragging either way works); a drop on a table means
 * its primary key. From a table: the FK columns are found or created by `addRelationship`.
 */
export function planConnection(schema: Schema, from: ConnectEnd, to: ConnectEnd, id: ConstraintId): ConnectPlan {
  const fromTable = schema.tables.find((t) => t.id === from.tableId)
  const toTable = schema.tables.find((t) => t.id === to.tableId)
  if (!fromTable || !toTable) return refuse('That table no longer exists.')

  if (from.columnId === undefined) {
    const pk = toTable.primaryKey?.columns ?? []
    if (pk.length === 0) return refuse(`${displayTableName(schema, toTable)} has no primary key to reference.`)
    return { ok: true, child: fromTable.id, edit: (s) => addRelationship(s, { id, from: fromTable.id, to: toTable.id }) }
  }

  let toColumn = to.columnId
  if (toColumn === undefined) {
    const pk = toTable.primaryKey?.columns ?? []
    if (pk.length === 0) return refuse(`${displayTableName(schema, toTable)} has no primary key to reference.`)
    if (pk.length > 1)
      return refuse(`${displayTableName(schema, toTable)} has a composite primary key: drag from the table's header to add all its key columns, or drop on one of its key columns.`)
    toColumn = pk[0]!
  }
  if (fromTable.id === toTable.id && from.columnId === toColumn) return refuse('A column cannot reference itself.')

  const toKey = isUniqueColumnSet(toTable, [toColumn])
  const fromKey = isUniqueColumnSet(fromTable, [from.columnId])
  let child: { table: Table; column: ColumnId }
  let parent: { table: Table; column: ColumnId }
  if (toKey) {
    child = { table: fromTable, column: from.columnId }
    parent = { table: toTable, column: toColumn }
  } else if (fromKey && to.columnId !== undefined) {
    // Dragged from the key to the referencing column: the direction people draw it in half the time.
    child = { table: toTable, column: toColumn }
    parent = { table: fromTable, column: from.columnId }
  } else {
    const name = columnName(schema, toTable, toColumn)
    return refuse(`${name} is neither a primary key nor unique, so a foreign key cannot reference it.`)
  }

  const childCol = child.table.columns.find((c) => c.id === child.column)
  const parentCol = parent.table.columns.find((c) => c.id === parent.column)
  if (!childCol || !parentCol) return refuse('That column no longer exists.')
  if (!compatible(childCol.type, parentCol.type))
    return refuse(
      `${columnName(schema, child.table, child.column)} and ${columnName(schema, parent.table, parent.column)} have different types; change one first.`,
    )
  const existing = child.table.foreignKeys.find(
    (fk) => fk.target.tableId === parent.table.id && fk.columns.length === 1 && fk.columns[0] === child.column && fk.target.columns[0] === parent.column,
  )
  if (existing) return refuse(`${columnName(schema, child.table, child.column)} already references ${columnName(schema, parent.table, parent.column)}.`)

  const c = child
  const p = parent
  return {
    ok: true,
    child: c.table.id,
    edit: (s) => addRelationship(s, { id, from: c.table.id, to: p.table.id, columns: [c.column], targetColumns: [p.column] }),
  }
}

function columnName(schema: Schema, table: Table, columnId: ColumnId): string {
  return `${displayTableName(schema, table)}.${table.columns.find((c) => c.id === columnId)?.name ?? '?'}`
}

type ColumnType = Table['columns'][number]['type']

/** Same type, where a serial key counts as its integer type (what a referencing column holds). */
function compatible(child: ColumnType, parent: ColumnType): boolean {
  return sameType(storage(child), storage(parent))
}

function storage(type: ColumnType): ColumnType {
  if (!isSerial(type) || type.kind !== 'builtin') return type
  return { ...type, name: type.name === 'bigserial' ? 'bigint' : type.name === 'smallserial' ? 'smallint' : 'integer' }
}
