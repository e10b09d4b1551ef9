/** The values of an enum, in order: the same row keyboard as columns (row-keys.ts). */
import { useCallback, useMemo, useRef } from 'react'
import { GripVertical, X } from 'lucide-react'
import type { EnumType, EnumValue, EnumValueId } from '@core'
import { assertNever, moveEnumValue, removeEnumValue, renameEnumValue } from '@core'
import { useDraft } from '../drafts.ts'
import { edit, editOrNotify } from '../edit.ts'
import { DraftError } from '../fields.tsx'
import { useRowList, type ListAction } from '../use-row-list.ts'
import { addValueAfter } from './enum-actions.ts'

type RowList = ReturnType<typeof useRowList<EnumValueId>>

function ValueRow({ enumType, value, index, list, onRemove }: { readonly enumType: EnumType; readonly value: EnumValue; readonly index: number; readonly list: RowList; readonly onRemove: () => void }) {
  const key = `enum-value:${value.id}`
  const draft = useDraft(key, value.name, (next) => edit('Rename enum value', (s) => renameEnumValue(s, enumType.id, value.id, next), { coalesce: key }))
  const marker = list.dropMarker(index)
  return (
    <li className="cf-col-item">
      <div
        ref={list.rowRef(value.id)}
        className={['cf-col', 'cf-enum-value', marker ? `cf-col--drop-${marker}` : ''].filter(Boolean).join(' ')}
        role="group"
        aria-label={`Value ${value.name}`}
        tabIndex={-1}
        data-cf-row=""
        data-cf-escape=""
        onKeyDown={(e) => list.onRowKeyDown(e, index)}
        {...list.dropTarget(index)}
      >
        <div className="cf-enum-value__line">
          <span className="cf-col__grip" title="Drag to reorder (Alt+↑ / Alt+↓)" {...list.dragHandle(index)}>
            <GripVertical size={14} aria-hidden />
          </span>
          <span className="cf-enum-value__index" aria-hidden="true">
            {index + 1}
          </span>
          <input
            ref={list.fieldRef(value.id)}
            className="cf-input cf-input--mono cf-enum-value__name"
            aria-label="Value name"
            aria-invalid={draft.error ? true : undefined}
            spellCheck={false}
            autoComplete="off"
            value={draft.value}
            onChange={(e) => draft.onChange(e.target.value)}
          />
          <button
            type="button"
            className="cf-col__toggle"
            aria-label={`Delete value ${value.name}`}
            title="Delete value"
            onClick={onRemove}
          >
            <X size={14} aria-hidden />
          </button>
        </div>
        {draft.error ? (
          <div className="cf-col__errors">
            <DraftError error={draft.error} onRevert={draft.revert} />
          </div>
        ) : null}
      </div>
    </li>
  )
}

export function EnumValueList({ enumType }: { readonly enumType: EnumType }) {
  const ids = useMemo(() => enumType.values.map((v) => v.id), [enumType.values])
  const enumRef = useRef(enumType)
  enumRef.current = enumType
  const focusRef = useRef<(id: EnumValueId, place: 'field' | 'row') => void>(() => {})
  const onAction = useCallback((action: ListAction<EnumValueId>) => {
    const e = enumRef.current
    switch (action.kind) {
      case 'add-after': {
        const id = addValueAfter(e, action.index)
        if (id) focusRef.current(id, 'field')
        return
      }
      case 'move':
        if (editOrNotify('Move enum value', (s) => moveEnumValue(s, e.id, action.id, action.to)).ok) focusRef.current(action.id, 'row')
        return
      case 'remove': {
        const next = e.values[action.index + 1] ?? e.values[action.index - 1]
        // Rows that still hold the value would fail to cast; the problems panel says so after.
        if (editOrNotify('Delete enum value', (s) => removeEnumValue(s, e.id, action.id)).ok && next) focusRef.current(next.id, 'row')
        return
      }
      case 'duplicate':
      case 'toggle-details':
        return
      default:
        return assertNever(action, 'row action')
    }
  }, [])
  const list = useRowList(ids, onAction)
  focusRef.current = list.focus
  return (
    <ol className="cf-cols" aria-label="Values">
      {enumType.values.map((v, i) => (
        <ValueRow key={v.id} enumType={enumType} value={v} index={i} list={list} onRemove={() => onAction({ kind: 'remove', index: i, id: v.id })} />
      ))}
    </ol>
  )
}
