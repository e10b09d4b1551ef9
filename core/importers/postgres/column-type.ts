/**
 * A parsed TypeName to the model's ColumnType. The grammar already folds the SQL spellings
 * (`character varying` -> pg_catalog.varchar, `char` -> bpchar(1), `float(10)` -> float4);
 * what is left is mapping catalog names, type modifiers and interval field masks, and resolving
 * user-defined names (enums, domains) on the search path as PostgreSQL would at that point.
 */
import type { TypeName } from 'libpg-query'
import type { BuiltinType, ColumnType } from '../../model/schema.ts'
import { parseColumnType } from '../../model/types.ts'
import { as, constValue, names, qualified } from './ast.ts'
import type { ImportState } from './state.ts'
import { Rejected } from './state.ts'

const catalogNames: Record<string, string> = {
  int2: 'smallint',
  int4: 'integer',
  int8: 'bigint',
  float4: 'real',
  float8: 'double precision',
  bool: 'boolean',
  bpchar: 'char',
}

/** Interval field masks (INTERVAL_MASK in PostgreSQL's datetime.h) to the model's field text. */
const intervalFields: Record<number, string> = {
  4: 'year',
  2: 'month',
  8: 'day',
  1024: 'hour',
  2048: 'minute',
  4096: 'second',
  6: 'year to month',
  1032: 'day to hour',
  3080: 'day to minute',
  7176: 'day to second',
  3072: 'hour to minute',
  7168: 'hour to second',
  6144: 'minute to second',
}
const intervalFullRange = 0x7fff
const intervalFullPrecision = 0xffff

/** Extension types by extension, so an unqualified `citext` resolves to where citext was created. */
const extensionTypes: Record<string, readonly string[]> = {
  citext: ['citext'],
  hstore: ['hstore'],
  ltree: ['ltree', 'lquery', 'ltxtquery'],
  cube: ['cube'],
  isn: ['isbn', 'isbn13', 'ean13', 'issn', 'issn13', 'ismn', 'ismn13', 'upc'],
  vector: ['vector', 'halfvec', 'sparsevec'],
  postgis: ['geometry', 'geography', 'box2d', 'box3d'],
}

function modifierText(n: NonNullable<TypeName['typmods']>[number]): string {
  const c = as(n, 'A_Const')
  if (c) return constValue(c)?.value ?? 'NULL'
  const ref = as(n, 'ColumnRef')
  if (ref) return names(ref.fields).join('.')
  return '?'
}

export function columnType(state: ImportState, t: TypeName): ColumnType {
  const parts = names(t.names)
  const arrayDims = t.arrayBounds?.length ?? 0
  const mods = (t.typmods ?? []).map(modifierText)
  if (t.pct_type) throw new Rejected(`%TYPE column types are not supported (${parts.join('.')}%TYPE)`, t.location)
  const name = qualified(parts)

  if (name.schema === 'pg_catalog' || (name.schema === undefined && /^[a-z_][a-z0-9_ ]*$/.test(name.name))) {
    if (name.name === 'interval') return interval(mods, arrayDims, t.location)
    // The grammar spells char(n) as bpchar; a plain "char" is the one-byte internal type.
    if (name.name === 'char') return custom('pg_catalog', 'char', mods, arrayDims)
    const canonical = catalogNames[name.name] ?? name.name
    const text = mods.length ? `${canonical}(${mods.join(',')})` : canonical
    const parsed = /^[a-z]/.test(canonical) ? parseCached(text) : undefined
    if (parsed && !parsed.ok) throw new Rejected(parsed.message, t.location)
    if (parsed?.ok && parsed.type.kind === 'builtin') return { ...parsed.type, arrayDims }
    if (name.schema === 'pg_catalog') return custom('pg_catalog', name.name, mods, arrayDims)
  }

  const e = state.findEnum(name)
  if (e) {
    if (mods.length) throw new Rejected(`type modifiers are not allowed for enum "${e.name}"`, t.location)
    return { kind: 'enum', enumId: e.id, arrayDims }
  }
  let schema = name.schema ?? state.findOtherType(name)
  if (schema === undefined) {
    const ext = Object.keys(extensionTypes).find((x) => extensionTypes[x]!.includes(name.name) && state.extensionSchemas.has(x))
    if (ext) schema = state.extensionSchemas.get(ext)
  }
  return custom(schema === 'public' ? undefined : schema, name.name, mods, arrayDims)
}

/** Schemas repeat the same few types thousands of times; parsing each spelling once is enough. */
const parsedTypes = new Map<string, ReturnType<typeof parseColumnType>>()
function parseCached(text: string): ReturnType<typeof parseColumnType> {
  let r = parsedTypes.get(text)
  if (!r) {
    r = parseColumnType(text)
    if (parsedTypes.size < 10_000) parsedTypes.set(text, r)
  }
  return r
}

function custom(schema: string | undefined, name: string, mods: string[], arrayDims: number): ColumnType {
  return { kind: 'custom', ...(schema === undefined ? {} : { schema }), name, ...(mods.length ? { modifiers: mods } : {}), arrayDims }
}

function interval(mods: string[], arrayDims: number, location: number | undefined): ColumnType {
  const t: Mutable<BuiltinType> = { kind: 'builtin', name: 'interval', arrayDims }
  const [mask, precision] = mods.map(Number)
  if (mask !== undefined && mask !== intervalFullRange) {
    const fields = intervalFields[mask]
    if (!fields) throw new Rejected('unknown interval fields', location)
    t.fields = fields
  }
  if (precision !== undefined && precision !== intervalFullPrecision) {
    if (precision < 0 || precision > 6) throw new Rejected(`interval precision ${precision} is out of range (0 to 6)`, location)
    t.precision = precision
  }
  return t
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }
