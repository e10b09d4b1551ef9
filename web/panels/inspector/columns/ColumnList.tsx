/**
 * The columns of a table: compact rows that expand into their details. Keyboard first: Enter
 * walks down the rows and adds one after the last, Alt+arrows reorder, and rows also reorder by
 * dragging their grip. A focus request from the selection (a problem clicked, "Add column")
 * opens, scrolls to and flashes its column.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Plus } from 'lucide-react'
import type { Column, ColumnId, Schema, Table } from '@core'
import { assertNever } from '@core'
import { IconButton } from '../../../components/Button.tsx'
import type { Focus } from '../../../store/selection-slice.ts'
import { formatType } from '../names.ts'
import { EmptyLine, Section } from '../Section.tsx'
import { useRowList, type ListAction } from '../use-row-list.ts'
import { useFlash } from '../use-flash.ts'
import { ColumnDetails } from './ColumnDetails.tsx'
import { ColumnRow } from './ColumnRow.tsx'
import { addColumnAfter, duplicateColumnOf, moveColumnTo, newEnumForColumn, removeColumnOf } from './column-actions.ts'
import './columns.css'

/** PK / FK / UQ per column, as a space-separated string so rows compare cheaply. */
function columnMarks(table: Table): Map<ColumnId, string> {
  const marks = new Map<ColumnId, string>()
  const add = (id: ColumnId, mark: string) => {
    const m = marks.get(id)
    if (!m?.split(' ').includes(mark)) marks.set(id, m ? `${m} ${mark}` : mark)
  }
  for (const id of table.primaryKey?.columns ?? []) add(id, 'PK')
  for (const fk of table.foreignKeys) for (const id of fk.columns) add(id, 'FK')
  for (const u of table.uniques) if (u.columns.length === 1) add(u.columns[0]!, 'UQ')
  for (const i of table.indexes) if (i.unique && !i.where && i.keys.length === 1 && i.keys[0]!.kind === 'column') add(i.keys[0]!.columnId, 'UQ')
  return marks
}

interface ColumnListProps {
  readonly schema: Schema
  readonly table: Table
  readonly focus: Focus | undefined
}

export function ColumnList({ schema, table, focus }: ColumnListProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<ColumnId>>(() => new Set())
  const ids = useMemo(() => table.columns.map((c) => c.id), [table.columns])
  const marks = useMemo(() => columnMarks(table), [table])
  const tableRef = useRef(table)
  tableRef.current = table
  const flash = useFlash<ColumnId>()

  const toggle = useCallback((id: ColumnId) => {
    setExpanded((s) => {
      const next = new Set(s)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  }, [])

  // The list's focus requests are stable; a ref lets the action handler (also stable) reach them.
  const focusRef = useRef<(id: ColumnId, place: 'field' | 'row') => void>(() => {})
  const onAction = useCallback(
    (action: ListAction<ColumnId>) => {
      const t = tableRef.current
      const column = t.columns.find((c) => c.id === action.id)
      if (!column) return
      const focusOn = focusRef.current
      switch (action.kind) {
        case 'add-after': {
          const id = addColumnAfter(t, action.index)
          if (id) focusOn(id, 'field')
          return
        }
        case 'duplicate': {
          const id = duplicateColumnOf(t, column)
          if (id) focusOn(id, 'field')
          return
        }
        case 'move': {
          // Reordering moves the row's DOM node, which drops the focus: put it back where it was.
          const place = document.activeElement instanceof HTMLInputElement ? 'field' : 'row'
          if (moveColumnTo(t.id, column.id, action.to).ok) focusOn(column.id, place)
          return
        }
        case 'remove': {
          const next = t.columns[action.index + 1] ?? t.columns[action.index - 1]
          if (removeColumnOf(t, column).ok && next) focusOn(next.id, 'row')
          return
        }
        case 'toggle-details':
          toggle(column.id)
          return
        default:
          return assertNever(action, 'row action')
      }
    },
    [toggle],
  )
  const list = useRowList(ids, onAction, { canDuplicate: true, hasDetails: true })
  focusRef.current = list.focus

  const onNewEnum = useCallback((column: Column, typed: string | undefined) => {
    newEnumForColumn(tableRef.current, column, typed)
  }, [])

  // A focus request for one column: open it, bring it into view, flash it, put the keys in its name.
  const focusColumn = focus?.kind === 'column' ? focus.columnId : undefined
  useEffect(() => {
    if (!focusColumn || !tableRef.current.columns.some((c) => c.id === focusColumn)) return
    setExpanded((s) => (s.has(focusColumn) ? s : new Set(s).add(focusColumn)))
    list.focus(focusColumn, 'field')
    flash.start(focusColumn)
    // A new request is a new focus object; the list and flash helpers are stable.
  }, [focus])

  const rowApi = useMemo(
    () => ({ rowRef: list.rowRef, fieldRef: list.fieldRef, onRowKeyDown: list.onRowKeyDown, dragHandle: list.dragHandle, dropTarget: list.dropTarget }),
    [list.rowRef, list.fieldRef, list.onRowKeyDown, list.dragHandle, list.dropTarget],
  )

  const addLast = () => {
    const id = addColumnAfter(table)
    if (id) list.focus(id, 'field')
  }

  return (
    <Section
      title="Columns"
      count={table.columns.length}
      actions={
        <IconButton label="Add column" size="sm" onClick={addLast}>
          <Plus size={15} aria-hidden />
        </IconButton>
      }
    >
      {table.columns.length === 0 ? <EmptyLine>No columns yet. Add one to start.</EmptyLine> : null}
      <ol className="cf-cols" aria-label="Columns">
        {table.columns.map((column, index) => (
          <ColumnRow
            key={column.id}
            tableId={table.id}
            column={column}
            index={index}
            typeText={formatType(schema, column.type)}
            marks={marks.get(column.id) ?? ''}
            expanded={expanded.has(column.id)}
            highlighted={flash.active === column.id}
            dropMarker={list.dropMarker(index)}
            list={rowApi}
            onToggle={toggle}
            onNewEnum={onNewEnum}
          >
            {expanded.has(column.id) ? (
              <ColumnDetails
                schema={schema}
                table={table}
                column={column}
                index={index}
                onDuplicate={() => onAction({ kind: 'duplicate', index, id: column.id })}
                onMove={(to) => onAction({ kind: 'move', index, to, id: column.id })}
                onRemove={() => onAction({ kind: 'remove', index, id: column.id })}
              />
            ) : null}
          </ColumnRow>
        ))}
      </ol>
      <p className="cf-keys-hint">
        <kbd>Enter</kbd> next · <kbd>Alt ↑↓</kbd> move · <kbd>Esc</kbd> <kbd>Del</kbd> delete
      </p>
    </Section>
  )
}
