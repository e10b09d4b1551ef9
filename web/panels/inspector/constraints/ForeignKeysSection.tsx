/** The foreign keys of a table, and a short form to add one (pick the table it references). */
import { useEffect, useState } from 'react'
import { Plus } from 'lucide-react'
import type { ConstraintId, Schema, Table, TableId } from '@core'
import { addRelationship, displayTableName, findTable, moveConstraint, randomIds, removeConstraint, resolveNames } from '@core'
import { Button, IconButton } from '../../../components/Button.tsx'
import type { Focus } from '../../../store/selection-slice.ts'
import { edit, editOrNotify, removeWithNotice } from '../edit.ts'
import { DraftError, Prop } from '../fields.tsx'
import { EmptyLine, Section } from '../Section.tsx'
import { useFlash } from '../use-flash.ts'
import { Card, revealPart, useOpenSet } from './Card.tsx'
import { pairSummary } from './fk-pairs.ts'
import { ForeignKeyEditor } from './ForeignKeyEditor.tsx'

const ids = randomIds()

function AddForeignKey({ schema, table, onAdded, onCancel }: { readonly schema: Schema; readonly table: Table; readonly onAdded: (id: ConstraintId) => void; readonly onCancel: () => void }) {
  const others = schema.tables.filter((t) => t.id !== table.id)
  const [target, setTarget] = useState<TableId>((others[0] ?? table).id)
  const [error, setError] = useState<string>()
  const add = () => {
    const id = ids.next('constraint')
    // Matches `<parent>_id` style columns by name, or creates them typed like the parent's key.
    const r = edit('Add foreign key', (s) => addRelationship(s, { id, from: table.id, to: target }))
    if (r.ok) onAdded(id)
    else setError(r.message)
  }
  return (
    <div className="cf-add-form" role="group" aria-label="New foreign key" data-cf-escape="" tabIndex={-1} onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), onCancel())}>
      <Prop label="References">
        {({ id }) => (
          <select
            id={id}
            className="cf-input cf-select"
            value={target}
            autoFocus
            onChange={(e) => (setTarget(e.target.value as TableId), setError(undefined))}
            onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), add())}
          >
            {[...others, table].map((t) => (
              <option key={t.id} value={t.id}>
                {displayTableName(schema, t)}
                {t.id === table.id ? ' (itself)' : ''}
              </option>
            ))}
          </select>
        )}
      </Prop>
      {error ? <DraftError error={error} onRevert={() => setError(undefined)} /> : null}
      <div className="cf-add-form__actions">
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button size="sm" variant="primary" onClick={add}>
          Add foreign key
        </Button>
      </div>
    </div>
  )
}

interface ForeignKeysSectionProps {
  readonly schema: Schema
  readonly table: Table
  readonly focus: Focus | undefined
  /** The key the relationship view already shows. */
  readonly exclude?: ConstraintId
}

export function ForeignKeysSection({ schema, table, focus, exclude }: ForeignKeysSectionProps) {
  const open = useOpenSet<ConstraintId>()
  const flash = useFlash<ConstraintId>()
  const [adding, setAdding] = useState(false)
  const names = resolveNames(schema).constraints

  useEffect(() => {
    if (focus?.kind !== 'constraint' || !table.foreignKeys.some((f) => f.id === focus.constraintId)) return
    open.show(focus.constraintId)
    flash.start(focus.constraintId)
    revealPart(`constraint:${focus.constraintId}`)
  }, [focus]) // A new request is a new focus object; the helpers are stable.

  const shown = table.foreignKeys.filter((f) => f.id !== exclude)
  return (
    <Section
      title={exclude ? 'Other foreign keys' : 'Foreign keys'}
      count={shown.length}
      actions={
        <IconButton label="Add foreign key" size="sm" onClick={() => setAdding(true)} disabled={adding}>
          <Plus size={15} aria-hidden />
        </IconButton>
      }
    >
      {adding ? (
        <AddForeignKey
          schema={schema}
          table={table}
          onCancel={() => setAdding(false)}
          onAdded={(id) => {
            setAdding(false)
            open.show(id)
            revealPart(`constraint:${id}`)
          }}
        />
      ) : null}
      {shown.length === 0 && !adding ? <EmptyLine>No foreign keys.</EmptyLine> : null}
      <div className="cf-cards">
        {shown.map((fk) => {
          const i = table.foreignKeys.indexOf(fk)
          return (
            <Card
              key={fk.id}
              label={`Foreign key ${names.get(fk.id) ?? ''}`}
              kind="FK"
              summary={pairSummary(table, fk, findTable(schema, fk.target.tableId))}
              open={open.isOpen(fk.id)}
              onToggle={() => open.toggle(fk.id)}
              onRemove={() => removeWithNotice('Delete foreign key', `Deleted the foreign key ${names.get(fk.id) ?? ''}.`, (s) => removeConstraint(s, table.id, fk.id), { kind: 'other' })}
              onMove={(step) => {
                if (editOrNotify('Move foreign key', (s) => moveConstraint(s, table.id, fk.id, i + step)).ok) revealPart(`constraint:${fk.id}`)
              }}
              part={`constraint:${fk.id}`}
              highlighted={flash.active === fk.id}
            >
              <ForeignKeyEditor schema={schema} table={table} fk={fk} />
            </Card>
          )
        })}
      </div>
    </Section>
  )
}
