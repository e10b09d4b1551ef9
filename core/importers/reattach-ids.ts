/**
 * Re-importing a text (SQL, DBML, Prisma) must edit the same design, not make a new one: every
 * object that keeps its qualified name keeps the id it had, so diffs, layout and review links
 * still point at it. Schemas, tables and enums match by qualified name; columns and enum values
 * by name within their matched parent; constraints and indexes by their effective name
 * (PostgreSQL's default when unnamed) within their matched table. Everything else keeps its new
 * id, changed if it happens to equal an id of the previous design.
 *
 * With `byPosition` (text typed in the code panel, where a changed name is far more often a
 * rename than a drop and an add), what is left unmatched by name is matched by shape: a column
 * whose name changed at the same place in its table with the same type is that column renamed; a
 * table whose name changed with exactly the same columns is that table renamed; a constraint or an
 * index whose name changed (its default name follows its columns) with the same columns is that
 * constraint. Never used for diffs of unrelated sources, where a guessed rename would be worse
 * than a drop and an add.
 */
import type { AnyId } from '../model/ids.ts'
import { resolveNames } from '../model/names.ts'
import type { Column, ColumnType, Constraint, Index, IndexKey, Schema, Table } from '../model/schema.ts'

export interface ReattachOptions {
  readonly byPosition?: boolean
}

export function reattachIds(previous: Schema, next: Schema, options: ReattachOptions = {}): Schema {
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
  if (options.byPosition) matchByShape(previous, next, map)

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

/** The second pass of `byPosition`: what kept its shape but not its name. Adds to `map`. */
function matchByShape(previous: Schema, next: Schema, map: Map<string, string>): void {
  const used = new Set(map.values())
  const take = (nextId: string, prevId: string) => {
    map.set(nextId, prevId)
    used.add(prevId)
  }
  const nsName = (s: Schema, id: string) => s.namespaces.find((n) => n.id === id)?.name ?? ''
  // Enum ids differ between the two until matched: a type is compared through the map.
  const typeKey = (t: ColumnType, mapped: boolean) => JSON.stringify(t.kind === 'enum' ? { ...t, enumId: mapped ? (map.get(t.enumId) ?? t.enumId) : t.enumId } : t)
  const columnsKey = (t: Table, mapped: boolean) => t.columns.map((c) => `${c.name}:${typeKey(c.type, mapped)}`).join('\n')

  // Tables renamed with the same columns; among several alike, the nth left over takes the nth.
  const prevLeft = previous.tables.filter((t) => !used.has(t.id))
  for (const t of next.tables) {
    if (map.has(t.id)) continue
    const key = `${nsName(next, t.namespaceId)}\n${columnsKey(t, true)}`
    const candidate = prevLeft.find((p) => !used.has(p.id) && `${nsName(previous, p.namespaceId)}\n${columnsKey(p, false)}` === key)
    if (!candidate) continue
    take(t.id, candidate.id)
    candidate.columns.forEach((c, i) => take(t.columns[i]!.id, c.id))
  }

  const prevTables = new Map(previous.tables.map((t) => [t.id, t]))
  for (const t of next.tables) {
    const prevId = map.get(t.id)
    const p = prevId === undefined ? undefined : prevTables.get(prevId as Table['id'])
    if (!p) continue
    // Columns renamed in place: same position, same type, neither side matched by name.
    t.columns.forEach((c, i) => {
      const old: Column | undefined = p.columns[i]
      if (map.has(c.id) || !old || used.has(old.id) || typeKey(c.type, true) !== typeKey(old.type, false)) return
      take(c.id, old.id)
    })
  }

  // Constraints and indexes by what they constrain, once every column has its final id.
  const col = (id: string) => map.get(id) ?? `new:${id}`
  const shape = (c: Constraint, mapped: boolean) => {
    const cols = (ids: readonly string[]) => (mapped ? ids.map(col) : ids).join(',')
    switch (c.kind) {
      case 'primaryKey':
      case 'unique':
        return `${c.kind}:${cols(c.columns)}`
      case 'check':
        return `check:${c.expression}`
      case 'foreignKey':
        return `fk:${cols(c.columns)}>${mapped ? col(c.target.tableId) : c.target.tableId}:${cols(c.target.columns)}`
    }
  }
  const indexShape = (i: Index, mapped: boolean) =>
    `${i.unique}:${i.method}:${i.keys.map((k) => (k.kind === 'column' ? (mapped ? col(k.columnId) : k.columnId) : k.sql)).join(',')}:${i.where ?? ''}`
  for (const t of next.tables) {
    const prevId = map.get(t.id)
    const p = prevId === undefined ? undefined : prevTables.get(prevId as Table['id'])
    if (!p) continue
    const prevConstraints = constraintsOf(p).filter((c) => !used.has(c.id))
    for (const c of constraintsOf(t)) {
      if (map.has(c.id)) continue
      const key = shape(c, true)
      const old = prevConstraints.find((o) => !used.has(o.id) && shape(o, false) === key)
      if (old) take(c.id, old.id)
    }
    const prevIndexes = p.indexes.filter((i) => !used.has(i.id))
    for (const i of t.indexes) {
      if (map.has(i.id)) continue
      const key = indexShape(i, true)
      const old = prevIndexes.find((o) => !used.has(o.id) && indexShape(o, false) === key)
      if (old) take(i.id, old.id)
    }
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
