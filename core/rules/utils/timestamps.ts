/** Audit-column helpers: finding `created_at` whatever its style, and what "DEFAULT now()" looks like. */
import type { Column, ColumnDefault, ColumnType, Table } from '../../model/schema.ts'
import { nameKey } from './naming.ts'

export const timestamptz: ColumnType = { kind: 'builtin', name: 'timestamptz', arrayDims: 0 }
export const nowDefault: ColumnDefault = { kind: 'expression', sql: 'now()' }

const byKey = new WeakMap<Table, Map<string, Column>>()

/** `created_at`, `createdAt` and `CreatedAt` are the same column for these rules. */
export function findColumnLike(table: Table, name: string): Column | undefined {
  let map = byKey.get(table)
  if (!map) {
    map = new Map()
    for (const c of table.columns) {
      const key = nameKey(c.name)
      // An exact name wins over a style variant of it.
      if (!map.has(key) || c.name === name) map.set(key, c)
    }
    byKey.set(table, map)
  }
  const exact = map.get(nameKey(name))
  return exact && (exact.name === name || nameKey(exact.name) === nameKey(name)) ? (table.columns.find((c) => c.name === name) ?? exact) : undefined
}

export function isTimestampType(t: ColumnType): boolean {
  return t.kind === 'builtin' && t.arrayDims === 0 && (t.name === 'timestamp' || t.name === 'timestamptz')
}

export function defaultsToNow(c: Column): boolean {
  const d = c.default
  if (!d) return false
  const text = (d.kind === 'literal' ? d.value : d.sql).toLowerCase()
  return /\b(now|clock_timestamp|statement_timestamp|transaction_timestamp)\s*\(|current_timestamp|localtimestamp/.test(text) || text === 'now'
}
