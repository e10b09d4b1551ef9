/**
 * Prisma field types to PostgreSQL column types, as Prisma Migrate creates them: the scalar
 * defaults of the PostgreSQL connector (`String` is `text`, `DateTime` is `timestamp(3)`,
 * `Decimal` is `decimal(65,30)`), `@db.*` native types, and `autoincrement()` as serial types.
 *
 * Schemas written for another provider (MySQL, SQLite, SQL Server, CockroachDB) are read as if
 * they were for PostgreSQL: their native types are mapped to the nearest PostgreSQL type, and the
 * caller reports each mapping.
 */
import type { BuiltinType, BuiltinTypeName, ColumnType } from '../../model/schema.ts'

export const scalarTypes = ['String', 'Int', 'BigInt', 'Float', 'Decimal', 'Boolean', 'DateTime', 'Json', 'Bytes'] as const
export type ScalarType = (typeof scalarTypes)[number]

export type Provider = 'postgresql' | 'cockroachdb' | 'mysql' | 'sqlite' | 'sqlserver' | 'mongodb'

const builtin = (name: BuiltinTypeName, extra: Partial<BuiltinType> = {}): BuiltinType => ({ kind: 'builtin', name, arrayDims: 0, ...extra })

/** The PostgreSQL connector's type for a scalar without `@db.*` (psl `default_native_type_for_scalar_type`). */
export function scalarDefault(scalar: ScalarType): ColumnType {
  switch (scalar) {
    case 'String':
      return builtin('text')
    case 'Int':
      return builtin('integer')
    case 'BigInt':
      return builtin('bigint')
    case 'Float':
      return builtin('double precision')
    case 'Decimal':
      return builtin('numeric', { precision: 65, scale: 30 })
    case 'Boolean':
      return builtin('boolean')
    case 'DateTime':
      return builtin('timestamp', { precision: 3 })
    case 'Json':
      return builtin('jsonb')
    case 'Bytes':
      return builtin('bytea')
  }
}

type NativeMap = (args: readonly number[], scalar: ScalarType) => ColumnType | undefined
interface NativeType {
  readonly scalars: readonly ScalarType[]
  readonly map: NativeMap
}

const len = (name: BuiltinTypeName): NativeMap => (a) => builtin(name, a[0] === undefined ? {} : { length: a[0] })
const prec = (name: BuiltinTypeName): NativeMap => (a) => builtin(name, a[0] === undefined ? {} : { precision: a[0] })
const fixed = (name: BuiltinTypeName): NativeMap => () => builtin(name)
// `Decimal(10)` is numeric(10,0) in PostgreSQL (and in its catalog).
const decimal: NativeMap = (a) => builtin('numeric', a[0] === undefined ? {} : { precision: a[0], scale: a[1] ?? 0 })
const S: ScalarType[] = ['String']

/** PostgreSQL's `@db.*` (psl `PostgresType`), with the scalar types each one may annotate. */
const postgres: Record<string, NativeType> = {
  Text: { scalars: S, map: fixed('text') },
  Char: { scalars: S, map: len('char') },
  VarChar: { scalars: S, map: len('varchar') },
  Bit: { scalars: S, map: len('bit') },
  VarBit: { scalars: S, map: len('varbit') },
  Uuid: { scalars: S, map: fixed('uuid') },
  Xml: { scalars: S, map: fixed('xml') },
  Inet: { scalars: S, map: fixed('inet') },
  Citext: { scalars: S, map: () => ({ kind: 'custom', name: 'citext', arrayDims: 0 }) },
  Boolean: { scalars: ['Boolean'], map: fixed('boolean') },
  Integer: { scalars: ['Int'], map: fixed('integer') },
  SmallInt: { scalars: ['Int'], map: fixed('smallint') },
  Oid: { scalars: ['Int'], map: fixed('oid') },
  BigInt: { scalars: ['BigInt'], map: fixed('bigint') },
  Real: { scalars: ['Float'], map: fixed('real') },
  DoublePrecision: { scalars: ['Float'], map: fixed('double precision') },
  Decimal: { scalars: ['Decimal'], map: decimal },
  Money: { scalars: ['Decimal'], map: fixed('money') },
  Timestamp: { scalars: ['DateTime'], map: prec('timestamp') },
  Timestamptz: { scalars: ['DateTime'], map: prec('timestamptz') },
  Date: { scalars: ['DateTime'], map: fixed('date') },
  Time: { scalars: ['DateTime'], map: prec('time') },
  Timetz: { scalars: ['DateTime'], map: prec('timetz') },
  Json: { scalars: ['Json'], map: fixed('json') },
  JsonB: { scalars: ['Json'], map: fixed('jsonb') },
  ByteA: { scalars: ['Bytes'], map: fixed('bytea') },
}

