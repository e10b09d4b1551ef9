/**
 * One column as a compact row: grip, name, type, key marks, NOT NULL and the details toggle. The
 * row itself takes the keyboard after Escape (arrows, Enter, Delete); see row-keys.ts.
 */
import { memo, useId, type ReactNode } from 'react'
import { ChevronRight, CircleDashed, GripVertical } from 'lucide-react'
import type { Column, TableId } from '@core'
import { updateColumn } from '@core'
import { useDraft } from '../drafts.ts'
import { edit } from '../edit.ts'
import { DraftError } from '../fields.tsx'
import type { useRowList } from '../use-row-list.ts'
import { TypePicker } from './TypePicker.tsx'
import { columnKeys, renameColumnTo, setColumnTypeText } from './column-actions.ts'

export type ColumnMark = 'PK' | 'FK' | 'UQ'
const markTitles: Record<ColumnMark, string> = { PK: 'Primary key', FK: 'Foreign key', UQ: 'Unique' }

type RowList = ReturnType<typeof useRowList<Column['id']>>

interface ColumnRowProps {
  readonly tableId: TableId
  readonly column: Column
  readonly index: number
  readonly typeText: string
  readonly marks: string
  readonly expanded: boolean
  readonly highlighted: boolean
  readonly dropMarker: 'before' | 'after' | undefined
  readonly list: Pick<RowList, 'rowRef' | 'fieldRef' | 'onRowKeyDown' | 'dragHandle' | 'dropTarget'>
  readonly onToggle: (id: Column['id']) => void
  readonly onNewEnum: (column: Column, typed: string | undefined) => void
  readonly children?: ReactNode
}

function ColumnRowView({ tableId, column, index, typeText, marks, expanded, highlighted, dropMarker, list, onToggle, onNewEnum, children }: ColumnRowProps) {
  const errorId = useId()
  const name = useDraft(columnKeys.name(column.id), column.name, (next) => renameColumnTo(tableId, column.id, next))
  const type = useDraft(columnKeys.type(column.id), typeText, (next) => setColumnTypeText(tableId, column.id, next))
  const pk = marks.includes('PK')
  const notNullReason = pk ? 'Primary key columns are always NOT NULL' : column.identity ? 'Identity columns are always NOT NULL' : undefined
  const classes = [
    'cf-col',
    expanded ? 'cf-col--open' : '',
    highlighted ? 'cf-flash' : '',
    dropMarker ? `cf-col--drop-${dropMarker}` : '',
  ].filter(Boolean).join(' ')
  const errors = [name.error ? `${errorId}-name` : '', type.error ? `${errorId}-type` : ''].filter(Boolean)

  return (
    <li className="cf-col-item">
      <div
        ref={list.rowRef(column.id)}
        className={classes}
        role="group"
        aria-label={`Column ${column.name}`}
        tabIndex={-1}
        data-cf-row=""
        data-cf-escape=""
        data-part={`column:${column.id}`}
        onKeyDown={(e) => list.onRowKeyDown(e, index)}
        {...list.dropTarget(index)}
      >
        <div className="cf-col__line">
          <span className="cf-col__grip" title="Drag to reorder (Alt+↑ / Alt+↓)" {...list.dragHandle(index)}>
            <GripVertical size={14} aria-hidden />
          </span>
          <input
            ref={list.fieldRef(column.id)}
            className="cf-input cf-input--mono cf-col__name"
            aria-label="Column name"
            aria-invalid={name.error ? true : undefined}
            aria-describedby={name.error ? `${errorId}-name` : undefined}
            spellCheck={false}
            autoComplete="off"
            value={name.value}
            onChange={(e) => name.onChange(e.target.value)}
          />
          <TypePicker
            className="cf-col__type"
            label="Type"
            value={typeText}
            draftKey={columnKeys.type(column.id)}
            onCommit={(text) => setColumnTypeText(tableId, column.id, text)}
            onNewEnum={(typed) => onNewEnum(column, typed)}
            describedBy={type.error ? `${errorId}-type` : undefined}
          />
          <span className="cf-col__marks">
            {(marks ? (marks.split(' ') as ColumnMark[]) : []).map((m) => (
              <abbr key={m} className={`cf-badge cf-badge--${m.toLowerCase()}`} title={markTitles[m]}>
                {m}
              </abbr>
            ))}
          </span>
          <button
            type="button"
            className="cf-col__nn"
            aria-pressed={!column.nullable}
            disabled={notNullReason !== undefined}
            title={notNullReason ?? (column.nullable ? 'Nullable: click to make NOT NULL' : 'NOT NULL: click to allow null')}
            onClick={() => edit(column.nullable ? 'Make column not null' : 'Allow null', (s) => updateColumn(s, tableId, column.id, { nullable: !column.nullable }))}
          >
            <span className="cf-visually-hidden">Not null</span>
            {column.nullable ? <CircleDashed size={11} aria-hidden /> : <span aria-hidden="true">NN</span>}
          </button>
          <button
            type="button"
            className="cf-col__toggle"
            aria-label={`Details of ${column.name}`}
            aria-expanded={expanded}
            title="Details (Space on the row)"
            onClick={() => onToggle(column.id)}
          >
            <ChevronRight size={14} aria-hidden />
          </button>
        </div>
        {errors.length > 0 ? (
          <div className="cf-col__errors">
            {name.error ? <DraftError id={`${errorId}-name`} error={name.error} onRevert={name.revert} /> : null}
            {type.error ? <DraftError id={`${errorId}-type`} error={type.error} onRevert={type.revert} /> : null}
          </div>
        ) : null}
        {children}
      </div>
    </li>
  )
}

export const ColumnRow = memo(ColumnRowView)
