/** The size of a design at a glance, and how much each schema (namespace) holds. */
import type { NamespaceId, Schema } from '@core'

export function designCounts(schema: Schema): readonly (readonly [string, number])[] {
  let columns = 0
  let relationships = 0
  let indexes = 0
  let constraints = 0
  for (const t of schema.tables) {
    columns += t.columns.length
    relationships += t.foreignKeys.length
    indexes += t.indexes.length
    constraints += (t.primaryKey ? 1 : 0) + t.uniques.length + t.checks.length
  }
  return [
    ['Tables', schema.tables.length],
    ['Columns', columns],
    ['Relationships', relationships],
    ['Constraints', constraints],
    ['Indexes', indexes],
    ['Enums', schema.enums.length],
  ]
}

export function namespaceUse(schema: Schema): ReadonlyMap<NamespaceId, { readonly tables: number; readonly enums: number }> {
  const use = new Map<NamespaceId, { tables: number; enums: number }>(schema.namespaces.map((n) => [n.id, { tables: 0, enums: 0 }]))
  for (const t of schema.tables) {
    const u = use.get(t.namespaceId)
    if (u) u.tables++
  }
  for (const e of schema.enums) {
    const u = use.get(e.namespaceId)
    if (u) u.enums++
  }
  return use
}
