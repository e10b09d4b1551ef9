/**
 * Columns as Drizzle builders: the pg-core builder for each type with its options, `.array()`,
 * `.notNull()`, defaults, identity and generated columns. Types pg-core lacks get one
 * `customType` each, whose `dataType()` is written the way drizzle-kit prints it correctly.
 */
import type { Column, ColumnType, CustomType, Table } from '../../model/schema.ts'
import { makeObjectName } from '../../model/names.ts'
import { isSerial, storageTypeName } from '../../model/types.ts'
import { defaultDef } from '../../sql/defs.ts'
import { quoteLiteral, quoteQualified } from '../../sql/quote.ts'
import { type TsExpr, arr, call, chain, id, lit, obj, sql, str } from './ast.ts'
import type { DrizzleContext } from './context.ts'
import { tsVariableName } from './names.ts'

type Builder = { fn: string; config?: Record<string, TsExpr | undefined> } | { custom: string }

const n = (v: number | undefined) => (v === undefined ? undefined : lit(String(v)))

// drizzle-kit prints a type raw when it starts with one of these, and in double quotes otherwise.
export const kitNativePrefixes = [
  'uuid', 'smallint', 'integer', 'bigint', 'boolean', 'text', 'varchar', 'serial', 'bigserial', 'decimal', 'numeric',
  'real', 'json', 'jsonb', 'time', 'timestamp', 'date', 'interval', 'double precision', 'char', 'vector', 'geometry',
  'halfvec', 'sparsevec', 'bit',
]

function builderFor(t: ColumnType): Builder {
  if (t.kind === 'custom') return { custom: customTypeText(t).text }
  if (t.kind === 'enum') return { fn: '' }
  switch (t.name) {
    case 'smallint':
    case 'integer':
    case 'smallserial':
    case 'serial':
    case 'real':
    case 'text':
    case 'boolean':
    case 'date':
    case 'uuid':
    case 'json':
    case 'jsonb':
    case 'inet':
    case 'cidr':
    case 'macaddr':
    case 'macaddr8':
    case 'point':
    case 'line':
      return { fn: t.name }
    // bigint values beyond 2^53 would lose digits as JavaScript numbers.
    case 'bigint':
    case 'bigserial':
      return { fn: t.name, config: { mode: str('bigint') } }
    case 'double precision':
      return { fn: 'doublePrecision' }
    case 'numeric':
      return { fn: 'numeric', config: { precision: n(t.precision), scale: n(t.scale) } }
    case 'varchar':
    case 'char':
      return { fn: t.name, config: { length: n(t.length) } }
    case 'time':
    case 'timestamp':
      return { fn: t.name, config: { precision: n(t.precision) } }
    case 'timetz':
    case 'timestamptz':
      return { fn: t.name.slice(0, -2), config: { withTimezone: lit('true'), precision: n(t.precision) } }
    case 'interval':
      return { fn: 'interval', config: { fields: t.fields === undefined ? undefined : str(t.fields), precision: n(t.precision) } }
    case 'bit':
      return t.length === undefined ? { custom: 'bit' } : { fn: 'bit', config: { dimensions: n(t.length) } }
    case 'varbit':
      return { custom: t.length === undefined ? 'bit varying' : `bit varying(${t.length})` }
    default:
      return { custom: t.name }
  }
}

/**
 * The `dataType()` text of a custom type. drizzle-kit wraps any type not starting with a name it
 * knows in double quotes, as one name: a plain name is thus best given unquoted, while a schema
 * or modifiers cannot survive it (`kitOk: false`, reported).
 */
export function customTypeText(t: CustomType): { text: string; kitOk: boolean } {
  const schema = t.schema === 'public' ? undefined : t.schema
  const mods = t.modifiers ? `(${t.modifiers.join(',')})` : ''
  const sqlText = quoteQualified(schema, t.name) + mods
  if (kitNativePrefixes.some((p) => sqlText.startsWith(p))) return { text: sqlText, kitOk: true }
  if (schema === undefined && !mods) return { text: t.name, kitOk: !t.name.includes('"') }
  return { text: sqlText, kitOk: false }
}

