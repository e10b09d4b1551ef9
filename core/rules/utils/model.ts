/**
 * Read-only questions about the model that several rules ask: column types, the indexes a table
 * really has (explicit ones plus those behind PRIMARY KEY and UNIQUE), names still free for a fix.
 */
import { byteLength, maxIdentifierBytes } from '../../model/names.ts'
import type { ResolvedNames } from '../../model/names.ts'
import type { ColumnId, NamespaceId } from '../../model/ids.ts'
import type { Column, ColumnType, ForeignKey, Index, IndexKey, Schema, Table } from '../../model/schema.ts'
import { isSerial, storageTypeName } from '../../model/types.ts'
import { reservedKeywords, typeFuncNameKeywords } from '../../sql/keywords.ts'
import { analyzeExpression } from './sql.ts'

export const isScalar = (t: ColumnType) => t.arrayDims === 0

export function isStringType(t: ColumnType): boolean {
  if (t.arrayDims !== 0) return false
  if (t.kind === 'builtin') return t.name === 'text' || t.name === 'varchar' || t.name === 'char'
  return t.kind === 'custom' && t.name === 'citext'
}

export function isIntegerType(t: ColumnType): boolean {
  if (t.kind !== 'builtin' || t.arrayDims !== 0) return false
  const s = storageTypeName(t)
  return s === 'smallint' || s === 'integer' || s === 'bigint'
}

export function isFloatType(t: ColumnType): boolean {
  return t.kind === 'builtin' && t.arrayDims === 0 && (t.name === 'real' || t.name === 'double precision')
}

export function builtinName(t: ColumnType): string | undefined {
  return t.kind === 'builtin' ? t.name : undefined
}

export function columnById(table: Table, id: ColumnId): Column | undefined {
  // Tables are small: a scan beats building a map per call.
  for (const c of table.columns) if (c.id === id) return c
  return undefined
}

export function columnsOf(table: Table, ids: readonly ColumnId[]): Column[] {
  const out: Column[] = []
  for (const id of ids) {
    const c = columnById(table, id)
    if (c) out.push(c)
  }
  return out
}

export function foreignKeysWith(table: Table, column: Column): ForeignKey[] {
  return table.foreignKeys.filter((f) => f.columns.includes(column.id))
}

const mentionedCache = new WeakMap<Table, ReadonlySet<string>>()

/** Whether a CHECK of the table mentions the column. */
export function checkMentions(table: Table, column: Column): boolean {
  if (table.checks.length === 0) return false
  let names = mentionedCache.get(table)
  if (!names) {
    const set = new Set<string>()
    for (const c of table.checks) for (const r of analyzeExpression(c.expression).columns) set.add(r.name).add(r.raw)
    mentionedCache.set(table, (names = set))
  }
  return names.has(column.name)
}

export function hasDbDefault(c: Column): boolean {
  return c.default !== undefined || c.identity !== undefined || c.generated !== undefined || isSerial(c.type)
}

/**
 * An index as the planner sees it, whether the user wrote CREATE INDEX or PostgreSQL built it for
 * a PRIMARY KEY or UNIQUE constraint (btree, no predicate).
 */
export interface KeyedIndex {
  readonly source: 'index' | 'primaryKey' | 'unique'
  readonly index?: Index
  readonly unique: boolean
  readonly method: Index['method']
  readonly keys: readonly IndexKey[]
  readonly include: readonly ColumnId[]
  readonly where?: string
}

const keyedCache = new WeakMap<Table, readonly KeyedIndex[]>()

export function keyedIndexes(table: Table): readonly KeyedIndex[] {
  let hit = keyedCache.get(table)
  if (!hit) keyedCache.set(table, (hit = buildKeyedIndexes(table)))
  return hit
}

function buildKeyedIndexes(table: Table): KeyedIndex[] {
  const asKeys = (cols: readonly ColumnId[]): IndexKey[] => cols.map((columnId) => ({ kind: 'column', columnId }))
  const out: KeyedIndex[] = []
  if (table.primaryKey) out.push({ source: 'primaryKey', unique: true, method: 'btree', keys: asKeys(table.primaryKey.columns), include: [] })
  for (const u of table.uniques) out.push({ source: 'unique', unique: true, method: 'btree', keys: asKeys(u.columns), include: [] })
  for (const i of table.indexes)
    out.push({ source: 'index', index: i, unique: i.unique, method: i.method, keys: i.keys, include: i.include, ...(i.where !== undefined ? { where: i.where } : {}) })
  return out
}

