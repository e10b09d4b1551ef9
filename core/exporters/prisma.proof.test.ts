/**
 * The proof of the Prisma exporter: Prisma's own engine (`@prisma/prisma-schema-wasm`, pinned)
 * validates every export with no error, `prisma format` leaves it unchanged, and the DMMF the
 * engine reads back agrees with our model on everything the DMMF shows (tables, columns, types,
 * defaults, keys, unique and plain indexes with their names, relations and their actions, enums),
 * except what the export reported as lost. Run over the fixtures, the shared corpus and random
 * designs with hostile names, Prisma's and TypeScript's reserved words among them.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../diagnostics.ts'
import { blog } from '../fixtures/blog.ts'
import { edgeCases } from '../fixtures/edge-cases.ts'
import { shop } from '../fixtures/shop.ts'
import { importSchema } from '../importers/index.ts'
import { resolveNames } from '../model/names.ts'
import { indexSchema } from '../model/queries.ts'
import type { Column, EnumType, Schema, Table } from '../model/schema.ts'
import { formatColumnType, isSerial, storageTypeName } from '../model/types.ts'
import { checkStructure } from '../model/validate.ts'
import { defaultDef } from '../sql/defs.ts'
import { quoteIdent, quoteLiteral } from '../sql/quote.ts'
import { randomSchema } from '../testing/arbitrary.ts'
import { looseSql } from '../testing/compare.ts'
import { exportPrisma } from './prisma.ts'

const engine = createRequire(import.meta.url)('@prisma/prisma-schema-wasm') as typeof import('@prisma/prisma-schema-wasm')

interface DmmfField {
  name: string
  dbName?: string | null
  kind: 'scalar' | 'object' | 'enum'
  type: string
  isList: boolean
  isRequired: boolean
  nativeType?: [string, string[]] | null
  default?: unknown
  relationFromFields?: string[]
  relationToFields?: string[]
  relationOnDelete?: string
  relationOnUpdate?: string
}
interface DmmfModel { name: string; dbName: string | null; schema: string | null; fields: DmmfField[] }
interface DmmfEnum { name: string; dbName?: string | null; values: Array<{ name: string; dbName: string | null }> }
interface DmmfIndex { model: string; type: string; dbName?: string; algorithm?: string; fields: Array<{ name: string; sortOrder?: string }> }
interface Dmmf { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] }

function validate(text: string): Dmmf {
  try {
    engine.validate(JSON.stringify({ prismaSchema: text, noColor: true }))
  } catch (e) {
    throw new Error(`Prisma rejected the export:\n${(JSON.parse((e as Error).message) as { message: string }).message}\n--- schema ---\n${text}`)
  }
  return (JSON.parse(engine.get_dmmf(JSON.stringify({ prismaSchema: text }))) as { datamodel: Dmmf }).datamodel
}

function format(text: string): string {
  const out = engine.format(
    JSON.stringify([['file:///schema.prisma', text]]),
    JSON.stringify({ textDocument: { uri: 'file:///schema.prisma' }, options: { tabSize: 2, insertSpaces: true } }),
  )
  const parsed = JSON.parse(out) as string | Array<[string, string]>
  return typeof parsed === 'string' ? parsed : parsed[0]![1]
}

// What Prisma Migrate would create for each scalar and native type, spelled as our model prints.
const scalarSql: Record<string, string> = {
  String: 'text', Int: 'integer', BigInt: 'bigint', Float: 'double precision', Decimal: 'numeric(65,30)',
  Boolean: 'boolean', DateTime: 'timestamp(3)', Json: 'jsonb', Bytes: 'bytea',
}
const nativeSql: Record<string, string> = {
  SmallInt: 'smallint', Integer: 'integer', Oid: 'oid', Real: 'real', DoublePrecision: 'double precision',
  Decimal: 'numeric', Money: 'money', VarChar: 'varchar', Char: 'char', Bit: 'bit', VarBit: 'varbit', Uuid: 'uuid',
  Xml: 'xml', Inet: 'inet', Citext: 'citext', Text: 'text', Json: 'json', JsonB: 'jsonb', Date: 'date',
  Time: 'time', Timetz: 'timetz', Timestamp: 'timestamp', Timestamptz: 'timestamptz',
}
/** `timestamp(6)` is PostgreSQL's default precision: written or not, it is the same column. */
const normalizeType = (t: string) => t.replace(/^(time|timetz|timestamp|timestamptz)\(6\)/, '$1')

/**
 * Defaults as the SQL Prisma Migrate would write, loosely compared. Prisma's DMMF holds decimal
 * defaults as doubles (`19.99` reads back as `19.990000000000002`), so fractions compare as such.
 */
