/**
 * A relationship selected on the canvas: what it means in words (derived from nullability and
 * uniqueness, as the crow's feet are), its foreign key's editor, and the way to either table.
 */
import { Trash2 } from 'lucide-react'
import type { ConstraintId, Schema, Table } from '@core'
import { findTable, relationshipOf, removeConstraint, resolveNames } from '@core'
import { Button } from '../../../components/Button.tsx'
import { appStore } from '../../../store/index.ts'
import { removeWithNotice } from '../edit.ts'
import { Section } from '../Section.tsx'
import { pairSummary, relationshipInWords } from './fk-pairs.ts'
import { ForeignKeyEditor } from './ForeignKeyEditor.tsx'

export function RelationshipSection({ schema, table, foreignKeyId }: { readonly schema: Schema; readonly table: Table; readonly foreignKeyId: ConstraintId }) {
  const fk = table.foreignKeys.find((f) => f.id === foreignKeyId)
  if (!fk) return null
  const parent = findTable(schema, fk.target.tableId)
  const r = relationshipOf(schema, table, fk)
  const name = resolveNames(schema).constraints.get(fk.id) ?? ''
  return (
    <Section title="Relationship" className="cf-section--feature">
      <div className="cf-relationship" data-part={`constraint:${fk.id}`}>
        <p className="cf-relationship__pairs">{pairSummary(table, fk, parent)}</p>
        <p className="cf-relationship__words">{relationshipInWords(r)}</p>
      </div>
      <div className="cf-props" role="group" aria-label={`Foreign key ${name}`}>
        <ForeignKeyEditor schema={schema} table={table} fk={fk} />
      </div>
      <div className="cf-row-actions">
        <Button size="sm" onClick={() => appStore.getState().select({ kind: 'tables', tableIds: [table.id] })}>
          Edit {table.name}
        </Button>
        {parent && parent.id !== table.id ? (
          <Button size="sm" onClick={() => appStore.getState().select({ kind: 'tables', tableIds: [parent.id] })}>
            Edit {parent.name}
          </Button>
        ) : null}
        <Button
          size="sm"
          variant="danger"
          className="cf-push-right"
          icon={<Trash2 size={14} aria-hidden />}
          aria-label="Delete relationship"
          title="Delete relationship (its foreign key)"
          onClick={() => removeWithNotice('Delete relationship', `Deleted the foreign key ${name}.`, (s) => removeConstraint(s, table.id, fk.id), { kind: 'other' }, { select: { kind: 'tables', tableIds: [table.id] } })}
        >
          Delete
        </Button>
      </div>
    </Section>
  )
}
