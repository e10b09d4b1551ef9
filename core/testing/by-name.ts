/** Finding fixture objects by name in tests: `column(s, 'orders', 'status')`. */
import type { Column, Constraint, EnumType, Index, Schema, Table } from '../model/schema.ts'
import { constraintsOf } from '../model/queries.ts'

export function tableNamed(s: Schema, name: string): Table {
  const t = s.tables.find((x) => x.name === name)
  if (!t) throw new Error(`No table "${name}"`)
  return t
}

export function columnNamed(s: Schema, table: string, name: string): Column {
  const c = tableNamed(s, table).columns.find((x) => x.name === name)
  if (!c) throw new Error(`No column "${table}.${name}"`)
  return c
}

export function enumNamed(s: Schema, name: string): EnumType {
  const e = s.enums.find((x) => x.name === name)
  if (!e) throw new Error(`No enum "${name}"`)
  return e
}

export function labelNamed(s: Schema, enumName: string, label: string) {
  const v = enumNamed(s, enumName).values.find((x) => x.name === label)
  if (!v) throw new Error(`No label "${label}" in "${enumName}"`)
  return v
}

/** The constraint of `table` of this kind, or the one whose columns are these names. */
export function constraintOf(s: Schema, table: string, kind: Constraint['kind'], columns?: readonly string[]): Constraint {
  const t = tableNamed(s, table)
  const ids = columns?.map((n) => columnNamed(s, table, n).id)
  const c = constraintsOf(t).find((x) => x.kind === kind && (!ids || (x.kind !== 'check' && x.columns.length === ids.length && x.columns.every((id, i) => id === ids[i]))))
  if (!c) throw new Error(`No ${kind} on "${table}"${columns ? ` (${columns.join(', ')})` : ''}`)
  return c
}

export function indexOf(s: Schema, table: string, name: string): Index {
  const i = tableNamed(s, table).indexes.find((x) => x.name === name)
  if (!i) throw new Error(`No index "${name}" on "${table}"`)
  return i
}
