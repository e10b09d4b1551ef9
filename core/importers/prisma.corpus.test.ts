/**
 * The proof of the Prisma importer on real schemas: for every file of the shared corpus, Prisma's
 * own engine (`@prisma/prisma-schema-wasm`, the pinned version) reads the schema into its DMMF,
 * and our model must agree with it on tables, columns and types, keys, unique indexes, indexes,
 * relations (with Prisma's default actions), implicit many-to-many join tables, enums and doc
 * comments. Then the PostgreSQL DDL exported from our model must apply to PostgreSQL, and the
 * catalog read back must equal the model.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Schema } from '../index.ts'
import { formatColumnType, importSchema, resolveNames } from '../index.ts'
import { byteLength, clipBytes } from '../model/names.ts'
import { comparable } from '../testing/compare.ts'
import { testDatabases } from '../testing/databases.ts'
import type { TestDatabase } from '../testing/databases.ts'
import { applyAndRead } from '../testing/roundtrip.ts'

const engine = createRequire(import.meta.url)('@prisma/prisma-schema-wasm') as typeof import('@prisma/prisma-schema-wasm')
const corpus = fileURLToPath(new URL('../../../shared/corpus/prisma/', import.meta.url))
const files = readdirSync(corpus).filter((f) => f.endsWith('.prisma')).sort()

interface DmmfField {
  name: string
  dbName?: string | null
  kind: 'scalar' | 'object' | 'enum' | 'unsupported'
  type: string
  isList: boolean
  isRequired: boolean
  nativeType?: [string, string[]] | null
  default?: { name: string } | unknown
  documentation?: string
  relationName?: string
  relationFromFields?: string[]
  relationToFields?: string[]
  relationOnDelete?: string
  relationOnUpdate?: string
}
interface DmmfModel { name: string; dbName: string | null; schema: string | null; fields: DmmfField[]; documentation?: string }
interface DmmfEnum { name: string; dbName?: string | null; schema?: string | null; values: Array<{ name: string; dbName: string | null }>; documentation?: string }
interface DmmfIndex { model: string; type: 'id' | 'unique' | 'normal' | 'fulltext'; dbName?: string; algorithm?: string; fields: Array<{ name: string; sortOrder?: string }> }
interface Dmmf { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] }

/** Prisma 7's engine rejects `url` in a datasource and preview features it no longer knows. */
function forEngine(text: string): string {
  const known = new Set(JSON.parse(engine.preview_features()) as string[])
  return text
    .replace(/^([ \t]*(url|directUrl|shadowDatabaseUrl)[ \t]*=.*)$/gm, (m) => ' '.repeat(m.length))
    .replace(/previewFeatures\s*=\s*\[([^\]]*)\]/g, (_, list: string) => {
      const kept = list.split(',').map((s) => s.trim()).filter((s) => known.has(s.replace(/"/g, '')))
      return `previewFeatures = [${kept.join(', ')}]`
    })
}

const limitCut = (s: string, n: number) => (byteLength(s) >= n ? clipBytes(s, n) : s)
const scalarTypes: Record<string, string> = {
  String: 'text', Int: 'integer', BigInt: 'bigint', Float: 'double precision', Decimal: 'numeric(65,30)',
  Boolean: 'boolean', DateTime: 'timestamp(3)', Json: 'jsonb', Bytes: 'bytea',
}
const nativeTypes: Record<string, (a: string[]) => string> = {
  Text: () => 'text', Uuid: () => 'uuid', Citext: () => 'citext', Integer: () => 'integer', SmallInt: () => 'smallint',
  BigInt: () => 'bigint', Date: () => 'date', Json: () => 'json', JsonB: () => 'jsonb', Boolean: () => 'boolean',
  DoublePrecision: () => 'double precision', Real: () => 'real', Inet: () => 'inet', ByteA: () => 'bytea', Xml: () => 'xml',
  VarChar: (a) => (a[0] ? `varchar(${a[0]})` : 'varchar'), Char: (a) => (a[0] ? `char(${a[0]})` : 'char'),
  Decimal: (a) => (a.length ? `numeric(${a.join(',')})` : 'numeric'), Timestamptz: (a) => (a[0] ? `timestamptz(${a[0]})` : 'timestamptz'),
  Timestamp: (a) => (a[0] ? `timestamp(${a[0]})` : 'timestamp'), Time: (a) => (a[0] ? `time(${a[0]})` : 'time'),
  DateTime: (a) => (a[0] ? `timestamp(${a[0]})` : 'timestamp'), // MySQL's, read as PostgreSQL's timestamp
}

/** What the DMMF says PostgreSQL will hold, in the shape `ours()` prints our model. */
function expected(dmmf: Dmmf, emulated: boolean) {
  const models = new Map(dmmf.models.map((m) => [m.name, m]))
  const enums = new Map(dmmf.enums.map((e) => [e.name, e]))
  const table = (m: DmmfModel) => `${m.schema ?? 'public'}.${m.dbName ?? m.name}`
  const col = (m: DmmfModel, field: string) => { const f = m.fields.find((x) => x.name === field)!; return f.dbName ?? f.name }
  const typeOf = (f: DmmfField) => {
    const e = enums.get(f.type)
    let t = e ? `${e.schema ?? 'public'}.${e.dbName ?? e.name}` : f.nativeType ? nativeTypes[f.nativeType[0]]!(f.nativeType[1]) : scalarTypes[f.type]!
    if ((f.default as { name?: string } | undefined)?.name === 'autoincrement') t = { integer: 'serial', bigint: 'bigserial', smallint: 'smallserial' }[t]!
    return t + (f.isList ? '[]' : '')
  }
  const tables = dmmf.models.map((m) => {
    const idx = dmmf.indexes.filter((i) => i.model === m.name)
    const name = m.dbName ?? m.name
    const cols = (i: DmmfIndex) => i.fields.map((f) => col(m, f.name))
    const pk = idx.find((i) => i.type === 'id')
    return {
      name: table(m),
      comment: m.documentation,
      columns: m.fields.filter((f) => f.kind !== 'object').map((f) => ({ name: f.dbName ?? f.name, type: typeOf(f), nullable: !(f.isRequired && !f.isList) || false, comment: f.documentation })),
      primaryKey: pk && { name: pk.dbName ?? `${limitCut(name, 58)}_pkey`, columns: cols(pk) },
      uniques: idx.filter((i) => i.type === 'unique').map((i) => ({ name: i.dbName ?? `${limitCut(`${name}_${cols(i).join('_')}`, 59)}_key`, columns: cols(i) })).sort(byName),
      indexes: idx.filter((i) => i.type === 'normal').map((i) => ({
        name: i.dbName ?? `${limitCut(`${name}_${cols(i).join('_')}`, 59)}_idx`,
        columns: cols(i), desc: i.fields.map((f) => f.sortOrder === 'desc'), method: (i.algorithm ?? 'BTree').toLowerCase(),
      })).sort(byName),
      foreignKeys: emulated ? [] : m.fields.filter((f) => f.relationFromFields?.length).map((f) => {
        const target = models.get(f.type)!
        const required = f.isRequired || f.relationFromFields!.some((n) => m.fields.find((x) => x.name === n)!.isRequired)
        return {
          columns: f.relationFromFields!.map((n) => col(m, n)), target: table(target), targetColumns: f.relationToFields!.map((n) => col(target, n)),
          onDelete: action(f.relationOnDelete) ?? (required ? 'restrict' : 'set null'), onUpdate: action(f.relationOnUpdate) ?? 'cascade',
        }
      }).sort(byColumns),
    }
  })
  // Implicit many-to-many: both ends are lists and neither holds the foreign key.
  const seen = new Set<string>()
  for (const m of dmmf.models)
    for (const f of m.fields) {
      if (f.kind !== 'object' || !f.isList || f.relationFromFields?.length || seen.has(f.relationName!)) continue
      const other = models.get(f.type)!.fields.find((x) => x.relationName === f.relationName && x !== f)
      if (!other?.isList) continue
      seen.add(f.relationName!)
      const [a, b] = [m, models.get(f.type)!].sort((x, y) => (x.name < y.name ? -1 : 1)) as [DmmfModel, DmmfModel]
      const key = (x: DmmfModel) => x.fields.find((y) => dmmf.indexes.some((i) => i.model === x.name && i.type === 'id' && i.fields[0]!.name === y.name))!
      const plain = (x: DmmfModel) => typeOf({ ...key(x), default: undefined, isList: false })
      const t = `_${f.relationName}`
      tables.push({
        name: `${a.schema ?? 'public'}.${t}`, comment: undefined,
        columns: [{ name: 'A', type: plain(a), nullable: false, comment: undefined }, { name: 'B', type: plain(b), nullable: false, comment: undefined }],
        primaryKey: { name: `${t}_AB_pkey`, columns: ['A', 'B'] }, uniques: [],
        indexes: [{ name: `${t}_B_index`, columns: ['B'], desc: [false], method: 'btree' }],
        foreignKeys: emulated ? [] : [
          { columns: ['A'], target: table(a), targetColumns: [col(a, key(a).name)], onDelete: 'cascade', onUpdate: 'cascade' },
          { columns: ['B'], target: table(b), targetColumns: [col(b, key(b).name)], onDelete: 'cascade', onUpdate: 'cascade' },
        ],
      })
    }
  return {
    tables: tables.sort(byName),
    enums: dmmf.enums.map((e) => ({ name: `${e.schema ?? 'public'}.${e.dbName ?? e.name}`, values: e.values.map((v) => v.dbName ?? v.name), comment: e.documentation })).sort(byName),
  }
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
const byColumns = (a: { columns: string[] }, b: { columns: string[] }) => (a.columns.join() < b.columns.join() ? -1 : 1)
const action = (a: string | undefined) => a && ({ Cascade: 'cascade', Restrict: 'restrict', NoAction: 'no action', SetNull: 'set null', SetDefault: 'set default' } as Record<string, string>)[a]

/** Our model in the same shape. */
function ours(schema: Schema) {
  const names = resolveNames(schema)
  const ns = new Map(schema.namespaces.map((n) => [n.id, n.name]))
  const tableName = new Map(schema.tables.map((t) => [t.id, `${ns.get(t.namespaceId)}.${t.name}`]))
  const enumName = new Map(schema.enums.map((e) => [e.id, `${ns.get(e.namespaceId)}.${e.name}`]))
  return {
    tables: schema.tables.map((t) => {
      const cname = (id: string) => t.columns.find((c) => c.id === id)!.name
      const unique = t.indexes.filter((i) => i.unique)
      return {
        name: tableName.get(t.id)!, comment: t.comment,
        columns: t.columns.map((c) => ({ name: c.name, type: formatColumnType(c.type, { enumName: (id) => enumName.get(id)! }), nullable: c.nullable, comment: c.comment })),
        primaryKey: t.primaryKey && { name: names.constraints.get(t.primaryKey.id)!, columns: t.primaryKey.columns.map(cname) },
        uniques: unique.map((i) => ({ name: names.indexes.get(i.id)!, columns: i.keys.map((k) => (k.kind === 'column' ? cname(k.columnId) : '?')) })).sort(byName),
        indexes: t.indexes.filter((i) => !i.unique).map((i) => ({
          name: names.indexes.get(i.id)!, columns: i.keys.map((k) => (k.kind === 'column' ? cname(k.columnId) : '?')), desc: i.keys.map((k) => k.order === 'desc'), method: i.method,
        })).sort(byName),
        foreignKeys: t.foreignKeys.map((f) => {
          const target = schema.tables.find((x) => x.id === f.target.tableId)!
          return { columns: f.columns.map(cname), target: tableName.get(target.id)!, targetColumns: f.target.columns.map((id) => target.columns.find((c) => c.id === id)!.name), onDelete: f.onDelete, onUpdate: f.onUpdate }
        }).sort(byColumns),
      }
    }).sort(byName),
    enums: schema.enums.map((e) => ({ name: enumName.get(e.id)!, values: e.values.map((v) => v.name), comment: e.comment })).sort(byName),
  }
}

/** PostgreSQL stores a jsonb default in its own normal form (key order, spacing); compare values. */
function withCanonicalJson<T extends ReturnType<typeof comparable>>(c: T): T {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v
  for (const t of c.tables)
    for (const col of t.columns) {
      const d = col.default as { literal?: string } | undefined
      if (col.type === 'jsonb' && d?.literal !== undefined) d.literal = JSON.stringify(canonical(JSON.parse(d.literal)))
    }
  return c
}

const figures: string[] = []
let dbs: TestDatabase[] = []
beforeAll(async () => {
  dbs = await testDatabases()
})
afterAll(async () => {
  await Promise.all(dbs.map((d) => d.close()))
  console.log(['Prisma corpus (file: tables/columns/FKs/indexes; import ms; engine DMMF ms; diagnostics)', ...figures].join('\n  '))
})

describe.each(files)('%s', (file) => {
  const text = readFileSync(corpus + file, 'utf8')
  let schema: Schema

  it('agrees with the DMMF of Prisma\'s own engine', async () => {
    const t0 = performance.now()
    const result = await importSchema('prisma', text)
    const importMs = performance.now() - t0
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    if (!result.ok) throw new Error('import failed')
    schema = result.schema
    const t1 = performance.now()
    const dmmf = (JSON.parse(engine.get_dmmf(JSON.stringify({ prismaSchema: forEngine(text) }))) as { datamodel: Dmmf }).datamodel
    const engineMs = performance.now() - t1
    expect(ours(schema)).toEqual(expected(dmmf, /relationMode\s*=\s*"prisma"/.test(text)))
    const count = (f: (t: Schema['tables'][number]) => number) => schema.tables.reduce((n, t) => n + f(t), 0)
    const kinds = new Map<string, number>()
    for (const d of result.diagnostics) kinds.set(`${d.severity} ${d.code}`, (kinds.get(`${d.severity} ${d.code}`) ?? 0) + 1)
    figures.push(
      `${file}: ${schema.tables.length}/${count((t) => t.columns.length)}/${count((t) => t.foreignKeys.length)}/${count((t) => t.indexes.length)}; ` +
        `${importMs.toFixed(0)} ms; ${engineMs.toFixed(0)} ms; ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ') || 'none'}`,
    )
  })

  it('exports PostgreSQL DDL that applies, and the catalog read back equals the model', async () => {
    for (const db of dbs) {
      const trip = await applyAndRead(db, schema)
      expect(trip.diagnostics.filter((d) => d.severity === 'error'), db.label).toEqual([])
      expect(withCanonicalJson(comparable(trip.readBack)), db.label).toEqual(withCanonicalJson(comparable(schema)))
    }
  })
})