const text = fixed('text')
const bytea = fixed('bytea')
const any: ScalarType[] = [...scalarTypes]

/** Other providers' native types, read as the nearest PostgreSQL type. */
const foreign: Record<string, NativeMap> = {
  // MySQL
  TinyText: text,
  MediumText: text,
  LongText: text,
  Binary: bytea,
  VarBinary: bytea,
  TinyBlob: bytea,
  Blob: bytea,
  MediumBlob: bytea,
  LongBlob: bytea,
  TinyInt: (_, s) => (s === 'Boolean' ? builtin('boolean') : builtin('smallint')),
  UnsignedTinyInt: fixed('smallint'),
  UnsignedSmallInt: fixed('integer'),
  MediumInt: fixed('integer'),
  UnsignedMediumInt: fixed('integer'),
  Int: fixed('integer'),
  UnsignedInt: fixed('bigint'),
  UnsignedBigInt: () => builtin('numeric', { precision: 20, scale: 0 }),
  Float: fixed('real'),
  Double: fixed('double precision'),
  DateTime: prec('timestamp'),
  Year: fixed('integer'),
  // SQL Server
  NVarChar: (a) => (a.length === 0 ? builtin('text') : builtin('varchar', { length: a[0]! })),
  NChar: len('char'),
  NText: text,
  UniqueIdentifier: fixed('uuid'),
  Numeric: decimal,
  SmallMoney: () => builtin('numeric', { precision: 10, scale: 4 }),
  DateTime2: prec('timestamp'),
  SmallDateTime: fixed('timestamp'),
  DateTimeOffset: prec('timestamptz'),
  Image: bytea,
  // CockroachDB
  String: (a) => (a.length === 0 ? builtin('text') : builtin('varchar', { length: a[0]! })),
  Int2: fixed('smallint'),
  Int4: fixed('integer'),
  Int8: fixed('bigint'),
  Float4: fixed('real'),
  Float8: fixed('double precision'),
  Bool: fixed('boolean'),
  Bytes: bytea,
  CatalogSingleChar: () => ({ kind: 'custom', schema: 'pg_catalog', name: 'char', arrayDims: 0 }),
}

export type NativeResult =
  | { readonly ok: true; readonly type: ColumnType; readonly mapped: boolean }
  | { readonly ok: false; readonly message: string }

/**
 * The column type of `@db.<name>(args)` on a field of type `scalar`. `mapped` says the type was
 * translated from another provider's vocabulary (the caller reports it).
 */
export function nativeType(name: string, args: readonly number[], scalar: ScalarType, provider: Provider): NativeResult {
  const pg = Object.hasOwn(postgres, name) ? postgres[name] : undefined
  if (provider === 'postgresql' || provider === 'cockroachdb') {
    if (pg) {
      if (!pg.scalars.includes(scalar)) return { ok: false, message: `@db.${name} cannot annotate a ${scalar} field; it takes ${pg.scalars.join(' or ')}.` }
      return { ok: true, type: pg.map(args, scalar)!, mapped: false }
    }
  }
  const other = Object.hasOwn(foreign, name) ? foreign[name] : undefined
  const t = other?.(args, scalar) ?? (pg && any.includes(scalar) ? pg.map(args, scalar) : undefined)
  if (t) return { ok: true, type: t, mapped: true }
  return { ok: false, message: `Unknown native type @db.${name}.` }
}

/** `autoincrement()` makes an integer column serial; Prisma has no identity columns on PostgreSQL. */
export function serialOf(type: ColumnType): ColumnType | undefined {
  if (type.kind !== 'builtin' || type.arrayDims !== 0) return undefined
  const serial = ({ smallint: 'smallserial', integer: 'serial', bigint: 'bigserial' } as const)[type.name as 'integer']
  return serial ? { kind: 'builtin', name: serial, arrayDims: type.arrayDims } : undefined
}

export function isScalar(name: string): name is ScalarType {
  return (scalarTypes as readonly string[]).includes(name)
}
