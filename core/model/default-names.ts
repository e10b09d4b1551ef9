/**
 * Catalogs and pg_dump files name every constraint and index. Names equal to what PostgreSQL
 * would generate are dropped, so they follow the table on a rename as the user expects; a name is
 * kept wherever dropping it would make the resolved name differ.
 */
import type { ConstraintId, IndexId } from './ids.ts'
import { resolveNames, simpleDefaultName } from './names.ts'
import type { Schema, Table } from './schema.ts'

export function dropDefaultNames(schema: Schema): Schema {
  const original = resolveNames(schema)
  const keep = new Set<ConstraintId | IndexId>()
  for (let round = 0; round < 5; round++) {
    const next = stripNames(schema, keep)
    const resolved = resolveNames(next)
    let stable = true
    for (const [id, name] of original.constraints)
      if (resolved.constraints.get(id) !== name && !keep.has(id)) (keep.add(id), (stable = false))
    for (const [id, name] of original.indexes)
      if (resolved.indexes.get(id) !== name && !keep.has(id)) (keep.add(id), (stable = false))
    if (stable) return next
  }
  return schema
}

function stripNames(schema: Schema, keep: ReadonlySet<ConstraintId | IndexId>): Schema {
  const strip = <T extends { id: ConstraintId | IndexId; name?: string }>(t: Table, obj: T, def: string): T => {
    if (obj.name === undefined || obj.name !== def || keep.has(obj.id)) return obj
    const { name: _, ...rest } = obj
    return rest as T
  }
  return {
    ...schema,
    tables: schema.tables.map((t) => ({
      ...t,
      ...(t.primaryKey ? { primaryKey: strip(t, t.primaryKey, simpleDefaultName(t, t.primaryKey)) } : {}),
      uniques: t.uniques.map((u) => strip(t, u, simpleDefaultName(t, u))),
      foreignKeys: t.foreignKeys.map((f) => strip(t, f, simpleDefaultName(t, f))),
      indexes: t.indexes.map((i) => strip(t, i, simpleDefaultName(t, { kind: 'index', keys: i.keys, include: i.include }))),
    })),
  }
}