const sqlDefault = (s: string) =>
  /^-?\d+\.\d+$|e[+-]?\d+$/.test(s) ? String(Number(Number(s).toPrecision(12))) : looseSql(s === 'now()' || /^current_timestamp$/i.test(s) ? 'now()' : s)

function viewOfDmmf(dm: Dmmf) {
  const enumsByName = new Map(dm.enums.map((e) => [e.name, e]))
  const models = new Map(dm.models.map((m) => [m.name, m]))
  const dbName = (m: DmmfModel) => `${m.schema ?? 'public'}.${m.dbName ?? m.name}`
  // Unsupported fields are missing from the DMMF: keys over them cannot be shown (nor are they on our side).
  const column = (m: DmmfModel, field: string) => {
    const f = m.fields.find((x) => x.name === field)
    return f ? (f.dbName ?? f.name) : undefined
  }
  const defaultOf = (f: DmmfField): string | undefined => {
    const d = f.default as { name: string; args: unknown[] } | string | number | boolean | unknown[] | undefined
    if (d === undefined) return undefined
    if (Array.isArray(d)) return d.length === 0 ? sqlDefault(`'{}'`) : 'list'
    if (typeof d === 'object') return d.name === 'dbgenerated' ? sqlDefault(String(d.args[0])) : d.name === 'now' ? sqlDefault('now()') : d.name
    if (f.kind === 'enum') return sqlDefault(quoteLiteral(enumsByName.get(f.type)!.values.find((v) => v.name === d)!.dbName ?? String(d)))
    // BigInt and Decimal defaults come back as strings; they are numbers in SQL all the same.
    const numeric = ['Int', 'BigInt', 'Float', 'Decimal'].includes(f.type)
    return sqlDefault(typeof d === 'string' && !numeric ? quoteLiteral(d) : String(d))
  }
  const typeOf = (f: DmmfField) => {
    let t: string
    if (f.kind === 'enum') t = enumsByName.get(f.type)!.dbName ?? f.type
    else if (f.nativeType) t = nativeSql[f.nativeType[0]]! + (f.nativeType[1].length ? `(${f.nativeType[1].join(',')})` : '')
    else t = scalarSql[f.type]!
    return normalizeType(t) + (f.isList ? '[]' : '')
  }
  return {
    tables: dm.models.map((m) => ({
      name: dbName(m),
      columns: m.fields
        .filter((f) => f.kind !== 'object')
        .map((f) => ({ name: f.dbName ?? f.name, type: typeOf(f), nullable: f.isList ? 'list' : !f.isRequired, default: defaultOf(f) })),
      keys: dm.indexes
        .filter((i) => i.model === m.name && i.fields.every((x) => column(m, x.name) !== undefined))
        .map((i) => {
          const cols = i.fields.map((x) => column(m, x.name))
          const suffix = { id: 'pkey', unique: 'key', normal: 'idx' }[i.type]!
          const defaultName = [m.dbName ?? m.name, ...(i.type === 'id' ? [] : cols), suffix].join('_')
          return { kind: i.type, name: i.dbName ?? defaultName, columns: i.fields.map((x, n) => cols[n] + (x.sortOrder === 'desc' ? ' desc' : '')), method: (i.algorithm ?? 'BTree').toLowerCase() }
        })
        .sort(byJson),
      relations: m.fields
        .filter((f) => f.kind === 'object' && f.relationFromFields?.length)
        .map((f) => {
          const target = models.get(f.type)!
          const pairs = f.relationFromFields!.map((c, n) => [column(m, c), column(target, f.relationToFields![n]!)]).sort(byJson)
          const optional = !f.isRequired
          return { target: dbName(target), pairs, onDelete: f.relationOnDelete ?? (optional ? 'SetNull' : 'Restrict'), onUpdate: f.relationOnUpdate ?? 'Cascade' }
        })
        .sort(byJson),
    })).sort(byName),
    enums: dm.enums.map((e) => ({ name: e.dbName ?? e.name, values: e.values.map((v) => v.dbName ?? v.name) })).sort(byName),
  }
}

const byJson = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)
const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)

const leftOut = new Set(['prisma-expression-index', 'prisma-repeated-index-column', 'prisma-index-type', 'prisma-unsupported-partial-index', 'prisma-relation-type-mismatch', 'prisma-relation-target', 'prisma-no-unique-criteria', 'prisma-unsupported-type'])
const actionNames: Record<string, string> = { 'no action': 'NoAction', restrict: 'Restrict', cascade: 'Cascade', 'set null': 'SetNull', 'set default': 'SetDefault' }

