/**
 * The schema model: the single source of truth that every importer writes, every rule reads and
 * every exporter prints. PostgreSQL first: each field says something PostgreSQL can hold, and what
 * it cannot (positions, colours) lives in the document's layout instead.
 *
 * All objects are plain immutable data. References between objects go through ids, never names,
 * so a rename touches exactly one field.
 */
import type {
  ColumnId,
  ConstraintId,
  EnumId,
  EnumValueId,
  IndexId,
  NamespaceId,
  TableId,
} from './ids.ts'

export interface Schema {
  readonly namespaces: readonly Namespace[]
  readonly enums: readonly EnumType[]
  readonly tables: readonly Table[]
  /** Extensions the design relies on (`CREATE EXTENSION IF NOT EXISTS`), e.g. `citext`. */
  readonly extensions: readonly string[]
}

/** A PostgreSQL schema (namespace). Called a namespace here so that "schema" means the design. */
export interface Namespace {
  readonly id: NamespaceId
  readonly name: string
  readonly comment?: string
}

export interface EnumType {
  readonly id: EnumId
  readonly namespaceId: NamespaceId
  readonly name: string
  /** Ordered: PostgreSQL sorts enum values by declaration order. */
  readonly values: readonly EnumValue[]
  readonly comment?: string
}

export interface EnumValue {
  readonly id: EnumValueId
  readonly name: string
}

export interface Table {
  readonly id: TableId
  readonly namespaceId: NamespaceId
  readonly name: string
  readonly comment?: string
  readonly columns: readonly Column[]
  readonly primaryKey?: PrimaryKey
  readonly uniques: readonly UniqueConstraint[]
  readonly checks: readonly CheckConstraint[]
  readonly foreignKeys: readonly ForeignKey[]
  readonly indexes: readonly Index[]
  readonly partitionBy?: PartitionBy
  readonly unlogged?: boolean
}

export interface PartitionBy {
  readonly strategy: 'range' | 'list' | 'hash'
  /** The key list as SQL, without the outer parentheses: `created_at` or `lower(region), id`. */
  readonly key: string
}

export interface Column {
  readonly id: ColumnId
  readonly name: string
  readonly type: ColumnType
  readonly nullable: boolean
  readonly default?: ColumnDefault
  readonly identity?: 'always' | 'by-default'
  /** `GENERATED ALWAYS AS (expression) STORED`: the expression as SQL. */
  readonly generated?: string
  readonly collation?: string
  readonly comment?: string
}

/**
 * A column type, parsed. `builtin` covers PostgreSQL's own types under one canonical name
 * (`integer`, not `int4`); `enum` points at an enum of this design by id so renaming the enum
 * follows; `custom` is anything else (extension types like `citext`, domains, `vector(3)`).
 */
export type ColumnType = BuiltinType | EnumColumnType | CustomType

export interface BuiltinType {
  readonly kind: 'builtin'
  readonly name: BuiltinTypeName
  /** varchar(n), char(n), bit(n), varbit(n). */
  readonly length?: number
  /** numeric(p, s) precision; fractional-second precision of time, timestamp and interval. */
  readonly precision?: number
  readonly scale?: number
  /** interval fields, e.g. `day to second`. */
  readonly fields?: string
  readonly arrayDims: number
}

export interface EnumColumnType {
  readonly kind: 'enum'
  readonly enumId: EnumId
  readonly arrayDims: number
}

export interface CustomType {
  readonly kind: 'custom'
  readonly schema?: string
  readonly name: string
  /** Type modifiers as written, e.g. `['1536']` for `vector(1536)`. */
  readonly modifiers?: readonly string[]
  readonly arrayDims: number
}