function customTypeConst(ctx: DrizzleContext, text: string): string {
  const known = ctx.customTypes.get(text)
  if (known) return known.name
  const name = ctx.consts.claim(tsVariableName(text, 'type') ?? 'customColumnType')
  ctx.pgCore.add('customType')
  ctx.customTypes.set(text, {
    name,
    exported: false,
    docs: [],
    value: { kind: 'call', callee: id('customType'), typeArgs: '{ data: string }', args: [obj({ dataType: { kind: 'arrow', params: '', body: str(text) } })] },
  })
  return name
}

const numericText = /^-?\d+(\.\d+)?$/

/** The column's builder expression, e.g. `varchar('full_name', { length: 255 }).notNull()`. */
export function columnExpr(ctx: DrizzleContext, table: Table, c: Column, key: string, inlinePrimaryKey: boolean): TsExpr {
  const t = c.type
  const b = builderFor(t)
  const nameArg = key === c.name ? [] : [str(c.name)]
  let e: TsExpr
  if (t.kind === 'enum') e = call(ctx.enums.get(t.enumId)!, ...nameArg)
  else if ('custom' in b) e = call(customTypeConst(ctx, b.custom), ...nameArg)
  else {
    ctx.pgCore.add(b.fn)
    const config = b.config && Object.values(b.config).some((v) => v !== undefined) ? [obj(b.config)] : []
    e = call(b.fn, ...nameArg, ...config)
  }
  for (let i = 0; i < t.arrayDims; i++) e = chain(e, 'array')
  if (inlinePrimaryKey) e = chain(e, 'primaryKey')
  else if (!c.nullable) e = chain(e, 'notNull')
  if (c.identity) {
    // drizzle-kit names the sequence `<table>_<column>_seq` uncut; past 63 bytes PostgreSQL cuts it,
    // possibly onto another name, so the name PostgreSQL itself would choose is given.
    const seq = makeObjectName(table.name, c.name, 'seq')
    const options = seq === `${table.name}_${c.name}_seq` ? [] : [obj({ name: str(seq) })]
    e = chain(e, c.identity === 'always' ? 'generatedAlwaysAsIdentity' : 'generatedByDefaultAsIdentity', ...options)
  }
  if (c.generated !== undefined) e = chain(e, 'generatedAlwaysAs', sql(c.generated))
  const d = defaultExpr(c)
  if (d) e = d.method ? chain(e, d.method) : chain(e, 'default', d.value!)
  if (c.collation !== undefined) ctx.losses.report('drizzle-unsupported-collation', ctx.losses.column(table, c), { collation: c.collation })
  return e
}

/** Defaults in the builder's own words where drizzle-kit writes them back exactly, else sql`...`. */
function defaultExpr(c: Column): { method?: string; value?: TsExpr } | undefined {
  const d = c.default
  if (!d || isSerial(c.type) || c.identity || c.generated !== undefined) return undefined
  const scalar = c.type.arrayDims === 0
  const base = storageTypeName(c.type)
  if (d.kind === 'expression') {
    const text = d.sql.trim()
    if (/^now\(\)$/i.test(text)) return { method: 'defaultNow' }
    if (base === 'uuid' && scalar && /^gen_random_uuid\(\)$/i.test(text)) return { method: 'defaultRandom' }
    return { value: sql(text) }
  }
  const v = d.value
  if (!scalar && v === '{}') return { value: arr([]) }
  if (scalar && base === 'boolean' && (v === 'true' || v === 'false')) return { value: lit(v) }
  if (scalar && ['smallint', 'integer', 'real', 'double precision'].includes(base) && numericText.test(v) && String(Number(v)) === v)
    return { value: lit(v) }
  if (scalar && (['text', 'varchar', 'char', 'uuid'].includes(base) || c.type.kind === 'enum')) return { value: str(v) }
  const literal = defaultDef(c)!
  return { value: sql(literal.kind === 'literal' && literal.raw ? v : quoteLiteral(v)) }
}
