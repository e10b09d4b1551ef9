/**
 * The operations a user performs, as pure functions: each takes a schema and returns a new one,
 * sharing everything it did not touch. None mutates its input (tests run them on frozen schemas).
 *
 * New objects take their id from the input when given (the app and importers decide ids, so that
 * undo, collaboration and re-import agree) and otherwise from a random generator.
 */
import { CoreError } from '../errors.ts'
import { singularize } from './inflect.ts'
import type { ColumnId, ConstraintId, EnumId, EnumValueId, IdGenerator, IndexId, NamespaceId, TableId } from './ids.ts'
import { randomIds } from './ids.ts'
import { findColumn, findNamespaceByName, getTable, indexSchema } from './queries.ts'
import type {
  CheckConstraint,
  Column,
  ColumnType,
  EnumType,
  ForeignKey,
  Index,
  Namespace,
  PartitionBy,
  PrimaryKey,
  Schema,
  Table,
  UniqueConstraint,
} from './schema.ts'
import { checkSqlFragment } from '../sql/expression.ts'
import { isSerial } from './types.ts'

type Mutable<T> = { -readonly [K in keyof T]: T[K] }
type WithOptionalId<T extends { id: unknown }> = Omit<T, 'id'> & { id?: T['id'] }

let defaultIds: IdGenerator | undefined
const ids = (): IdGenerator => (defaultIds ??= randomIds())

function invalid(message: string): never {
  throw new CoreError('invalid-edit', message)
}

function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  const copy = list.slice()
  copy[index] = item
  return copy
}

/** `list` with the item at `from` moved to `to` (clamped); the same array when nothing moves. */
function moveInList<T>(list: readonly T[], from: number, to: number): readonly T[] {
  const target = Math.max(0, Math.min(to, list.length - 1))
  if (from === target) return list
  const copy = list.slice()
  const [item] = copy.splice(from, 1)
  copy.splice(target, 0, item!)
  return copy
}

/** A name not in `taken`: `base`, else `base_2`, `base_3`, ... */
export function freshName(base: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  if (!used.has(base)) return base
  for (let i = 2; ; i++) if (!used.has(`${base}_${i}`)) return `${base}_${i}`
}

/** Applies `fn` to one table; every other table object stays the same (cheap change detection). */
export function updateTable(schema: Schema, tableId: TableId, fn: (t: Table) => Table): Schema {
  const i = schema.tables.findIndex((t) => t.id === tableId)
  if (i < 0) throw new CoreError('missing-object', `No table with id ${tableId}`)
  const next = fn(schema.tables[i]!)
  return next === schema.tables[i] ? schema : { ...schema, tables: replaceAt(schema.tables, i, next) }
}

function updateColumnIn(table: Table, columnId: ColumnId, fn: (c: Column) => Column): Table {
  const i = table.columns.findIndex((c) => c.id === columnId)
  if (i < 0) throw new CoreError('missing-object', `No column with id ${columnId} in ${table.name}`)
  return { ...table, columns: replaceAt(table.columns, i, fn(table.columns[i]!)) }
}

// ---------------------------------------------------------------- namespaces

export function addNamespace(schema: Schema, input: WithOptionalId<Namespace>): Schema {
  if (findNamespaceByName(schema, input.name)) invalid(`A schema named "${input.name}" already exists.`)
  const ns: Namespace = { ...input, id: input.id ?? ids().next('namespace') }
  return { ...schema, namespaces: [...schema.namespaces, ns] }
}

/** Returns the namespace id for `name`, adding the namespace when the design has none by that name. */
export function ensureNamespace(schema: Schema, name: string, id?: NamespaceId): [Schema, NamespaceId] {
  const found = findNamespaceByName(schema, name)
  if (found) return [schema, found.id]
  const nsId = id ?? ids().next('namespace')
  return [addNamespace(schema, { id: nsId, name }), nsId]
}

export function renameNamespace(schema: Schema, id: NamespaceId, name: string): Schema {
  if (name === '') invalid('A schema name cannot be empty.')
  if (schema.namespaces.some((n) => n.name === name && n.id !== id)) invalid(`A schema named "${name}" already exists.`)
  return { ...schema, namespaces: schema.namespaces.map((n) => (n.id === id ? { ...n, name } : n)) }
}

