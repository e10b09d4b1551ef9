/**
 * Column types: parsing what people write (`int4`, `character varying(255)`,
 * `timestamp(3) with time zone`, `text[]`) into the structured ColumnType, and printing it back in
 * the canonical form PostgreSQL users read (`varchar(255)`, `timestamptz(3)`, `text[]`).
 */
import type { EnumId } from './ids.ts'
import type { BuiltinType, BuiltinTypeName, ColumnType, CustomType } from './schema.ts'
import { builtinTypeNames } from './schema.ts'

const aliases: Record<string, BuiltinTypeName> = {
  int: 'integer',
  int4: 'integer',
  int2: 'smallint',
  int8: 'bigint',
  serial4: 'serial',
  serial2: 'smallserial',
  serial8: 'bigserial',
  decimal: 'numeric',
  float4: 'real',
  float8: 'double precision',
  float: 'double precision',
  bool: 'boolean',
  'character varying': 'varchar',
  character: 'char',
  bpchar: 'char',
  'bit varying': 'varbit',
  'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamptz',
  'time without time zone': 'time',
  'time with time zone': 'timetz',
}

const builtinSet: ReadonlySet<string> = new Set(builtinTypeNames)

export type TypeParseResult = { ok: true; type: ColumnType } | { ok: false; message: string }

export interface TypeParseOptions {
  /** Resolves a user-defined type name to an enum of the design, if there is one. */
  resolveEnum?: (name: string, schema: string | undefined) => EnumId | undefined
}

/**
 * Parses a type as written in DDL or typed in the inspector. Unknown names become `custom`
 * types (extensions, domains): a designer must be able to use types we do not know.
 */
export function parseColumnType(text: string, options: TypeParseOptions = {}): TypeParseResult {
  let rest = text.trim()
  if (rest === '') return { ok: false, message: 'The type is empty.' }
  let arrayDims = 0
  // `int[]`, `int[3][]`, and the SQL-standard `int ARRAY` / `int ARRAY[4]`.
  for (;;) {
    const m = /\s*\[\s*\d*\s*\]$/.exec(rest) ?? /\s+array(\s*\[\s*\d*\s*\])?$/i.exec(rest)
    if (!m) break
    arrayDims++
    rest = rest.slice(0, m.index).trimEnd()
  }
  let modifiers: string[] | undefined
  let withTz: boolean | undefined
  // A modifier list may sit before "with time zone": timestamp(3) with time zone.
  const tz = /\s+(with|without)\s+time\s+zone$/i.exec(rest)
  if (tz) {
    withTz = tz[1]!.toLowerCase() === 'with'
    rest = rest.slice(0, tz.index).trimEnd()
  }
  const mods = /^(.*?)\s*\(([^()]*)\)$/s.exec(rest)
  if (mods && !/^".*"$/s.test(rest)) {
    rest = mods[1]!.trim()
    modifiers = mods[2]!.split(',').map((s) => s.trim())
    if (modifiers.some((m) => m === '')) return { ok: false, message: `Bad type modifiers in "${text}".` }
  }
  const intervalFields = /^interval\s+(.+)$/i.exec(rest)
  let fields: string | undefined
  if (intervalFields) {
    fields = intervalFields[1]!.toLowerCase().replace(/\s+/g, ' ')
    if (!/^(year|month|day|hour|minute|second)( to (month|hour|minute|second))?$/.test(fields))
      return { ok: false, message: `Unknown interval fields "${intervalFields[1]}".` }
    rest = 'interval'
  }
  const quoted = /^(?:("(?:[^"]|"")+"|[^".\s]+)\.)?("(?:[^"]|"")+"|[^"]+)$/s.exec(rest)
  if (!quoted) return { ok: false, message: `Cannot read the type "${text}".` }
  const schemaPart = quoted[1] === undefined ? undefined : unquote(quoted[1])
  const namePart = quoted[2]!
  const isQuoted = namePart.startsWith('"')
  // Unquoted, these characters can only be a typo (`varchar(25`), never part of a type's name.
  const stray = isQuoted ? undefined : /[()[\],;']/.exec(namePart)
  if (stray) {
    const t = text.trim()
    const message = stray[0] === '(' || stray[0] === ')' ? `The parentheses of "${t}" do not match.` : `"${stray[0]}" cannot appear in the type "${t}".`
    return { ok: false, message }
  }
  const name = isQuoted ? unquote(namePart) : namePart.toLowerCase().replace(/\s+/g, ' ')
  if (!isQuoted && schemaPart === undefined) {
    let builtin: BuiltinTypeName | undefined = builtinSet.has(name)
      ? (name as BuiltinTypeName)
      : aliases[name]
    if (builtin === 'timestamp' && withTz) builtin = 'timestamptz'
    if (builtin === 'time' && withTz) builtin = 'timetz'
    if (name === 'float' && modifiers) {
      // float(p): p <= 24 is real, otherwise double precision.
      const p = Number(modifiers[0])
      builtin = p <= 24 ? 'real' : 'double precision'
      modifiers = undefined
    }
    if (builtin && withTz !== undefined && !['time', 'timetz', 'timestamp', 'timestamptz'].includes(builtin))
      return { ok: false, message: `"time zone" only applies to time and timestamp: "${text}".` }
    if (builtin) return buildBuiltin(builtin, modifiers, fields, arrayDims, text)
  }
  if (withTz !== undefined) return { ok: false, message: `"time zone" only applies to time and timestamp: "${text}".` }
  const enumId = options.resolveEnum?.(name, schemaPart)
  if (enumId) {
    if (modifiers) return { ok: false, message: `Enum types take no modifiers: "${text}".` }
    return { ok: true, type: { kind: 'enum', enumId, arrayDims } }
  }
  const custom: CustomType = {
    kind: 'custom',
    name,
    arrayDims,
    ...(schemaPart === undefined ? {} : { schema: schemaPart }),
    ...(modifiers ? { modifiers } : {}),
  }
  return { ok: true, type: custom }
}

