/**
 * An enum: its name, schema and comment, its values in order (typed, reordered by drag or
 * Alt+arrows, Enter adds the next), and the columns that use it.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { ArrowLeft, Plus, Trash2 } from 'lucide-react'
import type { EnumType, Schema } from '@core'
import { displayTableName, ensureNamespace, moveEnumToNamespace, removeEnum, renameEnum, setEnumComment } from '@core'
import { Button, IconButton } from '../../../components/Button.tsx'
import { appStore } from '../../../store/index.ts'
import { edit, editOrNotify, previewRemoval, removeWithNotice } from '../edit.ts'
import { TextProp } from '../fields.tsx'
import { findReturn, takeFresh } from '../navigation.ts'
import { EmptyLine, Section } from '../Section.tsx'
import { NamespaceField } from '../table/NamespaceField.tsx'
import { addValueAfter } from './enum-actions.ts'
import { EnumValueList } from './EnumValueList.tsx'

export function EnumInspector({ schema, enumType }: { readonly schema: Schema; readonly enumType: EnumType }) {
  const nameRef = useRef<HTMLInputElement>(null)
  const root = useRef<HTMLDivElement>(null)
  const back = findReturn(enumType.id)
  const backTable = back && schema.tables.find((t) => t.id === back.tableId)
  const backColumn = backTable?.columns.find((c) => c.id === back?.columnId)
  const usedBy = useMemo(
    () =>
      schema.tables.flatMap((t) =>
        t.columns.filter((c) => c.type.kind === 'enum' && c.type.enumId === enumType.id).map((c) => ({ table: t, column: c })),
      ),
    [schema.tables, enumType.id],
  )

  useEffect(() => {
    if (!takeFresh(enumType.id)) return
    nameRef.current?.focus()
    nameRef.current?.select()
  }, [enumType.id])

  const focusFirstValue = useCallback(() => {
    const first = root.current?.querySelector<HTMLInputElement>('.cf-enum-value__name')
    if (first) return first.focus(), first.select()
    if (addValueAfter(enumType))
      requestAnimationFrame(() => {
        const added = root.current?.querySelector<HTMLInputElement>('.cf-enum-value__name')
        added?.focus()
        added?.select()
      })
  }, [enumType])

  const addLast = () => {
    if (!addValueAfter(enumType)) return
    requestAnimationFrame(() => {
      const all = root.current?.querySelectorAll<HTMLInputElement>('.cf-enum-value__name')
      const last = all?.[all.length - 1]
      last?.focus()
      last?.select()
    })
  }

  const removeIt = () =>
    removeWithNotice('Delete enum', `Deleted the enum ${enumType.name}.`, (s) => removeEnum(s, enumType.id), { kind: 'other' }, { select: { kind: 'none' } })
  const consequence = previewRemoval(schema, (s) => removeEnum(s, enumType.id), { kind: 'other' })

  return (
    <div className="cf-inspector__body" ref={root}>
      <header className="cf-inspector__head">
        <span className="cf-inspector__kind">Enum</span>
        <IconButton label="Delete enum" size="sm" onClick={removeIt} title={consequence ? `Delete enum. ${consequence}` : 'Delete enum'}>
          <Trash2 size={15} aria-hidden />
        </IconButton>
      </header>
      {backTable && backColumn ? (
        <div className="cf-back">
          <Button
            size="sm"
            variant="ghost"
            icon={<ArrowLeft size={14} aria-hidden />}
            onClick={() => appStore.getState().select({ kind: 'tables', tableIds: [backTable.id], focus: { kind: 'column', columnId: backColumn.id } })}
          >
            Back to {backTable.name}.{backColumn.name}
          </Button>
        </div>
      ) : null}
      <div className="cf-props cf-props--lead">
        <TextProp
          label="Enum name"
          draftKey={`enum-name:${enumType.id}`}
          value={enumType.name}
          mono
          inputRef={nameRef}
          commit={(next) => edit('Rename enum', (s) => renameEnum(s, enumType.id, next), { coalesce: `enum-name:${enumType.id}` })}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || e.shiftKey) return
            e.preventDefault()
            focusFirstValue()
          }}
        />
        <NamespaceField
          schema={schema}
          value={enumType.namespaceId}
          onChoose={(id) => edit('Move enum to schema', (s) => moveEnumToNamespace(s, enumType.id, id))}
          onCreate={(name) =>
            edit('Move enum to new schema', (s) => {
              const [next, id] = ensureNamespace(s, name)
              return moveEnumToNamespace(next, enumType.id, id)
            })
          }
        />
        <TextProp
          label="Comment"
          multiline
          draftKey={`enum-comment:${enumType.id}`}
          value={enumType.comment ?? ''}
          placeholder="What the values stand for"
          commit={(next) => edit('Edit enum comment', (s) => setEnumComment(s, enumType.id, next), { coalesce: `enum-comment:${enumType.id}` })}
        />
      </div>
      <Section
        title="Values"
        count={enumType.values.length}
        actions={
          <IconButton label="Add value" size="sm" onClick={addLast}>
            <Plus size={15} aria-hidden />
          </IconButton>
        }
      >
        {enumType.values.length === 0 ? <EmptyLine>No values yet. PostgreSQL allows an empty enum, but columns of it can hold nothing.</EmptyLine> : null}
        <EnumValueList enumType={enumType} />
      </Section>
      <Section title="Used by" count={usedBy.length}>
        {usedBy.length === 0 ? <EmptyLine>No column has this type yet.</EmptyLine> : null}
        <ul className="cf-link-list">
          {usedBy.map(({ table, column }) => (
            <li key={column.id}>
              <button
                type="button"
                className="cf-link-list__item"
                onClick={() => appStore.getState().select({ kind: 'tables', tableIds: [table.id], focus: { kind: 'column', columnId: column.id } })}
              >
                <span className="cf-mono">{displayTableName(schema, table)}.{column.name}</span>
                <span className="cf-muted">{column.type.arrayDims > 0 ? 'array' : column.nullable ? 'nullable' : 'not null'}</span>
              </button>
            </li>
          ))}
        </ul>
        {consequence ? <p className="cf-consequence">Deleting the enum: {consequence.charAt(0).toLowerCase() + consequence.slice(1)}</p> : null}
      </Section>
    </div>
  )
}
