/**
 * Everything else about a column, under its row: type modifiers and array dimensions, keys, where
 * its value comes from, collation, comment, and the row actions with their consequences spelled
 * out before anything is deleted.
 */
import { useRef, useState } from 'react'
import { ArrowDown, ArrowUp, Copy, ListOrdered, Trash2 } from 'lucide-react'
import type { BuiltinType, Column, ColumnType, Schema, Table } from '@core'
import { addUnique, findEnum, removeColumn, removeConstraint, setPrimaryKey, updateColumn } from '@core'
import { formatChord } from '../../../commands/keys.ts'
import { Button, IconButton } from '../../../components/Button.tsx'
import { appStore } from '../../../store/index.ts'
import { edit, previewRemoval } from '../edit.ts'
import { CheckProp, PropGroup, SelectProp, TextProp } from '../fields.tsx'
import { formatType } from '../names.ts'
import { rememberReturn } from '../navigation.ts'
import { setColumnTypeText } from './column-actions.ts'
import { kindTakesText, valueHint, valueKindOf, valueKinds, valuePatch, valueTextOf, valueWarning, type ValueKind } from './column-value.ts'

interface ColumnDetailsProps {
  readonly schema: Schema
  readonly table: Table
  readonly column: Column
  readonly index: number
  readonly onDuplicate: () => void
  readonly onMove: (to: number) => void
  readonly onRemove: () => void
}

const collations = ['C', 'POSIX', 'und-x-icu', 'en-US-x-icu', 'de-DE-x-icu', 'fr-FR-x-icu', 'en_US.utf8', 'C.utf8']

function modifierFields(type: ColumnType): readonly ('length' | 'precision' | 'scale')[] {
  if (type.kind !== 'builtin') return []
  switch (type.name) {
    case 'varchar':
    case 'char':
    case 'bit':
    case 'varbit':
      return ['length']
    case 'numeric':
      return ['precision', 'scale']
    case 'time':
    case 'timetz':
    case 'timestamp':
    case 'timestamptz':
    case 'interval':
      return ['precision']
    default:
      return []
  }
}

/** A number field that goes through the type parser, so its ranges are the core's. */
function TypeNumber({ schema, table, column, field, label }: { readonly schema: Schema; readonly table: Table; readonly column: Column; readonly field: 'length' | 'precision' | 'scale' | 'arrayDims'; readonly label: string }) {
  const current = field === 'arrayDims' ? column.type.arrayDims : (column.type as BuiltinType)[field]
  return (
    <TextProp
      label={label}
      draftKey={`column-${field}:${column.id}`}
      value={current === undefined || (field === 'arrayDims' && current === 0) ? '' : String(current)}
      placeholder={field === 'arrayDims' ? 'not an array' : 'default'}
      mono
      commit={(text) => {
        const t = text.trim()
        if (t !== '' && !/^-?\d+$/.test(t)) return { ok: false, message: 'Whole numbers only.' }
        const n = t === '' ? undefined : Number(t)
        if (field === 'arrayDims') {
          if (n !== undefined && (n < 0 || n > 6)) return { ok: false, message: 'PostgreSQL arrays have up to 6 dimensions.' }
          return setColumnTypeText(table.id, column.id, formatType(schema, { ...column.type, arrayDims: n ?? 0 }))
        }
        const next: Record<string, unknown> = { ...column.type }
        if (n === undefined) delete next[field]
        else next[field] = n
        // Scale needs a precision: numeric(p, s) has no form with the scale alone.
        if (field === 'scale' && n !== undefined && next.precision === undefined) return { ok: false, message: 'Set a precision first.' }
        if (field === 'precision' && n === undefined) delete next.scale
        return setColumnTypeText(table.id, column.id, formatType(schema, next as unknown as ColumnType))
      }}
    />
  )
}

function ValueSource({ table, column }: { readonly table: Table; readonly column: Column }) {
  const [pending, setPending] = useState<ValueKind>()
  const textRef = useRef<HTMLInputElement>(null)
  const kind = pending ?? valueKindOf(column)
  const key = `column-value:${column.id}`
  const apply = (k: ValueKind, text: string) => {
    const p = valuePatch(k, text)
    if (!p.ok) return p
    const r = edit(k === 'none' ? 'Remove default' : 'Set default', (s) => updateColumn(s, table.id, column.id, p.patch), { coalesce: key })
    if (r.ok) setPending(undefined)
    return r
  }
  const choose = (k: ValueKind) => {
    const text = valueTextOf(column)
    if (kindTakesText(k) && !valuePatch(k, text).ok) {
      // An expression kind with no usable text yet: wait for it rather than store an empty one.
      setPending(k)
      requestAnimationFrame(() => textRef.current?.focus())
      return
    }
    apply(k, text)
    if (kindTakesText(k)) requestAnimationFrame(() => textRef.current?.focus())
  }
  const warning = valueWarning(kind, column)
  return (
    <>
      <SelectProp label="Default" value={kind} options={valueKinds} onChange={choose} hint={kindTakesText(kind) ? undefined : warning ?? valueHint(kind)} />
      {kindTakesText(kind) ? (
        <TextProp
          label={kind === 'literal' ? 'Value' : 'Expression'}
          draftKey={key}
          value={pending ? '' : valueTextOf(column)}
          mono
          placeholder={kind === 'literal' ? 'pending' : kind === 'generated' ? 'lower(email)' : 'now()'}
          hint={valueHint(kind)}
          inputRef={textRef}
          commit={(text) => apply(kind, text)}
        />
      ) : null}
    </>
  )
}

