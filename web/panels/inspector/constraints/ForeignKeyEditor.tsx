/**
 * One foreign key: the referenced table, the ordered column pairs (`columns[i]` references
 * `target.columns[i]`), the referential actions, MATCH FULL, DEFERRABLE and its name.
 */
import { ArrowRight, Plus, X } from 'lucide-react'
import type { ColumnId, Deferrable, FkAction, ForeignKey, Schema, Table } from '@core'
import { displayTableName, findTable, setForeignKeyColumns, updateConstraint } from '@core'
import { Button, IconButton } from '../../../components/Button.tsx'
import { edit, editOrNotify } from '../edit.ts'
import { CheckProp, PropGroup, SelectProp, type Choice } from '../fields.tsx'
import { pairsForTarget } from './fk-pairs.ts'
import { ConstraintComment, ConstraintName } from './KeysSection.tsx'

const actions: readonly Choice<FkAction>[] = [
  { value: 'no action', label: 'No action' },
  { value: 'restrict', label: 'Restrict' },
  { value: 'cascade', label: 'Cascade' },
  { value: 'set null', label: 'Set null' },
  { value: 'set default', label: 'Set default' },
]

const deferrables: readonly Choice<Deferrable>[] = [
  { value: 'not deferrable', label: 'Not deferrable' },
  { value: 'initially immediate', label: 'Deferrable, initially immediate' },
  { value: 'initially deferred', label: 'Deferrable, initially deferred' },
]

export function ForeignKeyEditor({ schema, table, fk }: { readonly schema: Schema; readonly table: Table; readonly fk: ForeignKey }) {
  const parent = findTable(schema, fk.target.tableId)
  const setPairs = (columns: readonly ColumnId[], targetColumns: readonly ColumnId[], tableId = fk.target.tableId) =>
    editOrNotify('Change foreign key columns', (s) => setForeignKeyColumns(s, table.id, fk.id, columns, { tableId, columns: targetColumns }), {
      coalesce: `fk-columns:${fk.id}`,
    })
  const setOption = (label: string, patch: Parameters<typeof updateConstraint>[3]) => edit(label, (s) => updateConstraint(s, table.id, fk.id, patch), { coalesce: `fk-options:${fk.id}` })
  const unusedChild = table.columns.find((c) => !fk.columns.includes(c.id))
  const unusedParent = parent?.columns.find((c) => !fk.target.columns.includes(c.id))

  return (
    <>
      <SelectProp
        label="References"
        value={fk.target.tableId}
        options={schema.tables.map((t) => ({ value: t.id, label: displayTableName(schema, t) }))}
        onChange={(id) => {
          const next = findTable(schema, id)
          const pairs = next && pairsForTarget(table, fk, next)
          if (pairs) setPairs(pairs.columns, pairs.target.columns, id)
        }}
      />
      <PropGroup label="Columns" top>
        <div className="cf-pairs" role="list" aria-label="Column pairs">
          {fk.columns.map((columnId, i) => (
            <div key={i} className="cf-pair" role="listitem">
              <select
                className="cf-input cf-select cf-input--mono"
                aria-label={`Column ${i + 1} in ${table.name}`}
                value={columnId}
                onChange={(e) => setPairs(fk.columns.map((c, j) => (j === i ? (e.target.value as ColumnId) : c)), fk.target.columns)}
              >
                {table.columns.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
              <ArrowRight size={14} aria-hidden className="cf-pair__arrow" />
              <select
                className="cf-input cf-select cf-input--mono"
                aria-label={`Referenced column ${i + 1} in ${parent?.name ?? 'the target'}`}
                value={fk.target.columns[i]}
                onChange={(e) => setPairs(fk.columns, fk.target.columns.map((c, j) => (j === i ? (e.target.value as ColumnId) : c)))}
              >
                {(parent?.columns ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
              <IconButton
                label={`Remove pair ${i + 1}`}
                size="sm"
                disabled={fk.columns.length === 1}
                onClick={() => setPairs(fk.columns.filter((_, j) => j !== i), fk.target.columns.filter((_, j) => j !== i))}
              >
                <X size={14} aria-hidden />
              </IconButton>
            </div>
          ))}
        </div>
        {unusedChild && unusedParent ? (
          <Button className="cf-align-start" size="sm" variant="ghost" icon={<Plus size={14} aria-hidden />} onClick={() => setPairs([...fk.columns, unusedChild.id], [...fk.target.columns, unusedParent.id])}>
            Add column pair
          </Button>
        ) : null}
      </PropGroup>
      <SelectProp label="On delete" value={fk.onDelete ?? 'no action'} options={actions} onChange={(v) => setOption('Change ON DELETE', { onDelete: v === 'no action' ? undefined : v })} />
      <SelectProp label="On update" value={fk.onUpdate ?? 'no action'} options={actions} onChange={(v) => setOption('Change ON UPDATE', { onUpdate: v === 'no action' ? undefined : v })} />
      <SelectProp
        label="Deferrable"
        value={fk.deferrable ?? 'not deferrable'}
        options={deferrables}
        onChange={(v) => setOption('Change DEFERRABLE', { deferrable: v === 'not deferrable' ? undefined : v })}
      />
      <PropGroup label="Match">
        <CheckProp label="MATCH FULL" checked={fk.match === 'full'} onChange={(on) => setOption('Change MATCH', { match: on ? 'full' : undefined })} />
      </PropGroup>
      <ConstraintName schema={schema} table={table} id={fk.id} name={fk.name} />
      <ConstraintComment table={table} id={fk.id} comment={fk.comment} />
    </>
  )
}