export function setNamespaceComment(schema: Schema, id: NamespaceId, comment: string | undefined): Schema {
  const i = schema.namespaces.findIndex((n) => n.id === id)
  if (i < 0) throw new CoreError('missing-object', `No namespace with id ${id}`)
  const next = withOptional(schema.namespaces[i]!, 'comment', comment || undefined)
  return next === schema.namespaces[i] ? schema : { ...schema, namespaces: replaceAt(schema.namespaces, i, next) }
}

/** Removes an empty namespace; one that still holds tables or enums cannot be removed. */
export function removeNamespace(schema: Schema, id: NamespaceId): Schema {
  if (schema.tables.some((t) => t.namespaceId === id) || schema.enums.some((e) => e.namespaceId === id))
    invalid('The schema still holds tables or enums.')
  return { ...schema, namespaces: schema.namespaces.filter((n) => n.id !== id) }
}

// ---------------------------------------------------------------- tables

export interface NewTable {
  id?: TableId
  namespaceId?: NamespaceId
  name: string
  comment?: string
  columns?: readonly Column[]
  primaryKey?: PrimaryKey
  uniques?: readonly UniqueConstraint[]
  checks?: readonly CheckConstraint[]
  foreignKeys?: readonly ForeignKey[]
  indexes?: readonly Index[]
}

/** Adds a table (in `public` unless a namespace is given, creating `public` if needed). */
export function addTable(schema: Schema, input: NewTable): Schema {
  let s = schema
  let namespaceId = input.namespaceId
  if (!namespaceId) [s, namespaceId] = ensureNamespace(s, 'public')
  const table: Table = {
    id: input.id ?? ids().next('table'),
    namespaceId,
    name: input.name,
    ...(input.comment === undefined ? {} : { comment: input.comment }),
    columns: input.columns ?? [],
    ...(input.primaryKey ? { primaryKey: input.primaryKey } : {}),
    uniques: input.uniques ?? [],
    checks: input.checks ?? [],
    foreignKeys: input.foreignKeys ?? [],
    indexes: input.indexes ?? [],
  }
  return { ...s, tables: [...s.tables, table] }
}

export function renameTable(schema: Schema, tableId: TableId, name: string): Schema {
  if (name === '') invalid('A table name cannot be empty.')
  return updateTable(schema, tableId, (t) => ({ ...t, name }))
}

export function moveTableToNamespace(schema: Schema, tableId: TableId, namespaceId: NamespaceId): Schema {
  return updateTable(schema, tableId, (t) => ({ ...t, namespaceId }))
}

export function setTableComment(schema: Schema, tableId: TableId, comment: string | undefined): Schema {
  return updateTable(schema, tableId, (t) => withOptional(t, 'comment', comment || undefined))
}

/** `CREATE UNLOGGED TABLE`: faster writes, no crash safety, not replicated. */
export function setTableUnlogged(schema: Schema, tableId: TableId, unlogged: boolean): Schema {
  return updateTable(schema, tableId, (t) => withOptional(t, 'unlogged', unlogged || undefined))
}

/** Sets (or with undefined, removes) `PARTITION BY strategy (key)`. */
export function setPartitionBy(schema: Schema, tableId: TableId, partitionBy: PartitionBy | undefined): Schema {
  if (partitionBy) {
    const problem = checkSqlFragment(partitionBy.key)
    if (problem) invalid(partitionBy.key.trim() === '' ? 'A partition key needs at least one column or expression.' : problem)
  }
  return updateTable(schema, tableId, (t) =>
    partitionBy && t.partitionBy?.strategy === partitionBy.strategy && t.partitionBy.key === partitionBy.key
      ? t
      : withOptional(t, 'partitionBy', partitionBy),
  )
}

/** Removes a table and, as DROP TABLE ... CASCADE does, every foreign key that points at it. */
export function removeTable(schema: Schema, tableId: TableId): Schema {
  getTable(schema, tableId)
  const tables = schema.tables
    .filter((t) => t.id !== tableId)
    .map((t) =>
      t.foreignKeys.some((f) => f.target.tableId === tableId)
        ? { ...t, foreignKeys: t.foreignKeys.filter((f) => f.target.tableId !== tableId) }
        : t,
    )
  return { ...schema, tables }
}

// ---------------------------------------------------------------- columns