export function ColumnDetails({ schema, table, column, index, onDuplicate, onMove, onRemove }: ColumnDetailsProps) {
  const inPk = table.primaryKey?.columns.includes(column.id) ?? false
  const soloUnique = table.uniques.find((u) => u.columns.length === 1 && u.columns[0] === column.id)
  const fields = modifierFields(column.type)
  const consequence = previewRemoval(schema, (s) => removeColumn(s, table.id, column.id), { kind: 'column', tableId: table.id, columnId: column.id })
  const enumType = column.type.kind === 'enum' ? findEnum(schema, column.type.enumId) : undefined
  const togglePk = (on: boolean) => {
    const cols = table.primaryKey?.columns ?? []
    const next = on ? [...cols, column.id] : cols.filter((c) => c !== column.id)
    edit(on ? 'Add to primary key' : 'Remove from primary key', (s) => setPrimaryKey(s, table.id, next))
  }
  const toggleUnique = (on: boolean) =>
    edit(on ? 'Make column unique' : 'Remove unique', (s) =>
      on ? addUnique(s, table.id, { kind: 'unique', columns: [column.id] }) : soloUnique ? removeConstraint(s, table.id, soloUnique.id) : s,
    )

  return (
    <div className="cf-col__details" role="group" aria-label={`Details of ${column.name}`}>
      <div className="cf-props">
        {fields.map((f) => (
          <TypeNumber key={f} schema={schema} table={table} column={column} field={f} label={f === 'length' ? 'Length' : f === 'precision' ? 'Precision' : 'Scale'} />
        ))}
        <TypeNumber schema={schema} table={table} column={column} field="arrayDims" label="Array" />
        {enumType ? (
          <PropGroup label="Enum">
            <Button
              size="sm"
              icon={<ListOrdered size={14} aria-hidden />}
              onClick={() => {
                rememberReturn({ enumId: enumType.id, tableId: table.id, columnId: column.id })
                appStore.getState().select({ kind: 'enum', enumId: enumType.id })
              }}
            >
              Edit {enumType.name}
            </Button>
          </PropGroup>
        ) : null}
        <PropGroup label="Keys">
          <div className="cf-checks">
            <CheckProp label="Not null" checked={!column.nullable} disabled={inPk || column.identity !== undefined} onChange={(on) => edit(on ? 'Make column not null' : 'Allow null', (s) => updateColumn(s, table.id, column.id, { nullable: !on }))} />
            <CheckProp label="Primary key" checked={inPk} onChange={togglePk} />
            <CheckProp label="Unique" checked={soloUnique !== undefined} onChange={toggleUnique} />
          </div>
        </PropGroup>
        <ValueSource table={table} column={column} />
        <TextProp
          label="Collation"
          draftKey={`column-collation:${column.id}`}
          value={column.collation ?? ''}
          mono
          placeholder="database default"
          list={`cf-collations-${column.id}`}
          commit={(text) => edit('Set collation', (s) => updateColumn(s, table.id, column.id, { collation: text.trim() === '' ? undefined : text }), { coalesce: `column-collation:${column.id}` })}
        />
        <datalist id={`cf-collations-${column.id}`}>
          {collations.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <TextProp
          label="Comment"
          multiline
          draftKey={`column-comment:${column.id}`}
          value={column.comment ?? ''}
          placeholder="What this column holds"
          commit={(text) => edit('Edit column comment', (s) => updateColumn(s, table.id, column.id, { comment: text || undefined }), { coalesce: `column-comment:${column.id}` })}
        />
      </div>
      <div className="cf-col__actions">
        <Button size="sm" variant="ghost" icon={<Copy size={14} aria-hidden />} onClick={onDuplicate} title={`Duplicate (${formatChord('Mod+D')})`}>
          Duplicate
        </Button>
        <IconButton label="Move up" shortcut="Alt+↑" size="sm" disabled={index === 0} onClick={() => onMove(index - 1)}>
          <ArrowUp size={14} aria-hidden />
        </IconButton>
        <IconButton label="Move down" shortcut="Alt+↓" size="sm" disabled={index === table.columns.length - 1} onClick={() => onMove(index + 1)}>
          <ArrowDown size={14} aria-hidden />
        </IconButton>
        <Button size="sm" variant="danger" icon={<Trash2 size={14} aria-hidden />} className="cf-push-right" onClick={onRemove} aria-describedby={consequence ? `cf-consequence-${column.id}` : undefined}>
          Delete column
        </Button>
      </div>
      {consequence ? (
        <p id={`cf-consequence-${column.id}`} className="cf-consequence">
          {consequence}
        </p>
      ) : null}
    </div>
  )
}