/** The same view from our model, leaving out exactly what the export reported as lost. */
function viewOfModel(schema: Schema, diagnostics: readonly Diagnostic[]) {
  const lost = new Set(diagnostics.filter((d) => leftOut.has(d.code)).flatMap((d) => [d.target?.indexId, d.target?.constraintId, d.code === 'prisma-unsupported-type' ? d.target?.columnId : d.code === 'prisma-no-unique-criteria' ? d.target?.tableId : undefined]))
  const demoted = new Set(diagnostics.filter((d) => d.code === 'prisma-list-in-primary-key').map((d) => d.target?.constraintId))
  const structure = checkStructure(schema)
  const idx = indexSchema(schema)
  const names = resolveNames(schema)
  const ns = (id: string) => idx.namespaces.get(id as never)!.name
  const tables = schema.tables.filter((t) => !lost.has(t.id) && !structure.skipTables.has(t.id))
  const visible = new Set(tables.map((t) => t.id))
  const typeOf = (c: Column) => {
    const t = c.type.kind === 'builtin' ? { ...c.type, name: storageTypeName(c.type) as never } : c.type
    return normalizeType(formatColumnType(t, { enumName: (id) => idx.enums.get(id)!.name }))
  }
  const defaultOf = (c: Column) => {
    if (c.identity || isSerial(c.type)) return 'autoincrement'
    if (!c.default || c.generated !== undefined) return undefined
    if (c.default.kind === 'expression') return sqlDefault(c.default.sql.trim())
    const d = defaultDef(c)!
    return sqlDefault(d.kind === 'literal' && d.raw ? d.value : quoteLiteral(c.default.value))
  }
  return {
    tables: tables.map((t) => {
      const col = (id: string) => t.columns.find((c) => c.id === id)!.name
      const shown = (ids: readonly string[]) => ids.every((id) => !lost.has(id as never))
      const keys = [
        ...(t.primaryKey && shown(t.primaryKey.columns) ? [{ kind: demoted.has(t.primaryKey.id) ? 'unique' : 'id', name: names.constraints.get(t.primaryKey.id)!, columns: t.primaryKey.columns.map(col), method: 'btree' }] : []),
        ...t.uniques.filter((u) => shown(u.columns)).map((u) => ({ kind: 'unique', name: names.constraints.get(u.id)!, columns: u.columns.map(col), method: 'btree' })),
        ...t.indexes
          .filter((i) => !lost.has(i.id) && shown(i.keys.map((k) => (k.kind === 'column' ? k.columnId : ''))))
          .map((i) => ({
            kind: i.unique ? 'unique' : 'normal',
            name: names.indexes.get(i.id)!,
            columns: i.keys.map((k) => (k.kind === 'column' ? col(k.columnId) : '?') + (k.order === 'desc' ? ' desc' : '')),
            method: i.method,
          })),
      ]
      return {
        name: `${ns(t.namespaceId)}.${t.name}`,
        columns: t.columns
          .filter((c) => !lost.has(c.id) && !structure.skipColumns.has(c.id))
          .map((c) => ({ name: c.name, type: typeOf(c), nullable: c.type.arrayDims === 1 ? 'list' : c.nullable, default: defaultOf(c) })),
        keys: keys.sort(byJson),
        relations: t.foreignKeys
          .filter((f) => !lost.has(f.id) && visible.has(f.target.tableId) && !structure.skipConstraints.has(f.id))
          .map((f) => {
            const parent = idx.tables.get(f.target.tableId)!
            return {
              target: `${ns(parent.namespaceId)}.${parent.name}`,
              pairs: f.columns.map((c, n) => [col(c), parent.columns.find((x) => x.id === f.target.columns[n])!.name]).sort(byJson),
              onDelete: actionNames[f.onDelete ?? 'no action'],
              onUpdate: actionNames[f.onUpdate ?? 'no action'],
            }
          })
          .sort(byJson),
      }
    }).sort(byName),
    enums: schema.enums.filter((e) => !structure.skipEnums.has(e.id)).map((e) => ({ name: e.name, values: e.values.map((v) => v.name) })).sort(byName),
  }
}

// Words that are fine in SQL but reserved, or special, in Prisma, JavaScript or a Drizzle module.
const reservedWords = [
  'String', 'Int', 'BigInt', 'Float', 'Decimal', 'Boolean', 'DateTime', 'Json', 'Bytes', 'Unsupported', 'PrismaClient',
  'Prisma', 'model', 'enum', 'datasource', 'generator', 'view', 'type', 'class', 'function', 'delete', 'new', 'this',
  'constructor', 'prototype', '__proto__', 'await', 'async', 'yield', 'let', 'static', 'import', 'export', 'then',
  'toString', 'hasOwnProperty', 'undefined', 'NaN', 'true', 'null', 'sql', 'relations', 'pgTable', 'pgSchema', 'pgEnum',
  'integer', 'text', 'index', 'unique', 'check', 'primaryKey', 'foreignKey', 'customType', 'one', 'many', 't',
]