export type NewColumn = WithOptionalId<Column>

/** Adds a column at `position` (default: last). */
export function addColumn(schema: Schema, tableId: TableId, input: NewColumn, position?: number): Schema {
  const column: Column = { ...input, id: input.id ?? ids().next('column') } as Column
  return updateTable(schema, tableId, (t) => {
    if (t.columns.some((c) => c.id === column.id)) invalid(`Column id ${column.id} is already used.`)
    const columns = t.columns.slice()
    columns.splice(position ?? columns.length, 0, column)
    return { ...t, columns }
  })
}

export function renameColumn(schema: Schema, tableId: TableId, columnId: ColumnId, name: string): Schema {
  if (name === '') invalid('A column name cannot be empty.')
  return updateTable(schema, tableId, (t) => updateColumnIn(t, columnId, (c) => ({ ...c, name })))
}

export type ColumnPatch = Partial<Omit<Column, 'id' | 'name'>>

/**
 * Changes column properties. A key set to undefined removes that property (no default, no
 * identity...). Identity and a generated expression exclude a default, as in PostgreSQL.
 */
export function updateColumn(schema: Schema, tableId: TableId, columnId: ColumnId, patch: ColumnPatch): Schema {
  return updateTable(schema, tableId, (t) =>
    updateColumnIn(t, columnId, (c) => {
      let next: Column = c
      for (const key of Object.keys(patch) as Array<keyof ColumnPatch>) next = withOptional(next, key, patch[key])
      if (patch.identity) next = withOptional(withOptional(next, 'default', undefined), 'generated', undefined)
      if (patch.generated) next = withOptional(withOptional(next, 'default', undefined), 'identity', undefined)
      if (patch.default) next = withOptional(withOptional(next, 'identity', undefined), 'generated', undefined)
      if (next.identity && next.nullable) next = { ...next, nullable: false }
      return next
    }),
  )
}

export function setColumnType(schema: Schema, tableId: TableId, columnId: ColumnId, type: ColumnType): Schema {
  return updateColumn(schema, tableId, columnId, { type })
}

/** Moves a column to a new position in its table (0-based). */
export function moveColumn(schema: Schema, tableId: TableId, columnId: ColumnId, toIndex: number): Schema {
  return updateTable(schema, tableId, (t) => {
    const from = t.columns.findIndex((c) => c.id === columnId)
    if (from < 0) throw new CoreError('missing-object', `No column with id ${columnId}`)
    const to = Math.max(0, Math.min(toIndex, t.columns.length - 1))
    if (from === to) return t
    const columns = t.columns.slice()
    const [col] = columns.splice(from, 1)
    columns.splice(to, 0, col!)
    return { ...t, columns }
  })
}

/**
 * Copies a column (type, nullability, default, comment...) right after itself, under a name no
 * other column of the table has (`email_copy`, `email_copy_2`). Keys and constraints are not
 * copied: a second primary key column or a duplicated foreign key is rarely what a copy means.
 */
export function duplicateColumn(
  schema: Schema,
  tableId: TableId,
  columnId: ColumnId,
  options: { id?: ColumnId; name?: string } = {},
): Schema {
  const table = getTable(schema, tableId)
  const i = table.columns.findIndex((c) => c.id === columnId)
  if (i < 0) throw new CoreError('missing-object', `No column with id ${columnId} in ${table.name}`)
  const source = table.columns[i]!
  const name = options.name ?? freshName(`${source.name}_copy`, table.columns.map((c) => c.name))
  return addColumn(schema, tableId, { ...source, id: options.id ?? ids().next('column'), name }, i + 1)
}

/**
 * Removes a column as `DROP COLUMN ... CASCADE` does: the keys, uniques, foreign keys and indexes
 * that use it go with it, and so do foreign keys elsewhere that reference it.
 */
