/**
 * Re-importing a text (SQL, DBML, Prisma) must edit the same design, not make a new one: every
 * object that keeps its qualified name keeps the id it had, so diffs, layout and review links
 * still point at it. Schemas, tables and enums match by qualified name; columns and enum values
 * by name within their matched parent; constraints and indexes by their effective name
 * (PostgreSQL's default when unnamed) within their matched table. Everything else keeps its new
 * id, changed if it happens to equal an id of the previous design.
 */
import type { AnyId } from '../model/ids.ts'
import { resolveNames } from '../model/names.ts'
import type { Constraint, IndexKey, Schema, Table } from '../model/schema.ts'

export function reattachIds(previous: Schema, next: Schema): Schema {
  const map = new Map<string, string>()
  const nsName = (s: Schema, id: string) => s.namespaces.find((n) => n.id === id)?.name ?? ''
  const byName = <T extends { id: string }>(list: readonly T[], nameOf: (x: T) => string) => new Map(list.map((x) => [nameOf(x), x]))
  const match = <T extends { id: string }>(prev: ReadonlyMap<string, T>, items: readonly T[], nameOf: (x: T) => string, inner?: (p: T, n: T) => void) => {
    for (const item of items) {
      const p = prev.get(nameOf(item))
      if (!p) continue
      map.set(item.id, p.id)
      inner?.(p, item)
    }
  }

  match(byName(previous.namespaces, (n) => n.name), next.namespaces, (n) => n.name)
  const enumName = (s: Schema) => (e: Schema['enums'][number]) => `${nsName(s, e.namespaceId)}.${e.name}`
  match(byName(previous.enums, enumName(previous)), next.enums, enumName(next), (p, n) => match(byName(p.values, (v) => v.name), n.values, (v) => v.name))
  const prevNames = resolveNames(previous)
  const nextNames = resolveNames(next)
  const tableName = (s: Schema) => (t: Table) => `${nsName(s, t.namespaceId)}.${t.name}`
  match(byName(previous.tables, tableName(previous)), next.tables, tableName(next), (p, n) => {
    match(byName(p.columns, (c) => c.name), n.columns, (c) => c.name)
    const constraintKey = (names: typeof prevNames) => (c: Constraint) => `${c.kind}:${names.constraints.get(c.id) ?? ''}`
    match(byName(constraintsOf(p), constraintKey(prevNames)), constraintsOf(n), constraintKey(nextNames))
    match(byName(p.indexes, (i) => prevNames.indexes.get(i.id) ?? ''), n.indexes, (i) => nextNames.indexes.get(i.id) ?? '')
  })

  // A new object whose fresh id equals any id of the previous design gets a suffix: equal to a
  // kept id it would clash, equal to a dropped object's id it would pass for a rename of it.
  const taken = new Set<string>([...map.values(), ...allIds(previous)])
  const nextIds = new Set(allIds(next))
  const id = <T extends AnyId>(old: T): T => {
    const mapped = map.get(old)
    if (mapped !== undefined) return mapped as T
    let fresh: string = old
    // A suffixed id must not be one that another new object already carries either.
    for (let k = 2; taken.has(fresh) || (fresh !== old && nextIds.has(fresh)); k++) fresh = `${old}_${k}`
    taken.add(fresh)
    map.set(old, fresh)
    return fresh as T
  }
  const key = (k: IndexKey): IndexKey => (k.kind === 'column' ? { ...k, columnId: id(k.columnId) } : k)
  return {
    ...next,
    namespaces: next.namespaces.map((n) => ({ ...n, id: id(n.id) })),
    enums: next.enums.map((e) => ({ ...e, id: id(e.id), namespaceId: id(e.namespaceId), values: e.values.map((v) => ({ ...v, id: id(v.id) })) })),
    tables: next.tables.map((t) => ({
      ...t,
      id: id(t.id),
      namespaceId: id(t.namespaceId),
      columns: t.columns.map((c) => ({ ...c, id: id(c.id), ...(c.type.kind === 'enum' ? { type: { ...c.type, enumId: id(c.type.enumId) } } : {}) })),
      ...(t.primaryKey ? { primaryKey: { ...t.primaryKey, id: id(t.primaryKey.id), columns: t.primaryKey.columns.map(id) } } : {}),
      uniques: t.uniques.map((u) => ({ ...u, id: id(u.id), columns: u.columns.map(id) })),
      checks: t.checks.map((c) => ({ ...c, id: id(c.id) })),
      foreignKeys: t.foreignKeys.map((f) => ({
        ...f,
        id: id(f.id),
        columns: f.columns.map(id),
        target: { tableId: id(f.target.tableId), columns: f.target.columns.map(id) },
      })),
      indexes: t.indexes.map((i) => ({ ...i, id: id(i.id), keys: i.keys.map(key), include: i.include.map(id) })),
    })),
  }
}

function allIds(s: Schema): string[] {
  const ids: string[] = [...s.namespaces.map((n) => n.id)]
  for (const e of s.enums) ids.push(e.id, ...e.values.map((v) => v.id))
  for (const t of s.tables) ids.push(t.id, ...t.columns.map((c) => c.id), ...constraintsOf(t).map((c) => c.id), ...t.indexes.map((i) => i.id))
  return ids
}

function constraintsOf(t: Table): Constraint[] {
  return [...(t.primaryKey ? [t.primaryKey] : []), ...t.uniques, ...t.checks, ...t.foreignKeys]
}
