/** What the column list and its details do to the design, one core edit (one undo entry) each. */
import type { Column, ColumnId, EnumId, Schema, Table, TableId } from '@core'
import {
  addColumn,
  addEnum,
  duplicateColumn,
  findNamespaceByName,
  freshName,
  moveColumn,
  randomIds,
  removeColumn,
  renameColumn,
  setColumnType,
  singularize,
} from '@core'
import { appStore } from '../../../store/index.ts'
import { edit, editOrNotify, refuse, removeWithNotice } from '../edit.ts'
import { parseTypeIn } from '../names.ts'
import { markFresh, rememberReturn } from '../navigation.ts'

const ids = randomIds()

export const columnKeys = {
  name: (id: ColumnId) => `column-name:${id}`,
  type: (id: ColumnId) => `column-type:${id}`,
}

export function renameColumnTo(tableId: TableId, columnId: ColumnId, name: string) {
  return edit('Rename column', (s) => renameColumn(s, tableId, columnId, name), { coalesce: columnKeys.name(columnId) })
}

/** Reads the typed text with the core's parser; a text that is not a type is refused with its reason. */
export function setColumnTypeText(tableId: TableId, columnId: ColumnId, text: string) {
  return edit(
    'Change column type',
    (s) => {
      const parsed = parseTypeIn(s, text)
      if (!parsed.ok) refuse(parsed.message)
      return setColumnType(s, tableId, columnId, parsed.type)
    },
    { coalesce: columnKeys.type(columnId) },
  )
}

/** A new nullable text column after `index` (last when omitted); returns its id. */
export function addColumnAfter(table: Table, index?: number): ColumnId | undefined {
  const id = ids.next('column')
  const name = freshName('new_column', table.columns.map((c) => c.name))
  const at = index === undefined ? table.columns.length : index + 1
  const r = editOrNotify('Add column', (s) => addColumn(s, table.id, { id, name, type: { kind: 'builtin', name: 'text', arrayDims: 0 }, nullable: true }, at))
  return r.ok ? id : undefined
}

export function duplicateColumnOf(table: Table, column: Column): ColumnId | undefined {
  const id = ids.next('column')
  return editOrNotify('Duplicate column', (s) => duplicateColumn(s, table.id, column.id, { id })).ok ? id : undefined
}

export function moveColumnTo(tableId: TableId, columnId: ColumnId, to: number) {
  return editOrNotify('Move column', (s) => moveColumn(s, tableId, columnId, to))
}

export function removeColumnOf(table: Table, column: Column) {
  return removeWithNotice(`Delete column`, `Deleted column ${column.name}.`, (s) => removeColumn(s, table.id, column.id), {
    kind: 'column',
    tableId: table.id,
    columnId: column.id,
  })
}

/** A name for an enum made from a column: `orders.status` gives `order_status`. */
export function suggestEnumName(schema: Schema, table: Table, column: Column, typed: string | undefined): string {
  const publicId = findNamespaceByName(schema, 'public')?.id
  const taken = schema.enums.filter((e) => e.namespaceId === (publicId ?? table.namespaceId)).map((e) => e.name)
  return freshName(typed ?? `${singularize(table.name)}_${column.name}`, taken)
}

/**
 * Creates an enum and makes it this column's type in one undo entry, then opens the enum so its
 * values can be typed; the enum view offers the way back to the column.
 */
export function newEnumForColumn(table: Table, column: Column, typed: string | undefined): EnumId | undefined {
  const enumId = ids.next('enum')
  const state = appStore.getState()
  const name = suggestEnumName(state.document.schema, table, column, typed)
  // Before the edit: the enum view mounts as soon as the selection points at it.
  rememberReturn({ enumId, tableId: table.id, columnId: column.id })
  markFresh(enumId)
  const r = editOrNotify(
    'New enum',
    (s) => setColumnType(addEnum(s, { id: enumId, name, values: [] }), table.id, column.id, { kind: 'enum', enumId, arrayDims: column.type.arrayDims }),
    { select: { kind: 'enum', enumId } },
  )
  if (!r.ok) return undefined
  return enumId
}