export function removeColumn(schema: Schema, tableId: TableId, columnId: ColumnId): Schema {
  const uses = (cols: readonly ColumnId[]) => cols.includes(columnId)
  const s = updateTable(schema, tableId, (t) => {
    if (!findColumn(t, columnId)) throw new CoreError('missing-object', `No column with id ${columnId}`)
    const next: Mutable<Table> = {
      ...t,
      columns: t.columns.filter((c) => c.id !== columnId),
      uniques: t.uniques.filter((u) => !uses(u.columns)),
      foreignKeys: t.foreignKeys.filter((f) => !uses(f.columns) && !(f.target.tableId === t.id && uses(f.target.columns))),
      indexes: t.indexes.filter(
        (i) => !uses(i.include) && !i.keys.some((k) => k.kind === 'column' && k.columnId === columnId),
      ),
    }
    if (t.primaryKey && uses(t.primaryKey.columns)) delete next.primaryKey
    return next
  })
  return {
    ...s,
    tables: s.tables.map((t) =>
      t.id !== tableId && t.foreignKeys.some((f) => f.target.tableId === tableId && uses(f.target.columns))
        ? { ...t, foreignKeys: t.foreignKeys.filter((f) => !(f.target.tableId === tableId && uses(f.target.columns))) }
        : t,
    ),
  }
}

// ---------------------------------------------------------------- constraints

/** Sets (or with an empty list, removes) the primary key. */
export function setPrimaryKey(
  schema: Schema,
  tableId: TableId,
  columns: readonly ColumnId[],
  options: { id?: ConstraintId; name?: string } = {},
): Schema {
  return updateTable(schema, tableId, (t) => {
    if (columns.length === 0) return withOptional(t, 'primaryKey', undefined)
    const pk: PrimaryKey = {
      kind: 'primaryKey',
      id: options.id ?? t.primaryKey?.id ?? ids().next('constraint'),
      columns,
      ...(options.name ? { name: options.name } : t.primaryKey?.name && !options.id ? { name: t.primaryKey.name } : {}),
    }
    // PRIMARY KEY implies NOT NULL on its columns.
    return {
      ...t,
      primaryKey: pk,
      columns: t.columns.map((c) => (columns.includes(c.id) && c.nullable ? { ...c, nullable: false } : c)),
    }
  })
}

export function addUnique(schema: Schema, tableId: TableId, input: WithOptionalId<UniqueConstraint>): Schema {
  const u: UniqueConstraint = { ...input, id: input.id ?? ids().next('constraint') }
  return updateTable(schema, tableId, (t) => ({ ...t, uniques: [...t.uniques, u] }))
}

export function addCheck(schema: Schema, tableId: TableId, input: WithOptionalId<CheckConstraint>): Schema {
  const c: CheckConstraint = { ...input, id: input.id ?? ids().next('constraint') }
  return updateTable(schema, tableId, (t) => ({ ...t, checks: [...t.checks, c] }))
}

export function addForeignKey(schema: Schema, tableId: TableId, input: WithOptionalId<ForeignKey>): Schema {
  if (input.columns.length === 0 || input.columns.length !== input.target.columns.length)
    invalid('A foreign key needs the same number of columns on both sides.')
  const f: ForeignKey = { ...input, id: input.id ?? ids().next('constraint') }
  return updateTable(schema, tableId, (t) => ({ ...t, foreignKeys: [...t.foreignKeys, f] }))
}

type AnyConstraintPatch = Partial<Omit<UniqueConstraint, 'id' | 'kind'>> &
  Partial<Omit<CheckConstraint, 'id' | 'kind'>> &
  Partial<Omit<ForeignKey, 'id' | 'kind'>>

/** Changes a constraint's properties; undefined values remove optional properties. */
export function updateConstraint(schema: Schema, tableId: TableId, id: ConstraintId, patch: AnyConstraintPatch): Schema {
  const apply = <T extends object>(c: T): T => {
    let next = c
    for (const key of Object.keys(patch) as Array<keyof typeof patch>) next = withOptional(next, key as keyof T, patch[key] as never)
    return next
  }
  return updateTable(schema, tableId, (t) => {
    if (t.primaryKey?.id === id) return { ...t, primaryKey: apply(t.primaryKey) }
    if (t.uniques.some((u) => u.id === id)) return { ...t, uniques: t.uniques.map((u) => (u.id === id ? apply(u) : u)) }
    if (t.checks.some((c) => c.id === id)) return { ...t, checks: t.checks.map((c) => (c.id === id ? apply(c) : c)) }
    if (t.foreignKeys.some((f) => f.id === id))
      return { ...t, foreignKeys: t.foreignKeys.map((f) => (f.id === id ? apply(f) : f)) }
    throw new CoreError('missing-object', `No constraint with id ${id} in ${t.name}`)
  })
}

