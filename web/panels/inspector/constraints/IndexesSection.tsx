/** The indexes of a table. */
import { useEffect } from 'react'
import { Plus } from 'lucide-react'
import type { Index, IndexId, Schema, Table } from '@core'
import { addIndex, moveIndex, randomIds, removeIndex, resolveNames } from '@core'
import { IconButton } from '../../../components/Button.tsx'
import type { Focus } from '../../../store/selection-slice.ts'
import { editOrNotify, removeWithNotice } from '../edit.ts'
import { EmptyLine, Section } from '../Section.tsx'
import { useFlash } from '../use-flash.ts'
import { Card, revealPart, useOpenSet } from './Card.tsx'
import { IndexEditor } from './IndexEditor.tsx'

const ids = randomIds()

export function indexSummary(table: Table, index: Index): string {
  const keys = index.keys
    .map((k) => (k.kind === 'column' ? (table.columns.find((c) => c.id === k.columnId)?.name ?? '?') : `(${k.sql})`) + (k.order === 'desc' ? ' DESC' : ''))
    .join(', ')
  return `${index.method === 'btree' ? '' : `${index.method} `}(${keys})${index.include.length > 0 ? ' INCLUDE …' : ''}${index.where ? ' WHERE …' : ''}`
}

export function IndexesSection({ schema, table, focus }: { readonly schema: Schema; readonly table: Table; readonly focus: Focus | undefined }) {
  const open = useOpenSet<IndexId>()
  const flash = useFlash<IndexId>()
  const names = resolveNames(schema).indexes

  useEffect(() => {
    if (focus?.kind !== 'index' || !table.indexes.some((i) => i.id === focus.indexId)) return
    open.show(focus.indexId)
    flash.start(focus.indexId)
    revealPart(`index:${focus.indexId}`)
  }, [focus]) // A new request is a new focus object; the helpers are stable.

  const add = () => {
    const first = table.columns[0]
    if (!first) return
    const id = ids.next('index')
    if (editOrNotify('Add index', (s) => addIndex(s, table.id, { id, unique: false, method: 'btree', keys: [{ kind: 'column', columnId: first.id }], include: [] })).ok) {
      open.show(id)
      revealPart(`index:${id}`, 'first-field')
    }
  }

  return (
    <Section
      title="Indexes"
      count={table.indexes.length}
      actions={
        <IconButton label="Add index" size="sm" onClick={add} disabled={table.columns.length === 0}>
          <Plus size={15} aria-hidden />
        </IconButton>
      }
    >
      {table.indexes.length === 0 ? <EmptyLine>No indexes besides the keys'.</EmptyLine> : null}
      <div className="cf-cards">
        {table.indexes.map((index, i) => (
          <Card
            key={index.id}
            label={`Index ${names.get(index.id) ?? ''}`}
            kind={index.unique ? 'UQ IX' : 'IX'}
            summary={indexSummary(table, index)}
            open={open.isOpen(index.id)}
            onToggle={() => open.toggle(index.id)}
            onRemove={() => removeWithNotice('Delete index', `Deleted the index ${names.get(index.id) ?? ''}.`, (s) => removeIndex(s, table.id, index.id), { kind: 'other' })}
            onMove={(step) => {
              if (editOrNotify('Move index', (s) => moveIndex(s, table.id, index.id, i + step)).ok) revealPart(`index:${index.id}`)
            }}
            part={`index:${index.id}`}
            highlighted={flash.active === index.id}
          >
            <IndexEditor schema={schema} table={table} index={index} />
          </Card>
        ))}
      </div>
    </Section>
  )
}
