/**
 * The DDL intermediate: SQL-shaped statements with every name already resolved. The full export is
 * the migration from an empty schema, so the PostgreSQL exporter and the migration planner both
 * produce this list and `printPostgres` is the only place that turns it into text.
 *
 * Names here are raw (unquoted); the printer quotes. SQL fragments (`sql` fields) are user
 * expressions already checked by `checkSqlFragment`.
 */
import type { Deferrable, FkAction, IndexMethod, PartitionBy } from '../model/schema.ts'

export interface QualifiedName {
  readonly namespace: string
  readonly name: string
}

/** A column type ready to print: builtin spelled canonically, user types qualified. */
export type TypeRef =
  | { readonly kind: 'builtin'; readonly text: string; readonly arrayDims: number }
  | { readonly kind: 'named'; readonly namespace?: string; readonly name: string; readonly modifiers?: readonly string[]; readonly arrayDims: number }

export type DefaultDef = { readonly kind: 'literal'; readonly value: string; readonly raw: boolean } | { readonly kind: 'expression'; readonly sql: string }

export interface ColumnDef {
  readonly name: string
  readonly type: TypeRef
  readonly notNull: boolean
  readonly default?: DefaultDef
  readonly identity?: 'always' | 'by-default'
  readonly generated?: string
  readonly collation?: string
  /** Printed inline (`id uuid PRIMARY KEY`) when the key is a single unnamed column. */
  readonly inlinePrimaryKey?: boolean
}

export type ConstraintDef =
  | { readonly kind: 'primaryKey'; readonly name?: string; readonly columns: readonly string[] }
  | { readonly kind: 'unique'; readonly name?: string; readonly columns: readonly string[]; readonly nullsNotDistinct?: boolean }
  | { readonly kind: 'check'; readonly name: string; readonly expression: string; readonly noInherit?: boolean }
  | {
      readonly kind: 'foreignKey'
      readonly name?: string
      readonly columns: readonly string[]
      readonly target: QualifiedName
      readonly targetColumns: readonly string[]
      readonly onDelete?: FkAction
      readonly onUpdate?: FkAction
      readonly match?: 'full'
      readonly deferrable?: Deferrable
    }

export interface IndexKeyDef {
  /** A column name, or an expression when `expression` is set. */
  readonly column?: string
  readonly expression?: string
  readonly order?: 'desc'
  readonly nulls?: 'first' | 'last'
  readonly opclass?: string
  readonly collation?: string
}

export interface IndexDef {
  readonly name?: string
  readonly unique: boolean
  readonly method: IndexMethod
  readonly keys: readonly IndexKeyDef[]
  readonly include: readonly string[]
  readonly where?: string
  readonly nullsNotDistinct?: boolean
}

export type CommentTarget =
  | { readonly kind: 'schema'; readonly name: string }
  | { readonly kind: 'type'; readonly name: QualifiedName }
  | { readonly kind: 'table'; readonly name: QualifiedName }
  | { readonly kind: 'column'; readonly table: QualifiedName; readonly column: string }
  | { readonly kind: 'constraint'; readonly table: QualifiedName; readonly constraint: string }
  | { readonly kind: 'index'; readonly name: QualifiedName }

export type DdlStatement =
  | { readonly kind: 'createSchema'; readonly name: string; readonly ifNotExists?: boolean }
  | { readonly kind: 'createExtension'; readonly name: string }
  | { readonly kind: 'createEnum'; readonly name: QualifiedName; readonly values: readonly string[] }
  | {
      readonly kind: 'createTable'
      readonly name: QualifiedName
      readonly columns: readonly ColumnDef[]
      readonly constraints: readonly ConstraintDef[]
      readonly partitionBy?: PartitionBy
      readonly unlogged?: boolean
    }
  | { readonly kind: 'addConstraint'; readonly table: QualifiedName; readonly constraint: ConstraintDef; readonly notValid?: boolean }
  | { readonly kind: 'createIndex'; readonly table: QualifiedName; readonly index: IndexDef; readonly concurrently?: boolean }
  | { readonly kind: 'comment'; readonly target: CommentTarget; readonly text: string | null }
