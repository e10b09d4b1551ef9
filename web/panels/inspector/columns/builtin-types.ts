/**
 * What the type picker says about each PostgreSQL type: a group, a one-line description and the
 * other names people type for it. Every builtin the model knows must be here (the `satisfies`
 * makes a new one a compile error until it is described).
 */
import type { BuiltinTypeName } from '@core'

export type TypeGroup =
  | 'Numbers'
  | 'Text'
  | 'Date and time'
  | 'Identifiers'
  | 'Boolean'
  | 'JSON and documents'
  | 'Binary'
  | 'Network'
  | 'Bit strings'
  | 'Text search'
  | 'Geometry'
  | 'Ranges'
  | 'System'

export interface BuiltinTypeInfo {
  readonly group: TypeGroup
  readonly description: string
  /** Other spellings PostgreSQL accepts (`int4`, `character varying`...). */
  readonly aliases: readonly string[]
  /** Types most designs use; they come first among equally good matches. */
  readonly common?: true
}

export const builtinTypeInfo = {
  text: { group: 'Text', description: 'Variable-length text, no limit', aliases: [], common: true },
  varchar: { group: 'Text', description: 'Text with a length limit, varchar(n)', aliases: ['character varying'], common: true },
  char: { group: 'Text', description: 'Fixed-length text, blank-padded', aliases: ['character', 'bpchar'] },
  integer: { group: 'Numbers', description: '4-byte whole number', aliases: ['int', 'int4'], common: true },
  bigint: { group: 'Numbers', description: '8-byte whole number', aliases: ['int8'], common: true },
  smallint: { group: 'Numbers', description: '2-byte whole number', aliases: ['int2'] },
  numeric: { group: 'Numbers', description: 'Exact decimal, numeric(precision, scale)', aliases: ['decimal'], common: true },
  real: { group: 'Numbers', description: '4-byte floating point', aliases: ['float4'] },
  'double precision': { group: 'Numbers', description: '8-byte floating point', aliases: ['float8', 'float'] },
  serial: { group: 'Numbers', description: 'Auto-incrementing integer (prefer identity)', aliases: ['serial4'] },
  bigserial: { group: 'Numbers', description: 'Auto-incrementing bigint (prefer identity)', aliases: ['serial8'] },
  smallserial: { group: 'Numbers', description: 'Auto-incrementing smallint', aliases: ['serial2'] },
  money: { group: 'Numbers', description: 'Currency amount, locale-dependent', aliases: [] },
  uuid: { group: 'Identifiers', description: 'Universally unique identifier', aliases: [], common: true },
  boolean: { group: 'Boolean', description: 'true or false', aliases: ['bool'], common: true },
  timestamptz: { group: 'Date and time', description: 'Date and time with time zone', aliases: ['timestamp with time zone'], common: true },
  timestamp: { group: 'Date and time', description: 'Date and time without time zone', aliases: ['timestamp without time zone'] },
  date: { group: 'Date and time', description: 'Calendar date', aliases: [], common: true },
  time: { group: 'Date and time', description: 'Time of day without time zone', aliases: ['time without time zone'] },
  timetz: { group: 'Date and time', description: 'Time of day with time zone', aliases: ['time with time zone'] },
  interval: { group: 'Date and time', description: 'A span of time', aliases: [] },
  jsonb: { group: 'JSON and documents', description: 'Binary JSON, indexable', aliases: [], common: true },
  json: { group: 'JSON and documents', description: 'JSON text, kept as written', aliases: [] },
  xml: { group: 'JSON and documents', description: 'XML document', aliases: [] },
  bytea: { group: 'Binary', description: 'Binary data', aliases: [] },
  inet: { group: 'Network', description: 'IPv4 or IPv6 host address', aliases: [] },
  cidr: { group: 'Network', description: 'IPv4 or IPv6 network', aliases: [] },
  macaddr: { group: 'Network', description: 'MAC address', aliases: [] },
  macaddr8: { group: 'Network', description: 'MAC address, EUI-64', aliases: [] },
  bit: { group: 'Bit strings', description: 'Fixed-length bit string', aliases: [] },
  varbit: { group: 'Bit strings', description: 'Variable-length bit string', aliases: ['bit varying'] },
  tsvector: { group: 'Text search', description: 'Document for full-text search', aliases: [] },
  tsquery: { group: 'Text search', description: 'Full-text search query', aliases: [] },
  point: { group: 'Geometry', description: 'Point on a plane', aliases: [] },
  line: { group: 'Geometry', description: 'Infinite line', aliases: [] },
  lseg: { group: 'Geometry', description: 'Line segment', aliases: [] },
  box: { group: 'Geometry', description: 'Rectangular box', aliases: [] },
  path: { group: 'Geometry', description: 'Open or closed path', aliases: [] },
  polygon: { group: 'Geometry', description: 'Closed polygon', aliases: [] },
  circle: { group: 'Geometry', description: 'Circle', aliases: [] },
  int4range: { group: 'Ranges', description: 'Range of integer', aliases: [] },
  int8range: { group: 'Ranges', description: 'Range of bigint', aliases: [] },
  numrange: { group: 'Ranges', description: 'Range of numeric', aliases: [] },
  tsrange: { group: 'Ranges', description: 'Range of timestamp', aliases: [] },
  tstzrange: { group: 'Ranges', description: 'Range of timestamptz', aliases: [] },
  daterange: { group: 'Ranges', description: 'Range of date', aliases: [] },
  int4multirange: { group: 'Ranges', description: 'Set of integer ranges', aliases: [] },
  int8multirange: { group: 'Ranges', description: 'Set of bigint ranges', aliases: [] },
  nummultirange: { group: 'Ranges', description: 'Set of numeric ranges', aliases: [] },
  tsmultirange: { group: 'Ranges', description: 'Set of timestamp ranges', aliases: [] },
  tstzmultirange: { group: 'Ranges', description: 'Set of timestamptz ranges', aliases: [] },
  datemultirange: { group: 'Ranges', description: 'Set of date ranges', aliases: [] },
  oid: { group: 'System', description: 'Object identifier', aliases: [] },
  regclass: { group: 'System', description: 'Relation name, resolved to its oid', aliases: [] },
  pg_lsn: { group: 'System', description: 'Write-ahead log position', aliases: [] },
  name: { group: 'System', description: '63-byte internal identifier', aliases: [] },
} as const satisfies Record<BuiltinTypeName, BuiltinTypeInfo>

/** The builtins in the order the picker lists them when nothing is typed. */
export const builtinTypeOrder = Object.keys(builtinTypeInfo) as BuiltinTypeName[]