export function sameKey(a: IndexKey, b: IndexKey): boolean {
  if (a.kind !== b.kind) return false
  if (a.kind === 'column' && b.kind === 'column' ? a.columnId !== b.columnId : normalizeSql((a as { sql: string }).sql) !== normalizeSql((b as { sql: string }).sql))
    return false
  return a.order === b.order && a.nulls === b.nulls && (a.opclass ?? '') === (b.opclass ?? '') && (a.collation ?? '') === (b.collation ?? '')
}

export function normalizeSql(sql: string): string {
  return sql.replace(/\s+/g, ' ').replace(/\s*([(),])\s*/g, '$1').trim().toLowerCase()
}

const relationCache = new WeakMap<Schema, Map<NamespaceId, Set<string>>>()

/** Relation names taken in a namespace: tables, indexes (explicit and constraint-backed), sequences. */
export function relationNames(schema: Schema, names: ResolvedNames, namespaceId: NamespaceId): ReadonlySet<string> {
  let byNs = relationCache.get(schema)
  if (!byNs) {
    byNs = new Map()
    for (const t of schema.tables) {
      let set = byNs.get(t.namespaceId)
      if (!set) byNs.set(t.namespaceId, (set = new Set()))
      set.add(t.name)
      if (t.primaryKey) set.add(names.constraints.get(t.primaryKey.id) ?? '')
      for (const u of t.uniques) set.add(names.constraints.get(u.id) ?? '')
      for (const i of t.indexes) set.add(names.indexes.get(i.id) ?? '')
      for (const c of t.columns) if (isSerial(c.type)) set.add(`${t.name}_${c.name}_seq`)
    }
    for (const e of schema.enums) {
      let set = byNs.get(e.namespaceId)
      if (!set) byNs.set(e.namespaceId, (set = new Set()))
      set.add(e.name)
    }
    relationCache.set(schema, byNs)
  }
  return byNs.get(namespaceId) ?? new Set()
}

/** A name a fix may give a new or renamed object: short enough, plain, and not taken. */
export function usableName(name: string, taken: ReadonlySet<string>): boolean {
  return name !== '' && byteLength(name) <= maxIdentifierBytes && !taken.has(name) && !reservedKeywords.has(name) && !typeFuncNameKeywords.has(name)
}

/** Constraint names used in a table (they must be unique per table). */
export function constraintNames(table: Table, names: ResolvedNames): Set<string> {
  const out = new Set<string>()
  if (table.primaryKey) out.add(names.constraints.get(table.primaryKey.id) ?? '')
  for (const u of table.uniques) out.add(names.constraints.get(u.id) ?? '')
  for (const c of table.checks) out.add(c.name)
  for (const f of table.foreignKeys) out.add(names.constraints.get(f.id) ?? '')
  return out
}

/**
 * Whether SQL text stored in the table (CHECKs, index expressions and predicates, generated
 * columns, the partition key) names the column. Renames do not rewrite that text, so a rename fix
 * is only offered when nothing does.
 */
export function columnUsedInSql(table: Table, column: Column): boolean {
  const texts: string[] = table.checks.map((c) => c.expression)
  for (const i of table.indexes) {
    for (const k of i.keys) if (k.kind === 'expression') texts.push(k.sql)
    if (i.where !== undefined) texts.push(i.where)
  }
  for (const c of table.columns) if (c.generated) texts.push(c.generated)
  if (table.partitionBy) texts.push(table.partitionBy.key)
  return texts.some((sql) => analyzeExpression(sql).columns.some((r) => r.name === column.name || r.raw === column.name))
}

/** Whether SQL text stored in the table qualifies a column with the table's own name. */
export function tableNameUsedInSql(table: Table): boolean {
  return table.checks.some((c) => analyzeExpression(c.expression).columns.some((r) => r.qualifier !== undefined))
}