function buildBuiltin(
  name: BuiltinTypeName,
  modifiers: string[] | undefined,
  fields: string | undefined,
  arrayDims: number,
  text: string,
): TypeParseResult {
  const nums = (modifiers ?? []).map(Number)
  if (nums.some((n) => !Number.isInteger(n))) return { ok: false, message: `Type modifiers must be whole numbers: "${text}".` }
  const t: { -readonly [K in keyof BuiltinType]: BuiltinType[K] } = { kind: 'builtin', name, arrayDims }
  const [a, b] = nums
  switch (name) {
    case 'varchar':
    case 'char':
    case 'bit':
    case 'varbit':
      if (nums.length > 1) return { ok: false, message: `${name} takes one length: "${text}".` }
      if (a !== undefined) {
        if (a < 1 || a > 10485760) return { ok: false, message: `Length ${a} is out of range (1 to 10485760).` }
        t.length = a
      }
      break
    case 'numeric':
      if (nums.length > 2) return { ok: false, message: `numeric takes a precision and a scale: "${text}".` }
      if (a !== undefined) {
        if (a < 1 || a > 1000) return { ok: false, message: `numeric precision ${a} is out of range (1 to 1000).` }
        t.precision = a
      }
      if (b !== undefined) {
        if (b < -1000 || b > 1000) return { ok: false, message: `numeric scale ${b} is out of range (-1000 to 1000).` }
        t.scale = b
      }
      break
    case 'time':
    case 'timetz':
    case 'timestamp':
    case 'timestamptz':
    case 'interval':
      if (nums.length > 1) return { ok: false, message: `${name} takes one precision: "${text}".` }
      if (a !== undefined) {
        if (a < 0 || a > 6) return { ok: false, message: `Fractional-second precision ${a} is out of range (0 to 6).` }
        t.precision = a
      }
      if (fields) t.fields = fields
      break
    default:
      if (nums.length > 0) return { ok: false, message: `${name} takes no modifiers: "${text}".` }
  }
  return { ok: true, type: t }
}

function unquote(s: string): string {
  return s.startsWith('"') ? s.slice(1, -1).replaceAll('""', '"') : s.toLowerCase()
}

export interface TypeFormatOptions {
  /** Names enum types; without it an enum prints as `enum`. */
  enumName?: (id: EnumId) => string
  /** Quotes user-defined names (defaults to leaving them raw, for display). */
  quote?: (namespace: string | undefined, name: string) => string
}

/** Prints a type canonically: `varchar(255)`, `numeric(10,2)`, `timestamptz(3)`, `text[]`. */
export function formatColumnType(type: ColumnType, options: TypeFormatOptions = {}): string {
  return formatBaseType(type, options) + '[]'.repeat(type.arrayDims)
}

export function formatBaseType(type: ColumnType, options: TypeFormatOptions = {}): string {
  const quote = options.quote ?? ((ns, n) => (ns === undefined ? n : `${ns}.${n}`))
  switch (type.kind) {
    case 'builtin': {
      let s: string = type.name
      if (type.name === 'interval' && type.fields) s += ` ${type.fields}`
      if (type.length !== undefined) s += `(${type.length})`
      else if (type.name === 'numeric' && type.precision !== undefined)
        s += type.scale !== undefined ? `(${type.precision},${type.scale})` : `(${type.precision})`
      else if (type.precision !== undefined) s += `(${type.precision})`
      return s
    }
    case 'enum':
      return options.enumName ? options.enumName(type.enumId) : 'enum'
    case 'custom':
      return quote(type.schema, type.name) + (type.modifiers ? `(${type.modifiers.join(',')})` : '')
  }
}

/** serial types are integer types with an owned sequence; everywhere else they compare as such. */
export function storageTypeName(type: ColumnType): string {
  if (type.kind !== 'builtin') return type.kind === 'custom' ? type.name : 'enum'
  switch (type.name) {
    case 'smallserial':
      return 'smallint'
    case 'serial':
      return 'integer'
    case 'bigserial':
      return 'bigint'
    default:
      return type.name
  }
}

export function isSerial(type: ColumnType): boolean {
  return type.kind === 'builtin' && (type.name === 'serial' || type.name === 'bigserial' || type.name === 'smallserial')
}

/** Types in the same family compare with a warning, not an error, when an FK links them. */
export function typeFamily(type: ColumnType): string {
  if (type.kind === 'enum') return `enum:${type.enumId}`
  if (type.kind === 'custom') return `custom:${type.schema ?? ''}.${type.name}`
  switch (storageTypeName(type)) {
    case 'smallint':
    case 'integer':
    case 'bigint':
    case 'numeric':
      return 'number'
    case 'real':
    case 'double precision':
      return 'float'
    case 'text':
    case 'varchar':
    case 'char':
      return 'string'
    case 'timestamp':
    case 'timestamptz':
      return 'timestamp'
    case 'time':
    case 'timetz':
      return 'time'
    case 'json':
    case 'jsonb':
      return 'json'
    case 'bit':
    case 'varbit':
      return 'bit'
    default:
      return type.name
  }
}

export function sameType(a: ColumnType, b: ColumnType): boolean {
  if (a.kind !== b.kind || a.arrayDims !== b.arrayDims) return false
  if (a.kind === 'enum' && b.kind === 'enum') return a.enumId === b.enumId
  return formatColumnType(a) === formatColumnType(b) && (a.kind !== 'custom' || b.kind !== 'custom' || a.schema === b.schema)
}