export function removeConstraint(schema: Schema, tableId: TableId, id: ConstraintId): Schema {
  return updateTable(schema, tableId, (t) => {
    if (t.primaryKey?.id === id) return withOptional(t, 'primaryKey', undefined)
    return {
      ...t,
      uniques: t.uniques.filter((u) => u.id !== id),
      checks: t.checks.filter((c) => c.id !== id),
      foreignKeys: t.foreignKeys.filter((f) => f.id !== id),
    }
  })
}

/**
 * Sets a foreign key's column pairs and target at once, so the two sides never disagree:
 * `columns[i]` references `target.columns[i]`, every column exists, and there is at least one pair.
 */
export function setForeignKeyColumns(
  schema: Schema,
  tableId: TableId,
  id: ConstraintId,
  columns: readonly ColumnId[],
  target: ForeignKey['target'],
): Schema {
  if (columns.length === 0 || columns.length !== target.columns.length)
    invalid('A foreign key needs the same number of columns on both sides.')
  const child = getTable(schema, tableId)
  const parent = getTable(schema, target.tableId)
  for (const c of columns) if (!findColumn(child, c)) throw new CoreError('missing-object', `No column with id ${c} in ${child.name}`)
  for (const c of target.columns) if (!findColumn(parent, c)) throw new CoreError('missing-object', `No column with id ${c} in ${parent.name}`)
  return updateTable(schema, tableId, (t) => {
    const i = t.foreignKeys.findIndex((f) => f.id === id)
    if (i < 0) throw new CoreError('missing-object', `No foreign key with id ${id} in ${t.name}`)
    return { ...t, foreignKeys: replaceAt(t.foreignKeys, i, { ...t.foreignKeys[i]!, columns, target }) }
  })
}

/** Moves a unique, check or foreign key within its own list (the order DDL and exports print). */
export function moveConstraint(schema: Schema, tableId: TableId, id: ConstraintId, toIndex: number): Schema {
  return updateTable(schema, tableId, (t) => {
    for (const key of ['uniques', 'checks', 'foreignKeys'] as const) {
      const list: readonly { id: ConstraintId }[] = t[key]
      const from = list.findIndex((c) => c.id === id)
      if (from < 0) continue
      const moved = moveInList(list, from, toIndex)
      return moved === list ? t : { ...t, [key]: moved }
    }
    throw new CoreError('missing-object', `No unique, check or foreign key with id ${id} in ${t.name}`)
  })
}

// ---------------------------------------------------------------- indexes

export function addIndex(schema: Schema, tableId: TableId, input: WithOptionalId<Index>): Schema {
  if (input.keys.length === 0) invalid('An index needs at least one column or expression.')
  const index: Index = { ...input, id: input.id ?? ids().next('index') }
  return updateTable(schema, tableId, (t) => ({ ...t, indexes: [...t.indexes, index] }))
}

export function updateIndex(schema: Schema, tableId: TableId, id: IndexId, patch: Partial<Omit<Index, 'id'>>): Schema {
  return updateTable(schema, tableId, (t) => ({
    ...t,
    indexes: t.indexes.map((i) => {
      if (i.id !== id) return i
      let next = i
      for (const key of Object.keys(patch) as Array<keyof typeof patch>) next = withOptional(next, key, patch[key] as never)
      return next
    }),
  }))
}

export function removeIndex(schema: Schema, tableId: TableId, id: IndexId): Schema {
  return updateTable(schema, tableId, (t) => ({ ...t, indexes: t.indexes.filter((i) => i.id !== id) }))
}

export function moveIndex(schema: Schema, tableId: TableId, id: IndexId, toIndex: number): Schema {
  return updateTable(schema, tableId, (t) => {
    const from = t.indexes.findIndex((i) => i.id === id)
    if (from < 0) throw new CoreError('missing-object', `No index with id ${id} in ${t.name}`)
    const indexes = moveInList(t.indexes, from, toIndex)
    return indexes === t.indexes ? t : { ...t, indexes }
  })
}

// ---------------------------------------------------------------- enums

