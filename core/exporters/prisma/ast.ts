/**
 * The Prisma intermediate: a schema file shaped as Prisma reads it. The mapper fills it with
 * names already made valid; `print.ts` is the only place that turns it into text.
 */

export type PrismaValue =
  | { readonly kind: 'string'; readonly value: string }
  /** A number as written in the schema: `0`, `-1`, `0.25`. */
  | { readonly kind: 'number'; readonly text: string }
  /** A bare word: `true`, `Cascade`, `Desc`, `Gin`, an enum value, a field name. */
  | { readonly kind: 'ident'; readonly name: string }
  /** `now()`, `dbgenerated("...")`, `raw("...")`, `env("...")`, `title(sort: Desc)`. */
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly PrismaArg[] }
  | { readonly kind: 'array'; readonly items: readonly PrismaValue[] }

export interface PrismaArg {
  /** Omitted for positional arguments. */
  readonly name?: string
  readonly value: PrismaValue
}

/** `@id`, `@db.VarChar`, `@@index`: the name includes its `@` or `@@`. */
export interface PrismaAttribute {
  readonly name: string
  readonly args: readonly PrismaArg[]
}

export interface PrismaFieldType {
  /** `String`, a model or enum name, or `Unsupported("...")` printed from `unsupported`. */
  readonly name: string
  readonly unsupported?: string | undefined
  readonly modifier: '' | '?' | '[]'
}

export interface PrismaField {
  readonly name: string
  readonly type: PrismaFieldType
  readonly attributes: readonly PrismaAttribute[]
  readonly docs: readonly string[]
}

export interface PrismaModel {
  readonly name: string
  readonly fields: readonly PrismaField[]
  readonly attributes: readonly PrismaAttribute[]
  readonly docs: readonly string[]
}

export interface PrismaEnumValue {
  readonly name: string
  readonly attributes: readonly PrismaAttribute[]
}

export interface PrismaEnum {
  readonly name: string
  readonly values: readonly PrismaEnumValue[]
  readonly attributes: readonly PrismaAttribute[]
  readonly docs: readonly string[]
}

/** `datasource db { ... }` and `generator client { ... }`. */
export interface PrismaConfigBlock {
  readonly keyword: 'datasource' | 'generator'
  readonly name: string
  readonly entries: ReadonlyArray<readonly [string, PrismaValue]>
}

export interface PrismaSchema {
  readonly config: readonly PrismaConfigBlock[]
  readonly models: readonly PrismaModel[]
  readonly enums: readonly PrismaEnum[]
}

export const str = (value: string): PrismaValue => ({ kind: 'string', value })
export const ident = (name: string): PrismaValue => ({ kind: 'ident', name })
export const num = (text: string): PrismaValue => ({ kind: 'number', text })
export const call = (name: string, ...args: PrismaArg[]): PrismaValue => ({ kind: 'call', name, args })
export const array = (items: readonly PrismaValue[]): PrismaValue => ({ kind: 'array', items })
export const arg = (value: PrismaValue, name?: string): PrismaArg => (name === undefined ? { value } : { name, value })
export const attr = (name: string, ...args: PrismaArg[]): PrismaAttribute => ({ name, args })