export const builtinTypeNames = [
  'smallint',
  'integer',
  'bigint',
  'smallserial',
  'serial',
  'bigserial',
  'numeric',
  'real',
  'double precision',
  'money',
  'text',
  'varchar',
  'char',
  'bytea',
  'boolean',
  'date',
  'time',
  'timetz',
  'timestamp',
  'timestamptz',
  'interval',
  'uuid',
  'json',
  'jsonb',
  'xml',
  'inet',
  'cidr',
  'macaddr',
  'macaddr8',
  'bit',
  'varbit',
  'tsvector',
  'tsquery',
  'point',
  'line',
  'lseg',
  'box',
  'path',
  'polygon',
  'circle',
  'int4range',
  'int8range',
  'numrange',
  'tsrange',
  'tstzrange',
  'daterange',
  'int4multirange',
  'int8multirange',
  'nummultirange',
  'tsmultirange',
  'tstzmultirange',
  'datemultirange',
  'oid',
  'regclass',
  'pg_lsn',
  'name',
] as const
export type BuiltinTypeName = (typeof builtinTypeNames)[number]

/**
 * A default is either a constant (printed as a quoted literal, e.g. `'active'`, `0`, `true`) or an
 * SQL expression printed as is (`now()`, `gen_random_uuid()`). Keeping them apart lets exporters
 * map constants to every target and report expressions a target cannot take.
 */
export type ColumnDefault =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'expression'; readonly sql: string }

export type FkAction = 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default'
export type Deferrable = 'not deferrable' | 'initially immediate' | 'initially deferred'

/**
 * Constraint names are optional where PostgreSQL generates one (`orders_pkey`,
 * `orders_user_id_fkey`): an unnamed constraint follows PostgreSQL's naming as the table is
 * renamed, see `names.ts`. Check constraints are always named.
 */
export interface PrimaryKey {
  readonly kind: 'primaryKey'
  readonly id: ConstraintId
  readonly name?: string
  readonly columns: readonly ColumnId[]
  readonly comment?: string
}

export interface UniqueConstraint {
  readonly kind: 'unique'
  readonly id: ConstraintId
  readonly name?: string
  readonly columns: readonly ColumnId[]
  readonly nullsNotDistinct?: boolean
  readonly comment?: string
}

export interface CheckConstraint {
  readonly kind: 'check'
  readonly id: ConstraintId
  readonly name: string
  /** The boolean expression as SQL, without the `CHECK (...)` wrapper. */
  readonly expression: string
  readonly noInherit?: boolean
  readonly comment?: string
}

/**
 * A relationship *is* a foreign key: ordered column pairs (`columns[i]` references
 * `target.columns[i]`). Cardinality is derived, never stored (see `relationships.ts`).
 */
export interface ForeignKey {
  readonly kind: 'foreignKey'
  readonly id: ConstraintId
  readonly name?: string
  readonly columns: readonly ColumnId[]
  readonly target: { readonly tableId: TableId; readonly columns: readonly ColumnId[] }
  /** Undefined means the user did not say (PostgreSQL then uses NO ACTION). */
  readonly onDelete?: FkAction
  readonly onUpdate?: FkAction
  readonly match?: 'full'
  readonly deferrable?: Deferrable
  readonly comment?: string
}

export type Constraint = PrimaryKey | UniqueConstraint | CheckConstraint | ForeignKey

export const indexMethods = ['btree', 'hash', 'gin', 'gist', 'brin', 'spgist'] as const
export type IndexMethod = (typeof indexMethods)[number]

export interface Index {
  readonly id: IndexId
  readonly name?: string
  readonly unique: boolean
  readonly method: IndexMethod
  readonly keys: readonly IndexKey[]
  /** Covering columns (`INCLUDE (...)`). */
  readonly include: readonly ColumnId[]
  /** Partial index predicate as SQL. */
  readonly where?: string
  readonly nullsNotDistinct?: boolean
  readonly comment?: string
}

interface IndexKeyOptions {
  /** Omitted means ascending. */
  readonly order?: 'desc'
  /** Omitted means PostgreSQL's default: NULLS LAST for ascending, NULLS FIRST for descending. */
  readonly nulls?: 'first' | 'last'
  readonly opclass?: string
  readonly collation?: string
}
export type IndexKey =
  | ({ readonly kind: 'column'; readonly columnId: ColumnId } & IndexKeyOptions)
  | ({ readonly kind: 'expression'; readonly sql: string } & IndexKeyOptions)

export const emptySchema: Schema = Object.freeze({
  namespaces: Object.freeze([]),
  enums: Object.freeze([]),
  tables: Object.freeze([]),
  extensions: Object.freeze([]),
})
