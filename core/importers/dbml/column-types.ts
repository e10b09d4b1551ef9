/**
 * DBML column types to PostgreSQL types. DBML does not fix a database: files carry PostgreSQL
 * types (`varchar(255)`, `timestamptz`), other databases' (`datetime`, `nvarchar`, `NUMBER(10)`,
 * `longtext`), type names in any case (`"Decimal"`), enums of the file, and names of types the
 * file never defines (domains such as `public.Name`, `"Code"`). PostgreSQL's own names go through
 * `parseColumnType`; other databases' are mapped to the nearest PostgreSQL type and reported; the
 * rest are kept as custom types and reported, since PostgreSQL will need them created.
 */
import type { EnumId } from '../../model/ids.ts'
import type { ColumnType } from '../../model/schema.ts'
import { formatColumnType, parseColumnType } from '../../model/types.ts'
import type { RawType } from './raw.ts'

/** Other databases' types: the PostgreSQL type, and whether length/precision modifiers carry over. */
const foreign: Record<string, { readonly to: string; readonly keepModifiers: boolean }> = {}
const add = (names: string, to: string, keepModifiers = false) => {
  for (const n of names.split(',')) foreign[n] = { to, keepModifiers }
}
add('datetime,datetime2,smalldatetime', 'timestamp', true)
add('datetimeoffset', 'timestamptz', true)
add('tinyint', 'smallint')
add('mediumint', 'integer')
add('nvarchar,varchar2,nvarchar2,nationalvarchar', 'varchar', true)
add('nchar', 'char', true)
add('number', 'numeric', true)
add('string,longtext,mediumtext,tinytext,ntext,clob,nclob', 'text')
add('blob,longblob,mediumblob,tinyblob,binary,varbinary,image', 'bytea')
add('double', 'double precision')
add('uniqueidentifier,guid', 'uuid')
add('year', 'integer')

/** Extension types PostgreSQL users write in lower case; not reported as unknown. */
const extensionTypes = new Set(['citext', 'hstore', 'ltree', 'lquery', 'cube', 'vector', 'geometry', 'geography', 'isbn'])

export type TypeNote = { readonly kind: 'mapped'; readonly from: string; readonly to: string } | { readonly kind: 'unknown'; readonly name: string; readonly why?: string }

export interface ResolvedType {
  readonly type: ColumnType
  readonly note?: TypeNote
}

export type EnumLookup = (name: string, schema: string | null) => EnumId | undefined

export function resolveType(raw: RawType, findEnum: EnumLookup): ResolvedType {
  let text = raw.type_name.trim()
  let arrayDims = 0
  while (/\[\s*\d*\s*\]$/.test(text)) {
    text = text.replace(/\s*\[\s*\d*\s*\]$/, '')
    arrayDims++
  }
  const enumId = findEnum(text, raw.schemaName)
  if (enumId) return { type: { kind: 'enum', enumId, arrayDims } }
  const m = /^(.*?)\s*\(([^()]*)\)$/s.exec(text)
  const base = (m ? m[1]! : text).trim()
  const mods = m ? m[2]!.split(',').map((s) => s.trim()) : undefined
  if (raw.schemaName !== null) {
    return {
      type: { kind: 'custom', schema: raw.schemaName, name: base, ...(mods ? { modifiers: mods } : {}), arrayDims },
      note: { kind: 'unknown', name: `${raw.schemaName}.${base}` },
    }
  }
  const lower = base.toLowerCase().replace(/\s+/g, ' ')
  const f = Object.hasOwn(foreign, lower.replace(/ /g, '')) ? foreign[lower.replace(/ /g, '')] : undefined
  if (f) {
    const usable = mods && f.keepModifiers && !mods.some((x) => x.toLowerCase() === 'max')
    const parsed = parseColumnType(f.to + (usable ? `(${mods.join(',')})` : ''))
    if (parsed.ok) {
      const type = withScale({ ...parsed.type, arrayDims })
      return { type, note: { kind: 'mapped', from: text, to: formatColumnType(type) } }
    }
  }
  // Quoted type names keep their case in DBML; PostgreSQL's own names are not case-sensitive.
  const parsed = parseColumnType(lower + (mods ? `(${mods.join(',')})` : ''))
  if (parsed.ok && parsed.type.kind === 'builtin') return { type: withScale({ ...parsed.type, arrayDims }) }
  if (extensionTypes.has(lower)) return { type: { kind: 'custom', name: lower, ...(mods ? { modifiers: mods } : {}), arrayDims } }
  return {
    type: { kind: 'custom', name: base, ...(mods ? { modifiers: mods } : {}), arrayDims },
    note: { kind: 'unknown', name: base, ...(parsed.ok ? {} : { why: parsed.message }) },
  }
}

/** `numeric(10)` is `numeric(10,0)` in PostgreSQL, and its catalog says so: write it that way. */
export function withScale(type: ColumnType): ColumnType {
  return type.kind === 'builtin' && type.name === 'numeric' && type.precision !== undefined && type.scale === undefined ? { ...type, scale: 0 } : type
}
