/**
 * Model objects to DDL definitions: the mapping shared by the full export and the migration
 * planner, so that a table created by a migration is printed exactly as in a full export.
 */
import { resolveNames, simpleDefaultName } from '../model/names.ts'
import { columnMap, indexSchema } from '../model/queries.ts'
import type { Column, Constraint, Index, Schema, Table } from '../model/schema.ts'
import { formatBaseType, storageTypeName } from '../model/types.ts'
import type { ColumnDef, ConstraintDef, DefaultDef, IndexDef, QualifiedName, TypeRef } from './ddl.ts'

export function tableName(schema: Schema, table: Table): QualifiedName {
  return { namespace: indexSchema(schema).namespaces.get(table.namespaceId)?.name ?? 'public', name: table.name }
}

export function typeRef(schema: Schema, column: Column): TypeRef {
  const t = column.type
  switch (t.kind) {
    case 'builtin':
      return { kind: 'builtin', text: formatBaseType(t), arrayDims: t.arrayDims }
    case 'enum': {
      const e = indexSchema(schema).enums.get(t.enumId)
      const ns = e && indexSchema(schema).namespaces.get(e.namespaceId)
      return { kind: 'named', namespace: ns?.name ?? 'public', name: e?.name ?? '?', arrayDims: t.arrayDims }
    }
    case 'custom':
      return {
        kind: 'named',
        ...(t.schema === undefined ? {} : { namespace: t.schema }),
        name: t.name,
        ...(t.modifiers ? { modifiers: t.modifiers } : {}),
        arrayDims: t.arrayDims,
      }
  }
}

const numericLiteral = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/
const numericTypes = new Set(['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision'])

/** Numbers and booleans print bare (`DEFAULT 0`, `DEFAULT true`); everything else is quoted. */
export function defaultDef(column: Column): DefaultDef | undefined {
  const d = column.default
  if (!d) return undefined
  if (d.kind === 'expression') return { kind: 'expression', sql: d.sql }
  const scalar = column.type.arrayDims === 0
  const base = storageTypeName(column.type)
  const raw =
    scalar &&
    ((numericTypes.has(base) && numericLiteral.test(d.value)) || (base === 'boolean' && /^(true|false)$/.test(d.value)))
  return { kind: 'literal', value: d.value, raw }
}

// Definitions are built as single object literals (absent properties left undefined) rather than
// spread chains: a 1,000-table export builds tens of thousands of them.
export function columnDef(schema: Schema, table: Table, column: Column): ColumnDef {
  return {
    name: column.name,
    type: typeRef(schema, column),
    notNull: !column.nullable,
    default: defaultDef(column),
    identity: column.identity,
    generated: column.generated,
    collation: column.collation,
  }
}

/**
 * The name to print for a constraint or index: the user's name, or the resolved default when
 * PostgreSQL would pick another (a clash); unnamed otherwise, so PostgreSQL names it itself and
 * the DDL reads as people write it.
 */
function printedName(schema: Schema, table: Table, obj: Constraint | Index): string | undefined {
  if (obj.name !== undefined) return obj.name
  const names = resolveNames(schema)
  if (!names.numbered.has(obj.id)) return undefined
  return 'kind' in obj ? names.constraints.get(obj.id) : names.indexes.get(obj.id)
}

export function constraintDef(schema: Schema, table: Table, c: Constraint): ConstraintDef {
  const colNames = (ids: readonly string[], t: Table = table) => {
    const byId = columnMap(t)
    return ids.map((id) => byId.get(id as never)?.name ?? '?')
  }
  const name = printedName(schema, table, c)
  switch (c.kind) {
    case 'primaryKey':
      return { kind: 'primaryKey', name, columns: colNames(c.columns) }
    case 'unique':
      return { kind: 'unique', name, columns: colNames(c.columns), nullsNotDistinct: c.nullsNotDistinct }
    case 'check':
      return { kind: 'check', name: c.name, expression: c.expression, noInherit: c.noInherit }
    case 'foreignKey': {
      const parent = indexSchema(schema).tables.get(c.target.tableId)!
      return {
        kind: 'foreignKey',
        name,
        columns: colNames(c.columns),
        target: tableName(schema, parent),
        targetColumns: colNames(c.target.columns, parent),
        onDelete: c.onDelete,
        onUpdate: c.onUpdate,
        match: c.match,
        deferrable: c.deferrable === 'not deferrable' ? undefined : c.deferrable,
      }
    }
  }
}

export function indexDef(schema: Schema, table: Table, i: Index): IndexDef {
  const byId = columnMap(table)
  return {
    name: printedName(schema, table, i),
    unique: i.unique,
    method: i.method,
    keys: i.keys.map((k) => ({
      column: k.kind === 'column' ? (byId.get(k.columnId)?.name ?? '?') : undefined,
      expression: k.kind === 'expression' ? k.sql : undefined,
      order: k.order,
      nulls: k.nulls,
      opclass: k.opclass,
      collation: k.collation,
    })),
    include: i.include.map((id) => byId.get(id)?.name ?? '?'),
    where: i.where,
    nullsNotDistinct: i.nullsNotDistinct,
  }
}

/** True when a single-column primary key can be written inline (`id uuid PRIMARY KEY`). */
export function canInlinePrimaryKey(schema: Schema, table: Table): boolean {
  const pk = table.primaryKey
  return !!pk && pk.columns.length === 1 && printedName(schema, table, pk) === undefined && simpleDefaultName(table, pk) !== ''
}
