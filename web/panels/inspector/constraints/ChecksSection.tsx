/** The CHECK constraints of a table: always named, an expression each. */
import { useEffect } from 'react'
import { Plus } from 'lucide-react'
import type { CheckConstraint, ConstraintId, Table } from '@core'
import { addCheck, checkSqlFragment, constraintsOf, freshName, moveConstraint, randomIds, removeConstraint, updateConstraint } from '@core'
import { IconButton } from '../../../components/Button.tsx'
import { appStore } from '../../../store/index.ts'
import type { Focus } from '../../../store/selection-slice.ts'
import { edit, editOrNotify, removeWithNotice } from '../edit.ts'
import { CheckProp, PropGroup, TextProp } from '../fields.tsx'
import { EmptyLine, Section } from '../Section.tsx'
import { useFlash } from '../use-flash.ts'
import { Card, revealPart, useOpenSet } from './Card.tsx'
import { ConstraintComment } from './KeysSection.tsx'

const ids = randomIds()

function CheckEditor({ table, check }: { readonly table: Table; readonly check: CheckConstraint }) {
  return (
    <>
      <TextProp
        label="Expression"
        draftKey={`check-expression:${check.id}`}
        value={check.expression}
        mono
        placeholder="quantity > 0"
        hint="A boolean SQL expression over the row's columns."
        commit={(text) => {
          const problem = checkSqlFragment(text)
          if (problem) return { ok: false, message: problem }
          return edit('Change check', (s) => updateConstraint(s, table.id, check.id, { expression: text }), { coalesce: `check-expression:${check.id}` })
        }}
      />
      <TextProp
        label="Name"
        draftKey={`check-name:${check.id}`}
        value={check.name}
        mono
        commit={(text) => {
          if (text.trim() === '') return { ok: false, message: 'A check constraint needs a name.' }
          return edit('Rename check', (s) => updateConstraint(s, table.id, check.id, { name: text }), { coalesce: `check-name:${check.id}` })
        }}
      />
      <PropGroup label="Inherit">
        <CheckProp label="NO INHERIT" checked={check.noInherit === true} onChange={(on) => edit('Change check', (s) => updateConstraint(s, table.id, check.id, { noInherit: on || undefined }))} />
      </PropGroup>
      <ConstraintComment table={table} id={check.id} comment={check.comment} />
    </>
  )
}

export function ChecksSection({ table, focus }: { readonly table: Table; readonly focus: Focus | undefined }) {
  const open = useOpenSet<ConstraintId>()
  const flash = useFlash<ConstraintId>()

  useEffect(() => {
    if (focus?.kind !== 'constraint' || !table.checks.some((c) => c.id === focus.constraintId)) return
    open.show(focus.constraintId)
    flash.start(focus.constraintId)
    revealPart(`constraint:${focus.constraintId}`)
  }, [focus]) // A new request is a new focus object; the helpers are stable.

  const add = () => {
    const schema = appStore.getState().document.schema
    const taken = schema.tables.filter((t) => t.namespaceId === table.namespaceId).flatMap((t) => constraintsOf(t).map((c) => c.name ?? ''))
    const id = ids.next('constraint')
    // `true` holds for every row: a harmless start, selected so typing replaces it.
    if (editOrNotify('Add check', (s) => addCheck(s, table.id, { id, kind: 'check', name: freshName(`${table.name}_check`, taken), expression: 'true' })).ok) {
      open.show(id)
      revealPart(`constraint:${id}`, 'first-field')
    }
  }

  return (
    <Section
      title="Checks"
      count={table.checks.length}
      actions={
        <IconButton label="Add check" size="sm" onClick={add}>
          <Plus size={15} aria-hidden />
        </IconButton>
      }
    >
      {table.checks.length === 0 ? <EmptyLine>No checks.</EmptyLine> : null}
      <div className="cf-cards">
        {table.checks.map((c, i) => (
          <Card
            key={c.id}
            label={`Check ${c.name}`}
            kind="CHECK"
            summary={c.expression}
            open={open.isOpen(c.id)}
            onToggle={() => open.toggle(c.id)}
            onRemove={() => removeWithNotice('Delete check', `Deleted the check ${c.name}.`, (s) => removeConstraint(s, table.id, c.id), { kind: 'other' })}
            onMove={(step) => {
              if (editOrNotify('Move check', (s) => moveConstraint(s, table.id, c.id, i + step)).ok) revealPart(`constraint:${c.id}`)
            }}
            part={`constraint:${c.id}`}
            highlighted={flash.active === c.id}
          >
            <CheckEditor table={table} check={c} />
          </Card>
        ))}
      </div>
    </Section>
  )
}
