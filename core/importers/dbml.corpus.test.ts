/**
 * The proof of the DBML importer on real files: for every DBML file of the shared corpus, our
 * model agrees with the object model `@dbml/core` builds itself (`Parser.parse(text, 'dbmlv2')`,
 * a step the importer skips for speed) on tables, fields, refs with their actions, indexes,
 * checks, enums, notes and table groups; and the PostgreSQL DDL exported from our model applies
 * to PostgreSQL, and the catalog read back equals the model.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Parser } from '@dbml/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Column, ColumnType, ImportResult, Schema, TableGroup } from '../index.ts'
import { formatColumnType, importSchema, parseColumnType, resolveNames } from '../index.ts'
import { quoteQualified } from '../sql/quote.ts'
import { readDefault } from './catalog.ts'
import { comparable } from '../testing/compare.ts'
import { testDatabases } from '../testing/databases.ts'
import type { TestDatabase } from '../testing/databases.ts'
import { applyAndRead } from '../testing/roundtrip.ts'

const corpus = fileURLToPath(new URL('../../../shared/corpus/dbml/', import.meta.url))
const files = readdirSync(corpus).filter((f) => f.endsWith('.dbml')).sort()

type Db = ReturnType<typeof Parser.parse>
type Table = Schema['tables'][number]
const sorted = <T>(list: T[], key: (x: T) => string) => list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
const lower = (s: unknown) => (typeof s === 'string' ? s.toLowerCase() : undefined)
const orUndefined = <T>(v: T | null | undefined) => v ?? undefined

/** @dbml/core's model, in the shape both sides are printed in. */
function theirs(db: Db) {
  return {
    tables: sorted(
      db.schemas.flatMap((s) =>
        s.tables.map((t) => {
          const pk = t.indexes.find((i) => i.pk)?.columns.map((c) => c.value) ?? t.fields.filter((f) => f.pk).map((f) => f.name)
          return {
            name: `${s.name}.${t.name}`,
            comment: orUndefined(t.note),
            fields: t.fields.map((f) => ({
              name: f.name,
              notNull: f.not_null === true || pk.includes(f.name),
              unique: f.unique === true && !(pk.length === 1 && pk[0] === f.name),
              default: defaultText(f.dbdefault),
              increment: f.increment === true,
              comment: orUndefined(f.note),
              checks: f.checks.map((c) => c.expression),
            })),
            primaryKey: pk,
            checks: t.checks.filter((c) => !c.column).map((c) => c.expression).sort(),
            indexes: sorted(
              t.indexes.filter((i) => !i.pk).map((i) => ({
                keys: i.columns.map((c) => `${c.type}:${c.value}`),
                unique: i.unique === true,
                name: orUndefined(i.name),
                // PostgreSQL has no unique hash indexes: the importer reads them as btree (and says so).
                method: i.unique && lower(i.type) === 'hash' ? 'btree' : (lower(i.type) ?? 'btree'),
                comment: orUndefined(i.note),
              })),
              (i) => i.keys.join(),
            ),
          }
        }),
      ),
      (t) => t.name,
    ),
    enums: sorted(db.schemas.flatMap((s) => s.enums.map((e) => ({ name: `${s.name}.${e.name}`, values: e.values.map((v) => v.name), comment: orUndefined(e.note) }))), (e) => e.name),
    groups: db.schemas.flatMap((s) => s.tableGroups.map((g) => ({ name: g.name, tables: g.tables.map((t) => `${t.schema.name}.${t.name}`) }))),
  }
}

