/**
 * Relationship questions: which table a `*_id` column names, whether a table is an M:N junction,
 * and what kind of relationship a foreign key is (owned, reference, optional).
 */
import { singularize } from '../../model/inflect.ts'
import type { ForeignKey, Schema, Table } from '../../model/schema.ts'
import { columnById } from './model.ts'
import { nameKey, words } from './naming.ts'

const tableStemCache = new WeakMap<Schema, Map<string, Table[]>>()
const singularCache = new Map<string, string>()

/** singularize is a chain of regexes; names repeat, so remember them. */
export function singularKey(name: string): string {
  let hit = singularCache.get(name)
  if (hit === undefined) {
    if (singularCache.size > 50_000) singularCache.clear()
    hit = nameKey(singularize(words(name).join('_')))
    singularCache.set(name, hit)
  }
  return hit
}

/** Tables by the singular key of their name: `order_items` and `OrderItem` both under `orderitem`. */
export function tablesByStem(schema: Schema): ReadonlyMap<string, readonly Table[]> {
  let map = tableStemCache.get(schema)
  if (!map) {
    map = new Map()
    for (const t of schema.tables) {
      for (const key of new Set([singularKey(t.name), nameKey(t.name)])) {
        let list = map.get(key)
        if (!list) map.set(key, (list = []))
        list.push(t)
      }
    }
    tableStemCache.set(schema, map)
  }
  return map
}

/**
 * The stem a reference column names: `user_id`/`userId` give `user`, `created_by` gives the
 * actor; undefined for anything else.
 */
const stemCache = new Map<string, { stem: string; kind: 'id' | 'by' } | null>()

export function referenceStem(columnName: string): { stem: string; kind: 'id' | 'by' } | undefined {
  let hit = stemCache.get(columnName)
  if (hit === undefined) {
    if (stemCache.size > 50_000) stemCache.clear()
    stemCache.set(columnName, (hit = findStem(columnName) ?? null))
  }
  return hit ?? undefined
}

function findStem(columnName: string): { stem: string; kind: 'id' | 'by' } | undefined {
  const w = words(columnName)
  if (w.length < 2) return undefined
  const last = w[w.length - 1]
  if (last === 'id' || last === 'uuid') return { stem: w.slice(0, -1).join(''), kind: 'id' }
  if (last === 'by') return { stem: w.slice(0, -1).join(''), kind: 'by' }
  return undefined
}

/** Tables a stem names, preferring the same namespace. */
export function tablesForStem(schema: Schema, stem: string, from: Table): readonly Table[] {
  const all = tablesByStem(schema).get(singularKey(stem)) ?? tablesByStem(schema).get(stem) ?? []
  const same = all.filter((t) => t.namespaceId === from.namespaceId)
  return same.length > 0 ? same : all
}

/**
 * An M:N junction: exactly two single-column foreign keys on distinct columns, and nothing else
 * but a surrogate key, timestamps and at most `maxExtra` attribute columns (quantity, role...).
 */
const junctionCache = new WeakMap<Table, Map<number, [ForeignKey, ForeignKey] | undefined>>()

export function junctionForeignKeys(table: Table, maxExtra = 3): [ForeignKey, ForeignKey] | undefined {
  if (table.foreignKeys.length !== 2) return undefined
  let byExtra = junctionCache.get(table)
  if (!byExtra) junctionCache.set(table, (byExtra = new Map()))
  if (!byExtra.has(maxExtra)) byExtra.set(maxExtra, findJunction(table, maxExtra))
  return byExtra.get(maxExtra)
}

function findJunction(table: Table, maxExtra: number): [ForeignKey, ForeignKey] | undefined {
  const fks = table.foreignKeys.filter((f) => f.columns.length === 1)
  if (fks.length !== 2 || table.foreignKeys.length !== 2) return undefined
  const [a, b] = fks as [ForeignKey, ForeignKey]
  if (a.columns[0] === b.columns[0]) return undefined
  // Two different other tables: a self-reference (comments.parent_id) makes a tree, not a link.
  if (a.target.tableId === b.target.tableId || a.target.tableId === table.id || b.target.tableId === table.id) return undefined
  const fkCols = new Set([a.columns[0], b.columns[0]])
  const pk = table.primaryKey?.columns ?? []
  let extra = 0
  for (const c of table.columns) {
    if (fkCols.has(c.id)) continue
    if (pk.length === 1 && pk[0] === c.id) continue
    const w = words(c.name)
    const last = w[w.length - 1]
    if (last === 'at' || last === 'on' || last === 'by') continue
    extra++
  }
  return extra <= maxExtra ? [a, b] : undefined
}

/**
 * A link table between two others: a pure one (`user_roles`: nothing but the two keys, a surrogate
 * id and timestamps), or one with a few attributes that is named after both sides
 * (`product_categories` with a `position`). `comments` (post, user, body) links two tables too,
 * but is an entity of its own: several rows per pair are the point.
 */
export function linkForeignKeys(table: Table, index: { tables: ReadonlyMap<string, Table> }): [ForeignKey, ForeignKey] | undefined {
  const pair = junctionForeignKeys(table)
  if (!pair) return undefined
  if (junctionForeignKeys(table, 0)) return pair
  const own = nameKey(table.name)
  const named = pair.every((fk) => {
    const parent = index.tables.get(fk.target.tableId)
    return parent !== undefined && (own.includes(singularKey(parent.name)) || own.includes(nameKey(parent.name)))
  })
  return named ? pair : undefined
}

export type RelationshipKind = 'owned' | 'reference' | 'optional'

/**
 * Optional: every FK column may be NULL (SET NULL is possible). Owned: the child cannot exist without the parent: the FK is
 * part of the child's primary key, the child is a junction, or the child is named after the
 * parent (`order_items` of `orders`). Reference: every other NOT NULL FK.
 */
export function relationshipKind(child: Table, fk: ForeignKey, parent: Table | undefined): RelationshipKind {
  if (fk.columns.every((id) => columnById(child, id)?.nullable !== false)) return 'optional'
  const pk = child.primaryKey?.columns ?? []
  if (fk.columns.every((c) => pk.includes(c)) && pk.length > 0) return 'owned'
  // A pure link table (user_roles) is owned by both sides; one with attributes (order_items with
  // quantity and price) only by the parent it is named after.
  if (junctionForeignKeys(child, 0)) return 'owned'
  if (parent && parent !== child) {
    const parentStem = singularKey(parent.name)
    const childWords = words(child.name)
    if (childWords.length > 1 && nameKey(childWords[0]!) === parentStem) return 'owned'
    if (childWords.length > 1 && nameKey(childWords.slice(0, -1).join('')) === parentStem) return 'owned'
  }
  return 'reference'
}
