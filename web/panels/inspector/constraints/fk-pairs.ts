/**
 * Foreign key pairs when the referenced table changes: the new parent's primary key (or its first
 * column) becomes the target, and each target column is paired with the child column that the
 * naming convention suggests (`user_id` for users.id), else the one already there.
 */
import type { ColumnId, ForeignKey, Relationship, Table } from '@core'
import { singularize } from '@core'

export function pairsForTarget(child: Table, fk: ForeignKey, parent: Table): { columns: ColumnId[]; target: ForeignKey['target'] } | undefined {
  const targetColumns = parent.primaryKey?.columns.length ? parent.primaryKey.columns : parent.columns[0] ? [parent.columns[0].id] : []
  if (targetColumns.length === 0 || child.columns.length === 0) return undefined
  const prefix = singularize(parent.name)
  const columns = targetColumns.map((targetId, i) => {
    const target = parent.columns.find((c) => c.id === targetId)
    const byName = target && child.columns.find((c) => c.name === `${prefix}_${target.name}`)
    return byName?.id ?? fk.columns[i] ?? fk.columns[0] ?? child.columns[0]!.id
  })
  return { columns, target: { tableId: parent.id, columns: targetColumns } }
}

/** "user_id → users.id" for a card summary. */
export function pairSummary(child: Table, fk: ForeignKey, parent: Table | undefined): string {
  const name = (t: Table | undefined, id: ColumnId) => t?.columns.find((c) => c.id === id)?.name ?? '?'
  const left = fk.columns.map((id) => name(child, id)).join(', ')
  const right = fk.target.columns.map((id) => name(parent, id)).join(', ')
  return `${left} → ${parent?.name ?? '(missing table)'}.${fk.target.columns.length > 1 ? `(${right})` : right}`
}

/**
 * A relationship in words, from the same derivation as its crow's feet: "Each orders row refers to
 * exactly one users row; a users row has any number of orders rows."
 */
export function relationshipInWords(r: Relationship): string {
  const child = r.child.name
  const how = r.parentEnd === 'exactly-one' ? 'exactly one' : 'at most one'
  const optional = r.parentEnd === 'zero-or-one' ? ' (its key may be null)' : ''
  if (r.selfReference) return `Each ${child} row refers to ${how} other ${child} row${optional}.`
  const parent = r.parent?.name ?? '(missing table)'
  const many = r.childEnd === 'zero-or-one' ? `at most one ${child} row` : `any number of ${child} rows`
  return `Each ${child} row refers to ${how} ${parent} row${optional}; a ${parent} row has ${many}.`
}
