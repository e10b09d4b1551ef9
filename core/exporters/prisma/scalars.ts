/**
 * Column types and defaults. Each PostgreSQL type maps to Prisma's scalar plus the `@db.*`
 * native type wherever Prisma's default for that scalar differs (Prisma's defaults on PostgreSQL:
 * String text, Int integer, BigInt bigint, Float double precision, Decimal decimal(65,30),
 * DateTime timestamp(3), Json jsonb, Bytes bytea, Boolean boolean). Types without a Prisma
 * scalar become `Unsupported("...")`, spelled as PostgreSQL reads it.
 */
import type { EnumId } from '../../model/ids.ts'
import type { BuiltinType, Column, ColumnType, EnumType } from '../../model/schema.ts'
import { formatBaseType, isSerial } from '../../model/types.ts'
import { defaultDef } from '../../sql/defs.ts'
import { quoteLiteral, quoteQualified } from '../../sql/quote.ts'
import { type PrismaAttribute, type PrismaValue, array, arg, attr, call, ident, num, str } from './ast.ts'

export interface ScalarMapping {
  /** `Int`, `String`, an enum's Prisma name, or `Unsupported`. */
  readonly name: string
  /** The PostgreSQL type text inside `Unsupported("...")`. */
  readonly unsupported?: string
  readonly list: boolean
  readonly native?: PrismaAttribute
  readonly enum?: true
}

type Native = readonly [scalar: string, native?: string, args?: readonly number[]]

// No precision means PostgreSQL's default (6); an argument-less native type says just that.
const precision = (t: BuiltinType) => (t.precision === undefined ? [] : [t.precision])

function builtinScalar(t: BuiltinType): Native | undefined {
  switch (t.name) {
    case 'smallint':
    case 'smallserial':
      return ['Int', 'SmallInt']
    case 'integer':
    case 'serial':
      return ['Int']
    case 'bigint':
    case 'bigserial':
      return ['BigInt']
    case 'oid':
      return ['Int', 'Oid']
    case 'numeric':
      return ['Decimal', 'Decimal', t.precision === undefined ? [] : t.scale === undefined ? [t.precision] : [t.precision, t.scale]]
    case 'money':
      return ['Decimal', 'Money']
    case 'real':
      return ['Float', 'Real']
    case 'double precision':
      return ['Float']
    case 'text':
      return ['String']
    case 'varchar':
      return ['String', 'VarChar', t.length === undefined ? [] : [t.length]]
    case 'char':
      return ['String', 'Char', t.length === undefined ? [] : [t.length]]
    case 'bit':
      return ['String', 'Bit', t.length === undefined ? [] : [t.length]]
    case 'varbit':
      return ['String', 'VarBit', t.length === undefined ? [] : [t.length]]
    case 'uuid':
      return ['String', 'Uuid']
    case 'xml':
      return ['String', 'Xml']
    case 'inet':
      return ['String', 'Inet']
    case 'boolean':
      return ['Boolean']
    case 'bytea':
      return ['Bytes']
    case 'json':
      return ['Json', 'Json']
    case 'jsonb':
      return ['Json']
    case 'date':
      return ['DateTime', 'Date']
    case 'time':
      return ['DateTime', 'Time', precision(t)]
    case 'timetz':
      return ['DateTime', 'Timetz', precision(t)]
    // timestamp(3) is Prisma's own default, so it needs no attribute.
    case 'timestamp':
      return t.precision === 3 ? ['DateTime'] : ['DateTime', 'Timestamp', precision(t)]
    case 'timestamptz':
      return ['DateTime', 'Timestamptz', precision(t)]
    case 'interval':
      // Prisma has no interval; an interval with fields or precision is still one Unsupported type.
      return undefined
    default:
      return undefined
  }
}

/** The PostgreSQL spelling Prisma Migrate will put in CREATE TABLE for an Unsupported type. */
function sqlTypeText(type: ColumnType, enums: ReadonlyMap<EnumId, EnumType>): string {
  const base = formatBaseType(type, {
    quote: quoteQualified,
    enumName: (id) => quoteQualified(undefined, enums.get(id)?.name ?? '?'),
  })
  return base + '[]'.repeat(type.arrayDims)
}

export function mapScalar(column: Column, enums: ReadonlyMap<EnumId, EnumType>, enumNames: ReadonlyMap<EnumId, string>): ScalarMapping {
  const t = column.type
  // Prisma lists are one-dimensional; deeper arrays keep their exact type as Unsupported.
  const list = t.arrayDims === 1
  if (t.arrayDims <= 1) {
    if (t.kind === 'enum' && enumNames.has(t.enumId)) return { name: enumNames.get(t.enumId)!, list, enum: true }
    if (t.kind === 'custom' && t.name === 'citext' && (t.schema === undefined || t.schema === 'public') && !t.modifiers)
      return { name: 'String', list, native: attr('@db.Citext') }
    const b = t.kind === 'builtin' ? builtinScalar(t) : undefined
    if (b) {
      const [name, native, args] = b
      return { name, list, ...(native ? { native: attr(`@db.${native}`, ...(args ?? []).map((n) => arg(num(String(n))))) } : {}) }
    }
  }
  return { name: 'Unsupported', unsupported: sqlTypeText(t, enums), list: false }
}

const integer = /^-?\d+$/
const decimal = /^-?\d+(\.\d+)?$/

/**
 * The `@default(...)` argument, or undefined. Constants Prisma can type go in as Prisma values;
 * everything else keeps its exact SQL through `dbgenerated("...")`.
 */
export function mapDefault(column: Column, scalar: ScalarMapping, enumValue: (value: string) => string | undefined): PrismaValue | undefined {
  if (column.identity || isSerial(column.type)) return call('autoincrement')
  const d = column.default
  if (!d || column.generated !== undefined) return undefined
  if (d.kind === 'expression') {
    const sql = d.sql.trim()
    if (scalar.name === 'DateTime' && !scalar.list && /^(now\(\)|current_timestamp)$/i.test(sql)) return call('now')
    return call('dbgenerated', arg(str(sql)))
  }
  const v = d.value
  const literal = defaultDef(column)!
  const asSql = () => call('dbgenerated', arg(str(literal.kind === 'literal' && literal.raw ? v : quoteLiteral(v))))
  if (scalar.name === 'Unsupported') return asSql()
  if (scalar.list) return v === '{}' ? array([]) : asSql()
  switch (scalar.name) {
    case 'Int':
    case 'BigInt':
      return integer.test(v) ? num(v) : asSql()
    case 'Float':
    case 'Decimal':
      return decimal.test(v) ? num(v) : asSql()
    case 'Boolean':
      return v === 'true' || v === 'false' ? ident(v) : asSql()
    case 'String':
    case 'Json':
      return str(v)
    case 'DateTime':
    case 'Bytes':
      return asSql()
    default: {
      // An enum: the value by its Prisma name.
      const name = column.type.kind === 'enum' ? enumValue(v) : undefined
      return name === undefined ? asSql() : ident(name)
    }
  }
}
