/**
 * The syntax tree of a Prisma schema, with a position on everything a message may point at.
 * It says what was written; what it means for PostgreSQL is decided in `build.ts`.
 */

export interface Position {
  readonly line: number
  readonly column: number
}

export type Expr =
  | { readonly kind: 'string'; readonly value: string; readonly at: Position }
  | { readonly kind: 'number'; readonly text: string; readonly at: Position }
  /** A bare name or dotted path: `Cascade`, `true`, `Desc`, `db.VarChar`. */
  | { readonly kind: 'path'; readonly name: string; readonly at: Position }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Arg[]; readonly at: Position }
  | { readonly kind: 'array'; readonly items: readonly Expr[]; readonly at: Position }
  /** `{ field: value }`: the object form of a partial index's `where:`. */
  | { readonly kind: 'object'; readonly entries: readonly { readonly key: string; readonly value: Expr }[]; readonly at: Position }

export interface Arg {
  /** Absent for a positional argument. */
  readonly name?: string
  /** Absent for an empty named argument (`map:`), which Prisma's parser accepts. */
  readonly value?: Expr
  readonly at: Position
}

export interface Attribute {
  /** Without the `@`/`@@`: `id`, `default`, `db.VarChar`. */
  readonly name: string
  readonly args: readonly Arg[]
  readonly at: Position
}

export interface FieldType {
  readonly name: string
  /** `Unsupported("tsvector")`: the database type as written. */
  readonly unsupported?: string
  readonly optional: boolean
  readonly list: boolean
  readonly at: Position
}

export interface Field {
  readonly name: string
  readonly type: FieldType
  readonly attributes: readonly Attribute[]
  readonly doc?: string
  readonly at: Position
}

export interface ModelBlock {
  readonly kind: 'model' | 'view' | 'type'
  readonly name: string
  readonly fields: readonly Field[]
  readonly attributes: readonly Attribute[]
  readonly doc?: string
  readonly at: Position
}

export interface EnumValue {
  readonly name: string
  readonly attributes: readonly Attribute[]
  readonly doc?: string
  readonly at: Position
}

export interface EnumBlock {
  readonly kind: 'enum'
  readonly name: string
  readonly values: readonly EnumValue[]
  readonly attributes: readonly Attribute[]
  readonly doc?: string
  readonly at: Position
}

export interface ConfigProperty {
  readonly key: string
  readonly value?: Expr
  readonly at: Position
}

export interface ConfigBlock {
  readonly kind: 'datasource' | 'generator'
  readonly name: string
  readonly properties: readonly ConfigProperty[]
  readonly at: Position
}

export type Block = ModelBlock | EnumBlock | ConfigBlock

export interface SyntaxProblem {
  readonly message: string
  readonly at: Position
}

export interface PrismaAst {
  readonly blocks: readonly Block[]
  readonly problems: readonly SyntaxProblem[]
}