/**
 * Renames some tables, columns, enums and enum values of a random design to reserved words.
 * Columns named in SQL fragments (checks, index expressions, predicates) keep their names.
 */
function withReservedWords(g: fc.GeneratorValue, schema: Schema): Schema {
  const used = new Set<string>()
  for (const t of schema.tables) {
    used.add(t.name)
    for (const c of t.columns) used.add(c.name)
    for (const x of [...t.uniques, ...t.foreignKeys, ...t.indexes, ...(t.primaryKey ? [t.primaryKey] : [])]) if (x.name) used.add(x.name)
  }
  for (const e of schema.enums) for (const n of [e.name, ...e.values.map((v) => v.name)]) used.add(n)
  const words = g(fc.shuffledSubarray, reservedWords.filter((w) => !used.has(w)), { minLength: 0 })
  const next = () => (g(fc.boolean) ? words.shift() : undefined)
  const valueRenames = new Map<string, Map<string, string>>()
  const enums: EnumType[] = schema.enums.map((e) => {
    const renames = new Map<string, string>()
    const values = e.values.map((v) => {
      const w = next()
      if (w) renames.set(v.name, w)
      return w ? { ...v, name: w } : v
    })
    valueRenames.set(e.id, renames)
    const name = next()
    return { ...e, ...(name ? { name } : {}), values }
  })
  const tables: Table[] = schema.tables.map((t) => {
    const fragments = [...t.checks.map((c) => c.expression), ...t.indexes.flatMap((i) => [i.where ?? '', ...i.keys.map((k) => (k.kind === 'expression' ? k.sql : ''))])].join(' ')
    const columns = t.columns.map((c) => {
      const renames = c.type.kind === 'enum' ? valueRenames.get(c.type.enumId) : undefined
      const value = c.default?.kind === 'literal' ? renames?.get(c.default.value) : undefined
      const col = value ? { ...c, default: { kind: 'literal' as const, value } } : c
      const w = fragments.includes(c.name) || fragments.includes(quoteIdent(c.name)) ? undefined : next()
      return w ? { ...col, name: w } : col
    })
    const name = next()
    return { ...t, ...(name ? { name } : {}), columns }
  })
  return { ...schema, enums, tables }
}

/** Everything the proof asserts about one design; returns the export for further checks. */
function prove(schema: Schema) {
  const out = exportPrisma(schema)
  const dmmf = validate(out.text)
  expect(format(out.text)).toBe(out.text)
  expect(viewOfDmmf(dmmf)).toEqual(viewOfModel(schema, out.diagnostics))
  return out
}

const fixtures = { shop, blog, 'edge-cases': edgeCases }

describe('prisma export, checked by Prisma', () => {
  for (const [name, schema] of Object.entries(fixtures))
    it(`${name}: valid, formatted, and its DMMF agrees with the design`, () => {
      prove(schema)
    })

  it('writes the Prisma 6 datasource on request, otherwise the same schema', () => {
    const v7 = exportPrisma(shop).text
    const v6 = exportPrisma(shop, { prismaVersion: 6 }).text
    expect(v6).toContain('url      = env("DATABASE_URL")')
    expect(v6).toContain('provider = "prisma-client-js"')
    // Prisma 7's engine rejects `url`; without it, the Prisma 6 schema must validate too.
    validate(v6.replace(/^ {2}url .*\n/m, ''))
    expect(v6.slice(v6.indexOf('model '))).toBe(v7.slice(v7.indexOf('model ')))
  })

  it('random designs with hostile and reserved names', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        prove(withReservedWords(g, randomSchema(g)))
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 100), endOnFailure: !!process.env.END_ON_FAILURE },
    )
  })
})

const corpusRoot = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url))
const formats: Record<string, string> = { sql: 'postgres', dbml: 'dbml', prisma: 'prisma' }
const corpus = Object.keys(formats).flatMap((dir) =>
  readdirSync(corpusRoot + (dir === 'sql' ? 'postgres' : dir))
    .filter((f) => f.endsWith('.' + dir))
    .sort()
    .map((f) => ({ file: `${dir === 'sql' ? 'postgres' : dir}/${f}`, format: formats[dir]! })),
)

describe('prisma export of the shared corpus', () => {
  for (const { file, format: id } of corpus) {
    it(`${file} (imported with "${id}")`, async () => {
      const imported = await importSchema(id, readFileSync(corpusRoot + file, 'utf8'))
      expect(imported.ok).toBe(true)
      if (imported.ok) prove(imported.schema)
    })
  }
})
