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
  | MigrationStatement

/**
 * What an `ALTER TABLE ... ALTER COLUMN` does. A USING expression is structured where the planner
 * builds it (a cast, an enum label mapping) so that names still go through the printer's quoting;
 * only an expression the user typed is carried as SQL.
 */
export type UsingExpr =
  | { readonly kind: 'sql'; readonly sql: string }
  | { readonly kind: 'cast'; readonly column: string; readonly via: readonly TypeRef[]; readonly to: TypeRef }
  | {
      readonly kind: 'enumMap'
      readonly column: string
      /** Old label to new label, for labels renamed or replaced; others keep their text. */
      readonly map: ReadonlyArray<readonly [string, string]>
      readonly to: TypeRef
    }

export type ColumnAlteration =
  | { readonly kind: 'type'; readonly type: TypeRef; readonly collation?: string; readonly using?: UsingExpr }
  | { readonly kind: 'setDefault'; readonly default: DefaultDef }
  | { readonly kind: 'dropDefault' }
  | { readonly kind: 'setNotNull' }
  | { readonly kind: 'dropNotNull' }
  | { readonly kind: 'addIdentity'; readonly identity: 'always' | 'by-default' }
  | { readonly kind: 'setIdentity'; readonly identity: 'always' | 'by-default' }
  | { readonly kind: 'dropIdentity' }
  | { readonly kind: 'setExpression'; readonly sql: string }
  | { readonly kind: 'dropExpression' }

/** A value written into existing rows: an expression the user gave, or the column's default. */
export type BackfillValue = { readonly kind: 'sql'; readonly sql: string } | { readonly kind: 'default' }

/**
 * Statements only migrations need. They extend the same union, so that one printer turns both the
 * full export and a migration into text.
 */
export type MigrationStatement =
  | { readonly kind: 'dropSchema'; readonly name: string }
  | { readonly kind: 'renameSchema'; readonly name: string; readonly to: string }
  | { readonly kind: 'dropExtension'; readonly name: string }
  | { readonly kind: 'dropEnum'; readonly name: QualifiedName }
  | { readonly kind: 'renameEnum'; readonly name: QualifiedName; readonly to: string }
  | { readonly kind: 'setEnumSchema'; readonly name: QualifiedName; readonly to: string }
  /** `ALTER TYPE ... ADD VALUE`, placed BEFORE or AFTER an existing label (appended when neither). */
  | { readonly kind: 'addEnumValue'; readonly name: QualifiedName; readonly value: string; readonly before?: string; readonly after?: string }
  | { readonly kind: 'renameEnumValue'; readonly name: QualifiedName; readonly from: string; readonly to: string }
  | { readonly kind: 'dropTable'; readonly name: QualifiedName }
  | { readonly kind: 'renameTable'; readonly name: QualifiedName; readonly to: string }
  | { readonly kind: 'setTableSchema'; readonly name: QualifiedName; readonly to: string }
  | { readonly kind: 'setTablePersistence'; readonly name: QualifiedName; readonly unlogged: boolean }
  | { readonly kind: 'addColumn'; readonly table: QualifiedName; readonly column: ColumnDef }
  | { readonly kind: 'dropColumn'; readonly table: QualifiedName; readonly column: string }
  | { readonly kind: 'renameColumn'; readonly table: QualifiedName; readonly from: string; readonly to: string }
  | { readonly kind: 'alterColumn'; readonly table: QualifiedName; readonly column: string; readonly change: ColumnAlteration }
  | { readonly kind: 'dropConstraint'; readonly table: QualifiedName; readonly name: string }
  | { readonly kind: 'renameConstraint'; readonly table: QualifiedName; readonly from: string; readonly to: string }
  | { readonly kind: 'validateConstraint'; readonly table: QualifiedName; readonly name: string }
  /** `ALTER CONSTRAINT ... [NOT] DEFERRABLE`: a foreign key's timing changes without re-validation. */
  | { readonly kind: 'alterConstraintDeferrable'; readonly table: QualifiedName; readonly name: string; readonly deferrable: Deferrable }
  /** `ADD CONSTRAINT name UNIQUE | PRIMARY KEY USING INDEX index`: the index becomes the constraint's. */
  | {
      readonly kind: 'addConstraintUsingIndex'
      readonly table: QualifiedName
      readonly name: string
      readonly constraint: 'primaryKey' | 'unique'
      readonly index: string
    }
  | { readonly kind: 'dropIndex'; readonly name: QualifiedName; readonly concurrently?: boolean; readonly ifExists?: boolean }
  | { readonly kind: 'renameIndex'; readonly name: QualifiedName; readonly to: string }
  /**
   * Fills `column` where it is NULL. With `batchSize`, a DO block updates that many rows per
   * transaction (it must then run outside a transaction); without, one UPDATE.
   */
  | { readonly kind: 'backfill'; readonly table: QualifiedName; readonly column: string; readonly value: BackfillValue; readonly batchSize?: number }
  /** Moves an identity column's sequence past the largest value already in the column. */
  | { readonly kind: 'resetIdentity'; readonly table: QualifiedName; readonly column: string }
  | { readonly kind: 'setParameter'; readonly name: 'lock_timeout' | 'statement_timeout'; readonly value: string }
  | { readonly kind: 'transaction'; readonly action: 'begin' | 'commit' }
  /** A `--` comment line (hazards, notes); line breaks in the text are folded. */
  | { readonly kind: 'note'; readonly text: string }