export function addEnum(schema: Schema, input: WithOptionalId<Omit<EnumType, 'namespaceId'>> & { namespaceId?: NamespaceId }): Schema {
  let s = schema
  let namespaceId = input.namespaceId
  if (!namespaceId) [s, namespaceId] = ensureNamespace(s, 'public')
  const e: EnumType = { ...input, namespaceId, id: input.id ?? ids().next('enum') }
  assertUniqueLabels(e)
  return { ...s, enums: [...s.enums, e] }
}

function updateEnum(schema: Schema, id: EnumId, fn: (e: EnumType) => EnumType): Schema {
  const i = schema.enums.findIndex((e) => e.id === id)
  if (i < 0) throw new CoreError('missing-object', `No enum with id ${id}`)
  const next = fn(schema.enums[i]!)
  if (next === schema.enums[i]) return schema
  assertUniqueLabels(next)
  return { ...schema, enums: replaceAt(schema.enums, i, next) }
}

function assertUniqueLabels(e: EnumType) {
  const seen = new Set<string>()
  for (const v of e.values) {
    if (v.name === '') invalid(`A value of enum "${e.name}" cannot be empty.`)
    if (seen.has(v.name)) invalid(`Enum "${e.name}" already has the value "${v.name}".`)
    seen.add(v.name)
  }
}

export function renameEnum(schema: Schema, id: EnumId, name: string): Schema {
  if (name === '') invalid('An enum name cannot be empty.')
  return updateEnum(schema, id, (e) => ({ ...e, name }))
}

/** Moves an enum to another schema (namespace), where no other enum may have its name. */
export function moveEnumToNamespace(schema: Schema, id: EnumId, namespaceId: NamespaceId): Schema {
  if (!schema.namespaces.some((n) => n.id === namespaceId)) throw new CoreError('missing-object', `No namespace with id ${namespaceId}`)
  return updateEnum(schema, id, (e) => {
    if (e.namespaceId === namespaceId) return e
    if (schema.enums.some((o) => o.id !== id && o.namespaceId === namespaceId && o.name === e.name))
      invalid(`That schema already has an enum named "${e.name}".`)
    return { ...e, namespaceId }
  })
}

export function setEnumComment(schema: Schema, id: EnumId, comment: string | undefined): Schema {
  return updateEnum(schema, id, (e) => withOptional(e, 'comment', comment || undefined))
}

/** Adds a value at `position` (default: last), as `ALTER TYPE ... ADD VALUE ... BEFORE/AFTER`. */
export function addEnumValue(schema: Schema, id: EnumId, value: { id?: EnumValueId; name: string }, position?: number): Schema {
  return updateEnum(schema, id, (e) => {
    const values = e.values.slice()
    values.splice(position ?? values.length, 0, { id: value.id ?? ids().next('enumValue'), name: value.name })
    return { ...e, values }
  })
}

export function renameEnumValue(schema: Schema, id: EnumId, valueId: EnumValueId, name: string): Schema {
  return updateEnum(schema, id, (e) => ({ ...e, values: e.values.map((v) => (v.id === valueId ? { ...v, name } : v)) }))
}

export function removeEnumValue(schema: Schema, id: EnumId, valueId: EnumValueId): Schema {
  return updateEnum(schema, id, (e) => ({ ...e, values: e.values.filter((v) => v.id !== valueId) }))
}

export function moveEnumValue(schema: Schema, id: EnumId, valueId: EnumValueId, toIndex: number): Schema {
  return updateEnum(schema, id, (e) => {
    const values = e.values.slice()
    const from = values.findIndex((v) => v.id === valueId)
    if (from < 0) throw new CoreError('missing-object', `No enum value with id ${valueId}`)
    const [v] = values.splice(from, 1)
    values.splice(Math.max(0, Math.min(toIndex, values.length)), 0, v!)
    return { ...e, values }
  })
}

/** Removes an enum; columns of that type become `text` (their values survive a cast to text). */
export function removeEnum(schema: Schema, id: EnumId): Schema {
  const text: ColumnType = { kind: 'builtin', name: 'text', arrayDims: 0 }
  return {
    ...schema,
    enums: schema.enums.filter((e) => e.id !== id),
    tables: schema.tables.map((t) =>
      t.columns.some((c) => c.type.kind === 'enum' && c.type.enumId === id)
        ? {
            ...t,
            columns: t.columns.map((c) =>
              c.type.kind === 'enum' && c.type.enumId === id ? { ...c, type: { ...text, arrayDims: c.type.arrayDims } } : c,
            ),
          }
        : t,
    ),
  }
}