/** A DBML default as the model keeps it: constants with a cast are literals (see the importer). */
function defaultText(d: { type: string; value: unknown } | undefined): string | undefined {
  if (!d || (d.type === 'boolean' && d.value === 'null')) return undefined
  if (d.type !== 'expression' || /^[[{]/.test(String(d.value).trim())) return String(d.value).trim()
  const r = readDefault(String(d.value).trim())
  return r.kind === 'literal' ? r.value : r.sql
}

/** Each ref as its two ends (unordered), its actions, and which end holds the key when DBML says. */
function theirRefs(db: Db) {
  return sorted(
    db.schemas.flatMap((s) => s.refs).map((r) => {
      const end = (e: (typeof r.endpoints)[number]) => `${e.fields[0]!.table.schema.name}.${e.tableName}(${e.fieldNames.join(',')})`
      const [a, b] = r.endpoints
      const many = a!.relation === '*' && b!.relation === '1' ? end(a!) : b!.relation === '*' && a!.relation === '1' ? end(b!) : undefined
      const manyToMany = a!.relation === '*' && b!.relation === '*'
      return { ends: [end(a!), end(b!)].sort().join(' ~ '), keyAt: many, onDelete: lower(r.onDelete), onUpdate: lower(r.onUpdate), name: orUndefined(r.name), manyToMany }
    }),
    (r) => r.ends,
  )
}

function ours(schema: Schema, groups: readonly TableGroup[]) {
  const ns = new Map(schema.namespaces.map((n) => [n.id, n.name]))
  const full = (t: Table) => `${ns.get(t.namespaceId)}.${t.name}`
  const colName = (t: Table, id: string) => t.columns.find((c) => c.id === id)!.name
  const columnCheck = (t: Table, c: Column) => (name: string) => name === `${t.name}_${c.name}_check` || new RegExp(`^${t.name}_${c.name}_check\\d+$`).test(name)
  return {
    tables: sorted(
      schema.tables.map((t) => ({
        name: full(t),
        comment: t.comment,
        fields: t.columns.map((c) => ({
          name: c.name,
          notNull: !c.nullable,
          unique: t.uniques.some((u) => u.columns.length === 1 && u.columns[0] === c.id),
          default: c.default ? (c.default.kind === 'literal' ? c.default.value : c.default.sql) : undefined,
          increment: (c.type.kind === 'builtin' && c.type.name.endsWith('serial')) || c.identity !== undefined,
          comment: c.comment,
          checks: t.checks.filter((k) => columnCheck(t, c)(k.name)).map((k) => k.expression),
        })),
        primaryKey: t.primaryKey?.columns.map((id) => colName(t, id)) ?? [],
        checks: t.checks.filter((k) => !t.columns.some((c) => columnCheck(t, c)(k.name))).map((k) => k.expression).sort(),
        indexes: sorted(
          t.indexes.map((i) => ({
            keys: i.keys.map((k) => (k.kind === 'column' ? `column:${colName(t, k.columnId)}` : `expression:${k.sql}`)),
            unique: i.unique,
            name: i.name,
            method: i.method,
            comment: i.comment,
          })),
          (i) => i.keys.join(),
        ),
      })),
      (t) => t.name,
    ),
    enums: sorted(schema.enums.map((e) => ({ name: `${ns.get(e.namespaceId)}.${e.name}`, values: e.values.map((v) => v.name), comment: e.comment })), (e) => e.name),
    groups: groups.map((g) => ({ name: g.name, tables: g.tableIds.map((id) => full(schema.tables.find((t) => t.id === id)!)) })),
  }
}

/** Our foreign keys in the same shape; `include` leaves out the join tables of many-to-many refs. */
function ourRefs(schema: Schema, theirRefList: ReturnType<typeof theirRefs>, include: (t: Table) => boolean) {
  const ns = new Map(schema.namespaces.map((n) => [n.id, n.name]))
  const byId = new Map(schema.tables.map((t) => [t.id, t]))
  const end = (t: Table, ids: readonly string[]) => `${ns.get(t.namespaceId)}.${t.name}(${ids.map((id) => t.columns.find((c) => c.id === id)!.name).join(',')})`
  return sorted(
    schema.tables.filter(include).flatMap((t) =>
      t.foreignKeys.map((f) => {
        const from = end(t, f.columns)
        const ends = [from, end(byId.get(f.target.tableId)!, f.target.columns)].sort().join(' ~ ')
        const said = theirRefList.find((r) => r.ends === ends)?.keyAt
        return { ends, keyAt: said === undefined ? undefined : from, onDelete: f.onDelete, onUpdate: f.onUpdate, name: f.name, manyToMany: false }
      }),
    ),
    (r) => r.ends,
  )
}

/** A field's type agrees when it is the DBML type read as PostgreSQL, the named enum, or kept as written. */
function typeDisagreements(db: Db, schema: Schema): string[] {
  const ns = new Map(schema.namespaces.map((n) => [n.id, n.name]))
  const tables = new Map(schema.tables.map((t) => [`${ns.get(t.namespaceId)}.${t.name}`, t]))
  const out: string[] = []
  for (const s of db.schemas)
    for (const t of s.tables)
      for (const f of t.fields) {
        const c = tables.get(`${s.name}.${t.name}`)!.columns.find((x) => x.name === f.name)!
        const written = f.type.type_name as string
        const ok = agrees(written, f.type.schemaName as string | null, c.type, schema)
        if (!ok) out.push(`${s.name}.${t.name}.${f.name}: ${written} read as ${formatColumnType(c.type)}`)
      }
  return out
}

const crossDatabase: Record<string, string> = { datetime: 'timestamp', nvarchar: 'varchar', number: 'numeric', guid: 'uuid', blob: 'bytea', string: 'text', tinyint: 'smallint' }

function agrees(written: string, schemaName: string | null, type: ColumnType, schema: Schema): boolean {
  const base = written.replace(/(\[\])+$/, '')
  if (type.kind === 'enum') return schema.enums.find((e) => e.id === type.enumId)!.name === base
  if (type.kind === 'custom') return written.startsWith(`${type.schema ?? schemaName ?? ''}${type.schema ?? schemaName ? '.' : ''}${type.name}`) || written.startsWith(type.name)
  const unserial = (t: ColumnType) => formatColumnType(t).replace(/^(small|big)?serial/, (m) => ({ serial: 'integer', smallserial: 'smallint', bigserial: 'bigint' })[m]!).replace(/^numeric\((\d+)\)/, 'numeric($1,0)')
  const asPg = parseColumnType(written.toLowerCase())
  if (asPg.ok && unserial(asPg.type) === unserial(type)) return true
  const m = /^([a-z ]+?)\s*(\(.*\))?$/i.exec(base)
  const mapped = m ? crossDatabase[m[1]!.toLowerCase()] : undefined
  return mapped !== undefined && unserial(type).startsWith(mapped)
}

/**
 * Types the file names but never defines (domains such as `public.Name`, "Code") are created as
 * text domains so that the DDL can apply; columns typed as a table of the file (Prisma relation
 * fields written out by a generator) cannot be, and are left out of the apply.
 */
function applicable(schema: Schema): { schema: Schema; stubs: string[]; rowTyped: number } {
  const tableNames = new Set(schema.tables.map((t) => t.name))
  let rowTyped = 0
  const stubs = new Set<string>()
  const tables = schema.tables.map((t) => {
    const columns = t.columns.filter((c) => {
      if (c.type.kind !== 'custom' || c.type.schema === 'pg_catalog') return true
      if (c.type.schema === undefined && tableNames.has(c.type.name)) return (rowTyped++, false)
      stubs.add(quoteQualified(c.type.schema, c.type.name))
      return true
    })
    return columns.length === t.columns.length ? t : { ...t, columns }
  })
  return { schema: { ...schema, tables }, stubs: [...stubs].map((s) => `CREATE DOMAIN ${s} AS text;`), rowTyped }
}

const figures: string[] = []
let dbs: TestDatabase[] = []
beforeAll(async () => {
  dbs = await testDatabases()
})
afterAll(async () => {
  await Promise.all(dbs.map((d) => d.close()))
  console.log(['DBML corpus (file: tables/columns/FKs/indexes; import ms; @dbml/core model ms; diagnostics; apply notes)', ...figures].join('\n  '))
})

describe.each(files)('%s', (file) => {
  const text = readFileSync(corpus + file, 'utf8')
  let imported: Promise<{ result: ImportResult; ms: number }> | undefined
  const load = () =>
    (imported ??= (async () => {
      const t0 = performance.now()
      const result = await importSchema('dbml', text)
      return { result, ms: performance.now() - t0 }
    })())
  let figure = ''

  it('agrees with the model @dbml/core builds', async () => {
    const { result, ms: importMs } = await load()
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    if (!result.ok) throw new Error('import failed')
    const schema = result.schema
    const t1 = performance.now()
    const db = Parser.parse(text, 'dbmlv2')
    const coreMs = performance.now() - t1
    const expected = theirs(db)
    const mine = ours(schema, result.groups ?? [])
    // Join tables for many-to-many refs are ours alone: @dbml/core has only the ref.
    const theirTables = new Set(expected.tables.map((t) => t.name))
    const joinTables = mine.tables.length - expected.tables.length
    expect({ ...mine, tables: mine.tables.filter((t) => theirTables.has(t.name)) }).toEqual(expected)
    expect(typeDisagreements(db, schema)).toEqual([])
    const refs = theirRefs(db).filter((r) => !r.manyToMany)
    const ns = new Map(schema.namespaces.map((n) => [n.id, n.name]))
    expect(ourRefs(schema, refs, (t) => theirTables.has(`${ns.get(t.namespaceId)}.${t.name}`))).toEqual(refs)
    const count = (f: (t: Table) => number) => schema.tables.reduce((n, t) => n + f(t), 0)
    const kinds = new Map<string, number>()
    for (const d of result.diagnostics) kinds.set(`${d.severity} ${d.code}`, (kinds.get(`${d.severity} ${d.code}`) ?? 0) + 1)
    figure =
      `${file}: ${schema.tables.length}/${count((t) => t.columns.length)}/${count((t) => t.foreignKeys.length)}/${count((t) => t.indexes.length)}; ` +
      `${importMs.toFixed(0)} ms; ${coreMs.toFixed(0)} ms; ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ') || 'none'}${joinTables ? `; ${joinTables} join tables` : ''}`
  })

  it('exports PostgreSQL DDL that applies, and the catalog read back equals the model', async () => {
    const { result } = await load()
    if (!result.ok) throw new Error('import failed')
    const { schema: target, stubs, rowTyped } = applicable(result.schema)
    // Dropping a thousand tables between tests exhausts PGlite's lock table: big files get their own.
    const big = target.tables.length > 500
    const targets = big ? await testDatabases() : dbs
    for (const db of targets) {
      await db.reset()
      const trip = await applyAndRead({ ...db, reset: async () => (await db.reset(), await db.exec(stubs.join('\n'))) }, target)
      const skipped = trip.diagnostics.filter((d) => d.severity === 'error')
      // What the exporter left out (refs to non-unique columns) is gone from the catalog too.
      expect(withoutCheckBodies(comparable(trip.readBack)), db.label).toEqual(withoutCheckBodies(comparable(dropSkipped(target, skipped.map((d) => d.target?.constraintId)))))
      if (db === targets[0]) figure += `; ${stubs.length} stub domains, ${rowTyped} row-typed columns left out, ${skipped.length} FKs the export left out`
    }
    if (big) await Promise.all(targets.map((d) => d.close()))
    figures.push(figure)
  }, 360_000) // the 1,010-table file alone takes 30-60 s on a loaded 2-core machine
})

/**
 * What PostgreSQL rewrites in its own words: a CHECK (`a BETWEEN 1 AND 5` becomes
 * `a >= 1 AND a <= 5`; checks are compared by name and count), jsonb defaults, `public.` prefixes.
 */
function withoutCheckBodies<T extends ReturnType<typeof comparable>>(c: T): T {
  for (const t of c.tables) {
    for (const k of t.checks) k.expression = '…'
    for (const col of t.columns) {
      const d = col.default as { expression?: string; literal?: string } | undefined
      // The catalog leaves out `public.` (it is on the search path): public.uuid_generate_v1().
      if (d?.expression) d.expression = d.expression.replace(/\bpublic\./g, '')
      // PostgreSQL stores a jsonb default in its own normal form (key order, spacing).
      if (col.type === 'jsonb' && d?.literal !== undefined) d.literal = JSON.stringify(canonicalJson(JSON.parse(d.literal)))
    }
  }
  return c
}

function canonicalJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonicalJson)
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonicalJson((v as Record<string, unknown>)[k])]))
  return v
}

/** The model without the foreign keys the export left out; the others keep the names the DDL gave them. */
function dropSkipped(schema: Schema, constraintIds: ReadonlyArray<string | undefined>): Schema {
  const skip = new Set(constraintIds.filter((x) => x !== undefined))
  const names = resolveNames(schema)
  return {
    ...schema,
    tables: schema.tables.map((t) => ({ ...t, foreignKeys: t.foreignKeys.filter((f) => !skip.has(f.id)).map((f) => ({ ...f, name: names.constraints.get(f.id)! })) })),
  }
}
