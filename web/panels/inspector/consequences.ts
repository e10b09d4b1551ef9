/**
 * What a removal takes with it, in words, found by comparing the design before and after the core
 * edit: the edits decide what cascades (as DROP ... CASCADE does), so the words can never disagree
 * with what actually happens. Shown beside delete buttons, and in the notice after a delete.
 */
import type { ColumnId, Schema, TableId } from '@core'
import { constraintsOf, findTable, indexSchema, resolveNames } from '@core'
import { formatType, listInWords } from './names.ts'

const kindWords = {
  primaryKey: 'primary key',
  unique: 'unique constraint',
  check: 'check',
  foreignKey: 'foreign key',
} as const

/** What the user removed on purpose: tables, a column, or (for an enum) nothing of a table. */
export type Removed =
  | { readonly kind: 'tables'; readonly tableIds: readonly TableId[] }
  | { readonly kind: 'column'; readonly tableId: TableId; readonly columnId: ColumnId }
  | { readonly kind: 'other' }

/**
 * Everything in `after` that is gone or retyped compared with `before`, apart from what the user
 * removed, e.g. `the foreign key orders_user_id_fkey in orders`, `orders.status becomes text`.
 * Objects of the column's own table go without "in <table>".
 */
export function removedAlongside(before: Schema, after: Schema, removed: Removed): string[] {
  const names = resolveNames(before)
  const afterTables = indexSchema(after).tables
  const gone = new Set<string>(removed.kind === 'tables' ? removed.tableIds : [])
  const out: string[] = []
  for (const t of before.tables) {
    if (gone.has(t.id)) continue
    const next = afterTables.get(t.id)
    if (next === t) continue
    if (!next) {
      out.push(`the table ${t.name}`)
      continue
    }
    const home = removed.kind === 'column' && removed.tableId === t.id
    const where = home ? '' : ` in ${t.name}`
    const kept = new Set(constraintsOf(next).map((c) => c.id))
    for (const c of constraintsOf(t)) if (!kept.has(c.id)) out.push(`the ${kindWords[c.kind]} ${names.constraints.get(c.id) ?? ''}${where}`)
    const keptIndexes = new Set(next.indexes.map((i) => i.id))
    for (const i of t.indexes) if (!keptIndexes.has(i.id)) out.push(`the index ${names.indexes.get(i.id) ?? ''}${where}`)
    const nextColumns = new Map(next.columns.map((c) => [c.id, c]))
    for (const c of t.columns) {
      if (home && removed.columnId === c.id) continue
      const n = nextColumns.get(c.id)
      if (!n) out.push(`the column ${t.name}.${c.name}`)
      else if (n.type !== c.type) out.push(`${t.name}.${c.name} becomes ${formatType(after, n.type)}`)
    }
  }
  return out
}

/** "Also removes the index a and the foreign key b." or "" when nothing else goes. */
export function consequenceSentence(items: readonly string[]): string {
  if (items.length === 0) return ''
  const removals = items.filter((i) => i.startsWith('the '))
  const changes = items.filter((i) => !i.startsWith('the '))
  const parts: string[] = []
  if (removals.length > 0) parts.push(`Also removes ${listInWords(removals)}.`)
  if (changes.length > 0) parts.push(`${capitalize(listInWords(changes))}.`)
  return parts.join(' ')
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** The tables named in a removal of several, for the multi-table view: "users, orders and 3 more". */
export function tableNamesInWords(schema: Schema, ids: readonly TableId[], max = 3): string {
  const names = ids.map((id) => findTable(schema, id)?.name).filter((n): n is string => n !== undefined)
  if (names.length <= max) return listInWords(names)
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`
}
