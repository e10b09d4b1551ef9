/** The primary key and the unique constraints of a table. */
import { useEffect } from 'react'
import { KeyRound, Plus } from 'lucide-react'
import type { ConstraintId, Schema, Table, UniqueConstraint } from '@core'
import { addUnique, columnMap, moveConstraint, randomIds, removeConstraint, resolveNames, setPrimaryKey, updateConstraint } from '@core'
import { IconButton } from '../../../components/Button.tsx'
import type { Focus } from '../../../store/selection-slice.ts'
import { edit, editOrNotify, removeWithNotice } from '../edit.ts'
import { CheckProp, PropGroup, TextProp } from '../fields.tsx'
import { EmptyLine, Section } from '../Section.tsx'
import { useFlash } from '../use-flash.ts'
import { Card, revealPart, useOpenSet } from './Card.tsx'
import { ColumnsField } from './ColumnsField.tsx'

const ids = randomIds()

export function columnNames(table: Table, columns: readonly string[]): string {
  const byId = columnMap(table)
  return columns.map((id) => byId.get(id as never)?.name ?? '?').join(', ')
}

/** The optional name of a key, unique or foreign key: empty means PostgreSQL's own name. */
export function ConstraintName({ schema, table, id, name }: { readonly schema: Schema; readonly table: Table; readonly id: ConstraintId; readonly name: string | undefined }) {
  const generated = resolveNames(schema).constraints.get(id)
  return (
    <TextProp
      label="Name"
      draftKey={`constraint-name:${id}`}
      value={name ?? ''}
      mono
      placeholder={generated}
      hint={name ? undefined : 'Empty: PostgreSQL names it, and the name follows the table.'}
      commit={(text) => edit('Rename constraint', (s) => updateConstraint(s, table.id, id, { name: text.trim() === '' ? undefined : text }), { coalesce: `constraint-name:${id}` })}
    />
  )
}

/** The comment of a key, unique, check or foreign key (`COMMENT ON CONSTRAINT`). */
export function ConstraintComment({ table, id, comment }: { readonly table: Table; readonly id: ConstraintId; readonly comment: string | undefined }) {
  return (
    <TextProp
      label="Comment"
      multiline
      draftKey={`constraint-comment:${id}`}
      value={comment ?? ''}
      placeholder="Why it holds"
      commit={(text) => edit('Edit constraint comment', (s) => updateConstraint(s, table.id, id, { comment: text || undefined }), { coalesce: `constraint-comment:${id}` })}
    />
  )
}

export function KeysSection({ schema, table, focus }: { readonly schema: Schema; readonly table: Table; readonly focus: Focus | undefined }) {
  const open = useOpenSet<ConstraintId>()
  const flash = useFlash<ConstraintId>()
  const names = resolveNames(schema).constraints
  const pk = table.primaryKey

  useEffect(() => {
    if (focus?.kind !== 'constraint') return
    const id = focus.constraintId
    if (pk?.id !== id && !table.uniques.some((u) => u.id === id)) return
    open.show(id)
    flash.start(id)
    revealPart(`constraint:${id}`)
  }, [focus]) // A new request is a new focus object; the helpers are stable.

  const addPk = () => {
    const first = table.columns.find((c) => c.name === 'id') ?? table.columns[0]
    if (!first) return
    const id = ids.next('constraint')
    if (editOrNotify('Add primary key', (s) => setPrimaryKey(s, table.id, [first.id], { id })).ok) {
      open.show(id)
      revealPart(`constraint:${id}`)
    }
  }
  const addUniqueKey = () => {
    const first = table.columns.find((c) => !table.uniques.some((u) => u.columns.length === 1 && u.columns[0] === c.id)) ?? table.columns[0]
    if (!first) return
    const id = ids.next('constraint')
    if (editOrNotify('Add unique constraint', (s) => addUnique(s, table.id, { id, kind: 'unique', columns: [first.id] })).ok) {
      open.show(id)
      revealPart(`constraint:${id}`)
    }
  }
  const removeUnique = (u: UniqueConstraint) =>
    removeWithNotice('Delete unique constraint', `Deleted the unique constraint ${names.get(u.id) ?? ''}.`, (s) => removeConstraint(s, table.id, u.id), { kind: 'other' })

  return (
    <Section
      title="Keys"
      count={(pk ? 1 : 0) + table.uniques.length}
      actions={
        <>
          {pk ? null : (
            <IconButton label="Add primary key" size="sm" onClick={addPk} disabled={table.columns.length === 0}>
              <KeyRound size={15} aria-hidden />
            </IconButton>
          )}
          <IconButton label="Add unique constraint" size="sm" onClick={addUniqueKey} disabled={table.columns.length === 0}>
            <Plus size={15} aria-hidden />
          </IconButton>
        </>
      }
    >
      {!pk && table.uniques.length === 0 ? <EmptyLine>No primary key. Most tables need one.</EmptyLine> : null}
      <div className="cf-cards">
        {pk ? (
          <Card
            label={`Primary key ${names.get(pk.id) ?? ''}`}
            kind="PK"
            summary={columnNames(table, pk.columns)}
            open={open.isOpen(pk.id)}
            onToggle={() => open.toggle(pk.id)}
            onRemove={() => removeWithNotice('Delete primary key', 'Deleted the primary key.', (s) => setPrimaryKey(s, table.id, []), { kind: 'other' })}
            part={`constraint:${pk.id}`}
            highlighted={flash.active === pk.id}
          >
            <ColumnsField label="Columns" table={table} value={pk.columns} required onChange={(cols) => edit('Change primary key', (s) => setPrimaryKey(s, table.id, cols, { id: pk.id, ...(pk.name ? { name: pk.name } : {}) }))} />
            <ConstraintName schema={schema} table={table} id={pk.id} name={pk.name} />
            <ConstraintComment table={table} id={pk.id} comment={pk.comment} />
          </Card>
        ) : null}
        {table.uniques.map((u, i) => (
          <Card
            key={u.id}
            label={`Unique ${names.get(u.id) ?? ''}`}
            kind="UQ"
            summary={columnNames(table, u.columns)}
            open={open.isOpen(u.id)}
            onToggle={() => open.toggle(u.id)}
            onRemove={() => removeUnique(u)}
            onMove={(step) => {
              if (editOrNotify('Move unique constraint', (s) => moveConstraint(s, table.id, u.id, i + step)).ok) revealPart(`constraint:${u.id}`)
            }}
            part={`constraint:${u.id}`}
            highlighted={flash.active === u.id}
          >
            <ColumnsField label="Columns" table={table} value={u.columns} required onChange={(cols) => edit('Change unique constraint', (s) => updateConstraint(s, table.id, u.id, { columns: cols }))} />
            <PropGroup label="Nulls">
              <CheckProp
                label="NULLS NOT DISTINCT"
                checked={u.nullsNotDistinct === true}
                onChange={(on) => edit('Change unique constraint', (s) => updateConstraint(s, table.id, u.id, { nullsNotDistinct: on || undefined }))}
              />
            </PropGroup>
            <ConstraintName schema={schema} table={table} id={u.id} name={u.name} />
            <ConstraintComment table={table} id={u.id} comment={u.comment} />
          </Card>
        ))}
      </div>
    </Section>
  )
}