// ---------------------------------------------------------------- extensions

/** Adds `CREATE EXTENSION IF NOT EXISTS name` to the design (once). */
export function addExtension(schema: Schema, name: string): Schema {
  const n = name.trim()
  if (n === '') invalid('An extension name cannot be empty.')
  if (!/^[A-Za-z_][\w-]*$/.test(n)) invalid(`"${n}" is not an extension name (letters, digits, _ and -).`)
  if (schema.extensions.includes(n)) return schema
  return { ...schema, extensions: [...schema.extensions, n] }
}

export function removeExtension(schema: Schema, name: string): Schema {
  return schema.extensions.includes(name) ? { ...schema, extensions: schema.extensions.filter((e) => e !== name) } : schema
}

// ---------------------------------------------------------------- relationships

export interface NewRelationship {
  id?: ConstraintId
  /** The referencing (child) table. */
  from: TableId
  /** The referenced (parent) table. */
  to: TableId
  /** Existing child columns to use; omitted means "match by name or create them". */
  columns?: readonly ColumnId[]
  /** Referenced columns; omitted means the parent's primary key. */
  targetColumns?: readonly ColumnId[]
  nullable?: boolean
  onDelete?: ForeignKey['onDelete']
  onUpdate?: ForeignKey['onUpdate']
  /** Ids for FK columns this edit creates, in target-column order (for deterministic undo/tests). */
  newColumnIds?: readonly ColumnId[]
}

/**
 * Draws a relationship: a foreign key from `from` to `to`. The FK columns are the given ones, or
 * existing columns named `<parent>_<key>` (e.g. `user_id`), or new columns of that name with the
 * referenced key's types (serial becomes its integer type; identity and defaults are not copied).
 */
export function addRelationship(schema: Schema, input: NewRelationship): Schema {
  const parent = getTable(schema, input.to)
  const targetColumns = input.targetColumns ?? parent.primaryKey?.columns
  if (!targetColumns || targetColumns.length === 0)
    invalid(`"${parent.name}" has no primary key: choose the referenced columns.`)
  let s = schema
  let fkColumns = input.columns
  if (!fkColumns) {
    const child = getTable(s, input.from)
    const prefix = singularize(parent.name)
    const created: ColumnId[] = []
    targetColumns.forEach((targetId, i) => {
      const target = findColumn(parent, targetId)
      if (!target) throw new CoreError('missing-object', `No column with id ${targetId} in ${parent.name}`)
      const name = target.name.startsWith(prefix) ? target.name : `${prefix}_${target.name}`
      const existing = getTable(s, input.from).columns.find((c) => c.name === name)
      if (existing && existing.id !== targetId) {
        created.push(existing.id)
        return
      }
      const id = input.newColumnIds?.[i] ?? ids().next('column')
      let type = target.type
      if (isSerial(type) && type.kind === 'builtin')
        type = { ...type, name: type.name === 'bigserial' ? 'bigint' : type.name === 'smallserial' ? 'smallint' : 'integer' }
      s = addColumn(s, child.id, { id, name: existing ? `${name}_${i + 1}` : name, type, nullable: input.nullable ?? false })
      created.push(id)
    })
    fkColumns = created
  }
  return addForeignKey(s, input.from, {
    kind: 'foreignKey',
    ...(input.id ? { id: input.id } : {}),
    columns: fkColumns,
    target: { tableId: input.to, columns: targetColumns },
    ...(input.onDelete ? { onDelete: input.onDelete } : {}),
    ...(input.onUpdate ? { onUpdate: input.onUpdate } : {}),
  })
}

/** Tables whose foreign keys point at `tableId` (for re-lint and for the canvas). */
export function referencingTables(schema: Schema, tableId: TableId): Table[] {
  return [...new Set((indexSchema(schema).referencedBy.get(tableId) ?? []).map(([t]) => t))]
}

/** Sets or, with undefined, deletes an optional property without leaving `key: undefined` behind. */
function withOptional<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): T {
  if (value === undefined) {
    if (!(key in obj)) return obj
    const copy = { ...obj }
    delete copy[key]
    return copy
  }
  return obj[key] === value ? obj : { ...obj, [key]: value }
}
