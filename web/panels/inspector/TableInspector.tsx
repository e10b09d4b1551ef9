/**
 * The inspector for one table: its name, schema, comment and colour, then its columns, keys,
 * checks, foreign keys, indexes and storage. With a relationship selected, that foreign key's
 * editor comes first. A focus request (a part of the table to show) is honoured by each section.
 */
import { useEffect, useRef } from 'react'
import { Trash2 } from 'lucide-react'
import type { ConstraintId, Schema, Table } from '@core'
import { ensureNamespace, moveTableToNamespace, removeTable, renameTable, setTableComment } from '@core'
import { IconButton } from '../../components/Button.tsx'
import { appStore } from '../../store/index.ts'
import type { Focus } from '../../store/selection-slice.ts'
import { ColumnList } from './columns/ColumnList.tsx'
import { addColumnAfter } from './columns/column-actions.ts'
import { ChecksSection } from './constraints/ChecksSection.tsx'
import { ForeignKeysSection } from './constraints/ForeignKeysSection.tsx'
import { IndexesSection } from './constraints/IndexesSection.tsx'
import { KeysSection } from './constraints/KeysSection.tsx'
import { RelationshipSection } from './constraints/RelationshipSection.tsx'
import { edit, previewRemoval, removeWithNotice } from './edit.ts'
import { TextProp } from './fields.tsx'
import { ColorField } from './table/ColorField.tsx'
import { NamespaceField } from './table/NamespaceField.tsx'
import { StorageSection } from './table/StorageSection.tsx'
import { withTableColor } from './table/table-color.ts'

interface TableInspectorProps {
  readonly schema: Schema
  readonly table: Table
  readonly color: string | undefined
  readonly focus: Focus | undefined
  /** The foreign key selected on the canvas, shown first. */
  readonly relationship?: ConstraintId
}

/** Enter on the table name goes to the first column, adding one to a table that has none. */
function focusFirstColumn(root: HTMLElement | null, table: Table) {
  const first = root?.querySelector<HTMLInputElement>('.cf-col__name')
  if (first) return first.focus(), first.select()
  if (addColumnAfter(table))
    requestAnimationFrame(() => {
      const added = root?.querySelector<HTMLInputElement>('.cf-col__name')
      added?.focus()
      added?.select()
    })
}

export function TableInspector({ schema, table, color, focus, relationship }: TableInspectorProps) {
  const root = useRef<HTMLDivElement>(null)
  const nameRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    if (focus?.kind !== 'name') return
    nameRef.current?.focus()
    nameRef.current?.select()
  }, [focus, table.id])

  const deleteTable = () =>
    removeWithNotice('Delete table', `Deleted table ${table.name}.`, (s) => removeTable(s, table.id), { kind: 'tables', tableIds: [table.id] }, {
      select: { kind: 'none' },
    })
  const consequence = previewRemoval(schema, (s) => removeTable(s, table.id), { kind: 'tables', tableIds: [table.id] })

  return (
    <div className="cf-inspector__body" ref={root}>
      <header className="cf-inspector__head">
        <span className="cf-inspector__kind">{relationship ? `Relationship in ${table.name}` : 'Table'}</span>
        {/* With a relationship shown, a trash can up here would read as deleting that. */}
        {relationship ? null : (
          <IconButton label="Delete table" size="sm" onClick={deleteTable} title={consequence ? `Delete table. ${consequence}` : 'Delete table'}>
            <Trash2 size={15} aria-hidden />
          </IconButton>
        )}
      </header>
      {relationship ? <RelationshipSection schema={schema} table={table} foreignKeyId={relationship} /> : null}
      <div className="cf-props cf-props--lead">
        <TextProp
          label="Table name"
          draftKey={`table-name:${table.id}`}
          value={table.name}
          mono
          inputRef={nameRef}
          commit={(next) => edit('Rename table', (s) => renameTable(s, table.id, next), { coalesce: `table-name:${table.id}` })}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || e.shiftKey) return
            e.preventDefault()
            focusFirstColumn(root.current, table)
          }}
        />
        <NamespaceField
          schema={schema}
          value={table.namespaceId}
          onChoose={(id) => edit('Move table to schema', (s) => moveTableToNamespace(s, table.id, id))}
          onCreate={(name) =>
            edit('Move table to new schema', (s) => {
              const [next, id] = ensureNamespace(s, name)
              return moveTableToNamespace(next, table.id, id)
            })
          }
        />
        <TextProp
          label="Comment"
          multiline
          draftKey={`table-comment:${table.id}`}
          value={table.comment ?? ''}
          placeholder="What one row of this table is"
          commit={(next) => edit('Edit table comment', (s) => setTableComment(s, table.id, next), { coalesce: `table-comment:${table.id}` })}
        />
        <ColorField
          value={color}
          onChange={(c) => appStore.getState().apply(c ? 'Colour table' : 'Reset table colour', (doc) => withTableColor(doc, [table.id], c))}
        />
      </div>
      <ColumnList schema={schema} table={table} focus={focus} />
      <KeysSection schema={schema} table={table} focus={focus} />
      <ForeignKeysSection schema={schema} table={table} focus={focus} exclude={relationship} />
      <ChecksSection table={table} focus={focus} />
      <IndexesSection schema={schema} table={table} focus={focus} />
      <StorageSection table={table} />
    </div>
  )
}
