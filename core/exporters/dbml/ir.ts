/**
 * DBML as data: the shape of what `dbml/print.ts` writes, filled by `dbml/map.ts`. Names are the
 * real names (the printer quotes them); `schema` is left out for `public`, as DBML does.
 */

export interface DbmlProject {
  readonly name: string
  readonly enums: readonly DbmlEnum[]
  readonly tables: readonly DbmlTable[]
  readonly refs: readonly DbmlRef[]
  readonly groups: readonly DbmlGroup[]
}

export interface DbmlName {
  readonly schema?: string
  readonly name: string
}

export interface DbmlEnum {
  readonly name: DbmlName
  readonly values: readonly string[]
}

export interface DbmlTable {
  readonly name: DbmlName
  readonly columns: readonly DbmlColumn[]
  readonly indexes: readonly DbmlIndex[]
  readonly checks: readonly DbmlCheck[]
  readonly note?: string
}

export interface DbmlColumn {
  readonly name: string
  /** `name` carries modifiers and array brackets as PostgreSQL writes them: `numeric(10,2)`, `text[]`. */
  readonly type: DbmlName
  readonly pk?: boolean
  readonly notNull?: boolean
  readonly unique?: boolean
  readonly increment?: boolean
  readonly default?: DbmlValue
  readonly note?: string
}

export type DbmlValue =
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'expression'; readonly sql: string }

export interface DbmlIndex {
  readonly keys: readonly DbmlIndexKey[]
  readonly pk?: boolean
  readonly unique?: boolean
  readonly name?: string
  /** The access method when it is not btree: `hash`, `gin`, `gist`, `brin`, `spgist`. */
  readonly type?: string
  readonly note?: string
}

export type DbmlIndexKey = { readonly kind: 'column'; readonly name: string } | { readonly kind: 'expression'; readonly sql: string }

export interface DbmlCheck {
  readonly expression: string
  readonly name: string
}

export interface DbmlEndpoint {
  readonly table: DbmlName
  readonly columns: readonly string[]
}

/**
 * `>`: `from` (the foreign-key side) is many, `to` is one. `-`: one to one, and DBML reads the
 * second endpoint as the side holding the foreign key, so `from` is the referenced table.
 */
export interface DbmlRef {
  readonly name?: string
  readonly from: DbmlEndpoint
  readonly op: '>' | '-'
  readonly to: DbmlEndpoint
  readonly onDelete?: string
  readonly onUpdate?: string
}

export interface DbmlGroup {
  readonly name: string
  readonly tables: readonly DbmlName[]
  readonly color?: string
  readonly note?: string
}
