/**
 * `@default(...)` as Prisma Migrate writes it into PostgreSQL (`render_default` in the schema
 * engine): constants become literals, `now()` is `CURRENT_TIMESTAMP`, `dbgenerated("...")` is the
 * SQL as written, lists become `ARRAY[...]::type[]`, and `autoincrement()` makes the column
 * serial. `uuid()`, `cuid()`, `nanoid()` and `ulid()` are filled in by Prisma Client, not by the
 * database: the column gets no default, and the caller is told so.
 */
import type { ColumnDefault } from '../../model/schema.ts'
import { quoteLiteral } from '../../sql/quote.ts'
import type { Attribute, Expr, Position } from './ast.ts'
import type { ScalarType } from './column-types.ts'

export interface DefaultInput {
  readonly attribute: Attribute
  /** The scalar type, or undefined for an enum field. */
  readonly scalar: ScalarType | undefined
  readonly list: boolean
  /** Enum fields: value name to database name (`@map`). */
  readonly enumValues?: ReadonlyMap<string, string>
  /** The column type as SQL, for the cast of a list default: `text[]`. */
  readonly sqlType: string
}

export type DefaultResult =
  | { readonly kind: 'value'; readonly value: ColumnDefault }
  | { readonly kind: 'autoincrement' }
  /** Filled in by Prisma Client (`uuid()`), or left to the database by `dbgenerated()`. */
  | { readonly kind: 'client'; readonly function: string }
  | { readonly kind: 'error'; readonly message: string; readonly at: Position }

const clientFunctions = new Set(['uuid', 'cuid', 'nanoid', 'ulid'])

export function mapDefault(input: DefaultInput): DefaultResult {
  const arg = input.attribute.args.find((a) => a.name === undefined || a.name === 'value')
  const value = arg?.value
  if (!value) return { kind: 'error', message: '@default needs a value, e.g. @default(0).', at: input.attribute.at }
  if (value.kind === 'call') {
    switch (value.name) {
      case 'autoincrement':
        if (input.scalar !== 'Int' && input.scalar !== 'BigInt')
          return { kind: 'error', message: 'autoincrement() only applies to Int and BigInt fields.', at: value.at }
        return { kind: 'autoincrement' }
      case 'now':
        if (input.scalar !== 'DateTime') return { kind: 'error', message: 'now() only applies to DateTime fields.', at: value.at }
        return { kind: 'value', value: { kind: 'expression', sql: 'CURRENT_TIMESTAMP' } }
      case 'dbgenerated': {
        const sql = value.args[0]?.value
        if (!sql) return { kind: 'client', function: 'dbgenerated()' }
        if (sql.kind !== 'string') return { kind: 'error', message: 'dbgenerated() takes the SQL as a string: dbgenerated("gen_random_uuid()").', at: sql.at }
        return { kind: 'value', value: { kind: 'expression', sql: sql.value } }
      }
      case 'sequence':
        return { kind: 'error', message: 'sequence() is a CockroachDB default; PostgreSQL has no equivalent here (use autoincrement()).', at: value.at }
      case 'auto':
        return { kind: 'error', message: 'auto() is a MongoDB default; it has no PostgreSQL equivalent.', at: value.at }
      default:
        if (clientFunctions.has(value.name)) return { kind: 'client', function: `${value.name}()` }
        return { kind: 'error', message: `Unknown default function ${value.name}().`, at: value.at }
    }
  }
  if (input.list) {
    if (value.kind !== 'array') return { kind: 'error', message: 'A list field takes a list default: @default([...]).', at: value.at }
    const items: string[] = []
    for (const item of value.items) {
      const c = constant(item, input)
      if (typeof c !== 'string') return c
      items.push(sqlConstant(c, input.scalar))
    }
    return { kind: 'value', value: { kind: 'expression', sql: `ARRAY[${items.join(', ')}]::${input.sqlType}` } }
  }
  const c = constant(value, input)
  if (typeof c !== 'string') return c
  return { kind: 'value', value: { kind: 'literal', value: c } }
}

/** A constant default as the text of its literal, or an error. */
function constant(e: Expr, input: DefaultInput): string | Extract<DefaultResult, { kind: 'error' }> {
  const bad = (message: string) => ({ kind: 'error' as const, message, at: e.at })
  if (input.scalar === undefined) {
    if (e.kind !== 'path') return bad('An enum default names one of its values: @default(VALUE).')
    const db = input.enumValues?.get(e.name)
    return db ?? bad(`"${e.name}" is not a value of this enum.`)
  }
  switch (input.scalar) {
    case 'Boolean':
      return e.kind === 'path' && (e.name === 'true' || e.name === 'false') ? e.name : bad('A Boolean default is true or false.')
    case 'Int':
    case 'BigInt':
      return e.kind === 'number' && !e.text.includes('.') ? e.text : bad(`An ${input.scalar} default is a whole number.`)
    case 'Float':
    case 'Decimal':
      if (e.kind === 'number') return e.text
      if (e.kind === 'string' && /^-?\d+(\.\d+)?$/.test(e.value)) return e.value
      return bad(`A ${input.scalar} default is a number.`)
    case 'Bytes': {
      if (e.kind !== 'string') return bad('A Bytes default is a base64 string.')
      const hex = base64ToHex(e.value)
      return hex === undefined ? bad(`"${e.value}" is not valid base64.`) : `\\x${hex}`
    }
    case 'String':
    case 'DateTime':
    case 'Json':
      return e.kind === 'string' ? e.value : bad(`A ${input.scalar} default is a string: @default("...").`)
  }
}

/** An element of an `ARRAY[...]` default, as SQL. */
function sqlConstant(text: string, scalar: ScalarType | undefined): string {
  if (scalar === 'Int' || scalar === 'BigInt' || scalar === 'Float' || scalar === 'Decimal' || scalar === 'Boolean') return text
  return quoteLiteral(text)
}

function base64ToHex(b64: string): string | undefined {
  const clean = b64.replace(/=+$/, '')
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) return undefined
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  let bits = 0
  let acc = 0
  let out = ''
  for (const ch of clean) {
    acc = (acc << 6) | alphabet.indexOf(ch)
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out += ((acc >> bits) & 0xff).toString(16).padStart(2, '0')
    }
  }
  return out
}
