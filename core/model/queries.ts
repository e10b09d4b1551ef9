/**
 * Read-only lookups over a schema. `find*` returns undefined, `get*` throws a CoreError when the
 * object is missing (a programmer error: ids come from the model itself).
 */
import { CoreError } from '../errors.ts'
import type { ColumnId, ConstraintId, EnumId, IndexId, NamespaceId, TableId } from './ids.ts'
import type { Column, Constraint, EnumType, Index, Namespace, Schema, Table } from './schema.ts'

export function findNamespace(schema: Schema, id: NamespaceId): Namespace | undefined {
  return schema.namespaces.find((n) => n.id === id)
}

export function getNamespace(schema: Schema, id: NamespaceId): Namespace {
  const ns = findNamespace(schema, id)
  if (!ns) throw new CoreError('missing-object', `No namespace with id ${id}`)
  return ns
}

export function findNamespaceByName(schema: Schema, name: string): Namespace | undefined {
  return schema.namespaces.find((n) => n.name === name)
}

export function findTable(schema: Schema, id: TableId): Table | undefined {
  return schema.tables.find((t) => t.id === id)
}

export function getTable(schema: Schema, id: TableId): Table {
  const t = findTable(schema, id)
  if (!t) throw new CoreError('missing-object', `No table with id ${id}`)
  return t
}

/** Finds a table by `name` or `namespace.name` (unqualified names look in `public` first). */
export function findTableByName(schema: Schema, qualified: string): Table | undefined {
  const dot = qualified.indexOf('.')
  if (dot >= 0) {
    const ns = findNamespaceByName(schema, qualified.slice(0, dot))
    const name = qualified.slice(dot + 1)
    return ns && schema.tables.find((t) => t.namespaceId === ns.id && t.name === name)
  }
  const pub = findNamespaceByName(schema, 'public')
  return (
    schema.tables.find((t) => t.name === qualified && t.namespaceId === pub?.id) ??
    schema.tables.find((t) => t.name === qualified)
  )
}

export function findColumn(table: Table, id: ColumnId): Column | undefined {
  return table.columns.find((c) => c.id === id)
}

export function getColumn(table: Table, id: ColumnId): Column {
  const c = findColumn(table, id)
  if (!c) throw new CoreError('missing-object', `No column with id ${id} in table ${table.name}`)
  return c
}

const columnMaps = new WeakMap<Table, ReadonlyMap<ColumnId, Column>>()

/** The columns of a table by id, built once per table object (tables are immutable). */
export function columnMap(table: Table): ReadonlyMap<ColumnId, Column> {
  let m = columnMaps.get(table)
  if (!m) columnMaps.set(table, (m = new Map(table.columns.map((c) => [c.id, c]))))
  return m
}

export function findColumnByName(table: Table, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name)
}

export function findEnum(schema: Schema, id: EnumId): EnumType | undefined {
  return schema.enums.find((e) => e.id === id)
}

export function getEnum(schema: Schema, id: EnumId): EnumType {
  const e = findEnum(schema, id)
  if (!e) throw new CoreError('missing-object', `No enum with id ${id}`)
  return e
}

/** All constraints of a table in a stable order: primary key, uniques, checks, foreign keys. */
export function constraintsOf(table: Table): Constraint[] {
  return [
    ...(table.primaryKey ? [table.primaryKey] : []),
    ...table.uniques,
    ...table.checks,
    ...table.foreignKeys,
  ]
}

export function findConstraint(table: Table, id: ConstraintId): Constraint | undefined {
  return constraintsOf(table).find((c) => c.id === id)
}

export function findIndex(table: Table, id: IndexId): Index | undefined {
  return table.indexes.find((i) => i.id === id)
}

/** `public.orders` style name, as the CLI and lint output show it. */
export function qualifiedTableName(schema: Schema, table: Table): string {
  return `${findNamespace(schema, table.namespaceId)?.name ?? '?'}.${table.name}`
}

/** The name a user reads: `orders` in public, `billing.invoices` elsewhere. */
export function displayTableName(schema: Schema, table: Table): string {
  const ns = findNamespace(schema, table.namespaceId)?.name
  return ns === undefined || ns === 'public' ? table.name : `${ns}.${table.name}`
}

/**
 * An index of the schema by id, built once per schema version. Lookups by id in a loop over a
 * 1,000-table design must not be linear scans.
 */
export interface SchemaIndex {
  readonly tables: ReadonlyMap<TableId, Table>
  readonly namespaces: ReadonlyMap<NamespaceId, Namespace>
  readonly enums: ReadonlyMap<EnumId, EnumType>
  /** Foreign keys pointing at each table, as [referencing table, fk]. */
  readonly referencedBy: ReadonlyMap<TableId, ReadonlyArray<readonly [Table, Constraint & { kind: 'foreignKey' }]>>
}

const indexCache = new WeakMap<Schema, SchemaIndex>()

export function indexSchema(schema: Schema): SchemaIndex {
  const cached = indexCache.get(schema)
  if (cached) return cached
  const tables = new Map(schema.tables.map((t) => [t.id, t]))
  const referencedBy = new Map<TableId, Array<readonly [Table, Constraint & { kind: 'foreignKey' }]>>()
  for (const t of schema.tables) {
    for (const fk of t.foreignKeys) {
      let list = referencedBy.get(fk.target.tableId)
      if (!list) referencedBy.set(fk.target.tableId, (list = []))
      list.push([t, fk])
    }
  }
  const result: SchemaIndex = {
    tables,
    namespaces: new Map(schema.namespaces.map((n) => [n.id, n])),
    enums: new Map(schema.enums.map((e) => [e.id, e])),
    referencedBy,
  }
  indexCache.set(schema, result)
  return result
}
