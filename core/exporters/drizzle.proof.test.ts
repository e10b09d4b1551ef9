/**
 * The proof of the Drizzle exporter, over the fixtures, the shared corpus and random designs with
 * hostile and reserved names:
 *
 * 1. every export type-checks against drizzle-orm with `tsc` (strict), all in one compiler run;
 * 2. drizzle-kit turns it into SQL (its API, the code `drizzle-kit export` runs; the fixtures also
 *    through the CLI, which must print the same) which, applied to PostgreSQL (PGlite, and the
 *    server at DATABASE_URL), gives the same catalog as our own PostgreSQL export of the design,
 *    less exactly what the export reported as lost;
 * 3. Drizzle pairs every `relations()` end with its other end, and queries them all on PGlite.
 *
 * drizzle-kit writes names between double quotes without escaping them and splits names at `;`
 * and `,` while it works; the export reports every such name, and step 2 runs on the design with
 * those characters replaced (`kitSafe`).
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { citext } from '@electric-sql/pglite/contrib/citext'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { createTableRelationsHelpers, extractTablesRelationalConfig, normalizeRelation } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/pglite'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Diagnostic } from '../diagnostics.ts'
import { blog } from '../fixtures/blog.ts'
import { edgeCases } from '../fixtures/edge-cases.ts'
import { shop } from '../fixtures/shop.ts'
import { readCatalog } from '../importers/catalog.ts'
import { importSchema, importers } from '../importers/index.ts'
import { resolveNames } from '../model/names.ts'
import type { EnumType, Schema, Table } from '../model/schema.ts'
import { createStatements, neededExtensions } from '../sql/create-statements.ts'
import { printStatement } from '../sql/print-postgres.ts'
import { quoteIdent } from '../sql/quote.ts'
import { randomSchema } from '../testing/arbitrary.ts'
import { comparable } from '../testing/compare.ts'
import { type TestDatabase, testDatabases } from '../testing/databases.ts'
import { exportDrizzle } from './drizzle.ts'
import { kitPrintsEnum } from './drizzle/map.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
const work = `${root}test-results/drizzle/`
const corpusRoot = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url))
// Each random design is applied to PostgreSQL twice; the count keeps the file near two minutes on 2 cores.
const numRuns = Number(process.env.PROPERTY_RUNS ?? 60)
/** Larger designs are type-checked and generated but not applied: resetting them overflows PGlite's lock table. */
const maxAppliedTables = 400

interface Case {
  readonly name: string
  /** Loaded in beforeAll for corpus files. */
  load: () => Promise<Schema>
  schema?: Schema
  /** The design without the characters drizzle-kit cannot print, with types a bare database has. */
  kit?: Schema
  kitDiagnostics?: readonly Diagnostic[]
  diagnostics?: readonly Diagnostic[]
  dir?: string
}

// Words that are fine in SQL but reserved, or special, in Prisma, JavaScript or a Drizzle module.
const reservedWords = [
  'class', 'function', 'delete', 'new', 'this', 'constructor', 'prototype', '__proto__', 'await', 'async', 'yield',
  'let', 'static', 'import', 'export', 'then', 'toString', 'hasOwnProperty', 'undefined', 'NaN', 'true', 'null',
  'sql', 'relations', 'pgTable', 'pgSchema', 'pgEnum', 'integer', 'text', 'index', 'unique', 'check', 'primaryKey',
  'foreignKey', 'customType', 'one', 'many', 't', 'table', 'PgTableExtraConfigValue', 'String', 'model', 'enum',
]

/** Renames some tables, columns and enums of a random design to reserved words. */
function withReservedWords(g: fc.GeneratorValue, schema: Schema): Schema {
  const used = new Set<string>()
  for (const t of schema.tables) {
    used.add(t.name)
    for (const c of t.columns) used.add(c.name)
    for (const x of [...t.uniques, ...t.foreignKeys, ...t.indexes, ...(t.primaryKey ? [t.primaryKey] : [])]) if (x.name) used.add(x.name)
  }
  for (const e of schema.enums) used.add(e.name)
  const words = g(fc.shuffledSubarray, reservedWords.filter((w) => !used.has(w)), { minLength: 0 })
  const next = () => (g(fc.boolean) ? words.shift() : undefined)
  const enums: EnumType[] = schema.enums.map((e) => {
    const name = next()
    return name ? { ...e, name } : e
  })
  const tables: Table[] = schema.tables.map((t) => {
    const fragments = [...t.checks.map((c) => c.expression), ...t.indexes.flatMap((i) => [i.where ?? '', ...i.keys.map((k) => (k.kind === 'expression' ? k.sql : ''))])].join(' ')
    const columns = t.columns.map((c) => {
      const w = fragments.includes(c.name) || fragments.includes(quoteIdent(c.name)) ? undefined : next()
      return w ? { ...c, name: w } : c
    })
    const name = next()
    return { ...t, ...(name ? { name } : {}), columns }
  })
  return { ...schema, enums, tables }
}

/**
 * The design without what drizzle-kit cannot print (reported by the export): `"` in names becomes
 * `'`, and its separators `;` `,` `--` become `:` `.` `-`, in names and in SQL text alike; an enum
 * of public named like a built-in type gets another name.
 */
function kitSafe(schema: Schema): Schema {
  const fixName = (s: string) => (s === '__proto__' ? 'proto_' : s.replaceAll('"', "'").replaceAll(';', ':').replaceAll(',', '.').replace(/-{2,}/g, '-'))
  const named = <T extends { name?: string }>(x: T): T => (x.name === undefined ? x : { ...x, name: fixName(x.name) })
  const publicId = schema.namespaces.find((n) => n.name === 'public')?.id
  const enumName = (e: EnumType) => (kitPrintsEnum(e.name, e.namespaceId === publicId) ? fixName(e.name) : `enum ${fixName(e.name)}`)
  return {
    ...schema,
    namespaces: schema.namespaces.map(named),
    enums: schema.enums.map((e) => ({ ...e, name: enumName(e) })),
    tables: schema.tables.map((t) => {
      const fixSql = (s: string) =>
        t.columns
          .reduce((acc, c) => acc.replaceAll(quoteIdent(c.name), quoteIdent(fixName(c.name))), s)
          .replaceAll(';', ':')
          .replace(/-{2,}/g, '-')
          .replaceAll(',,', ',')
      return {
        ...named(t),
        columns: t.columns.map(named),
        ...(t.primaryKey ? { primaryKey: named(t.primaryKey) } : {}),
        uniques: t.uniques.map(named),
        checks: t.checks.map((c) => ({ ...named(c), expression: fixSql(c.expression) })),
        foreignKeys: t.foreignKeys.map(named),
        indexes: t.indexes.map((i) => ({
          ...named(i),
          ...(i.where !== undefined ? { where: fixSql(i.where) } : {}),
          keys: i.keys.map((k) => (k.kind === 'expression' ? { ...k, sql: fixSql(k.sql) } : k)),
        })),
      }
    }),
  }
}

const pgliteExtensions = new Set(['citext', 'hstore', 'ltree', 'pg_trgm', 'pgcrypto', 'uuid-ossp'])
const pgliteTypes = new Set(['citext', 'hstore', 'ltree', 'lquery'])

/**
 * The design as a bare database can hold it: types from elsewhere (domains, extensions PGlite
 * lacks) become text, with their operator classes, and extensions PGlite lacks are not asked for.
 * Both sides of the comparison use it, so it narrows what is compared without hiding a difference.
 */
function forDatabase(schema: Schema): Schema {
  return {
    ...schema,
    extensions: schema.extensions.filter((e) => pgliteExtensions.has(e)),
    tables: schema.tables.map((t) => {
      const foreign = new Set(t.columns.filter((c) => c.type.kind === 'custom' && !pgliteTypes.has(c.type.name)).map((c) => c.id))
      if (foreign.size === 0) return t
      return {
        ...t,
        columns: t.columns.map((c) => (foreign.has(c.id) ? { ...c, type: { kind: 'builtin' as const, name: 'text' as const, arrayDims: c.type.arrayDims } } : c)),
        indexes: t.indexes.map((i) => ({ ...i, keys: i.keys.map((k) => (k.kind === 'column' && foreign.has(k.columnId) ? { ...k, opclass: undefined } : k)) })),
      }
    }),
  }
}

/**
 * The design as drizzle-kit's SQL should build it: each reported loss applied, and every
 * constraint and index keeping the name resolved now (the export writes them all out).
 */
function expectedAfterDrizzle(schema: Schema, diagnostics: readonly Diagnostic[]): Schema {
  const names = resolveNames(schema)
  const by = (code: string) => new Set(diagnostics.filter((d) => d.code === code).map((d) => d.target?.columnId ?? d.target?.constraintId ?? d.target?.indexId ?? d.target?.tableId ?? d.target?.enumId ?? d.target?.namespaceId))
  const comment = by('drizzle-unsupported-comment')
  const collation = by('drizzle-unsupported-collation')
  const include = by('drizzle-unsupported-include')
  const nnd = by('drizzle-unsupported-nulls-not-distinct')
  const deferrable = by('drizzle-unsupported-deferrable')
  const matchFull = by('drizzle-unsupported-match-full')
  const noInherit = by('drizzle-unsupported-no-inherit')
  const partition = by('drizzle-unsupported-partition')
  const unlogged = by('drizzle-unsupported-unlogged')
  const merged = by('drizzle-kit-merged-unique')
  const uncomment = <T extends { id: string; comment?: string }>(x: T): T => (comment.has(x.id as never) ? { ...x, comment: undefined } : x)
  const named = <T extends { id: string }>(x: T) => ({ ...x, name: names.constraints.get(x.id as never) ?? names.indexes.get(x.id as never) })
  return {
    ...schema,
    namespaces: schema.namespaces.map(uncomment),
    enums: schema.enums.map(uncomment),
    tables: schema.tables.map((t) => ({
      ...uncomment(t),
      partitionBy: partition.has(t.id) ? undefined : t.partitionBy,
      unlogged: unlogged.has(t.id) ? undefined : t.unlogged,
      columns: t.columns.map((c) => ({ ...uncomment(c), ...(collation.has(c.id) ? { collation: undefined } : {}) })),
      ...(t.primaryKey ? { primaryKey: uncomment(named(t.primaryKey)) } : {}),
      uniques: t.uniques.filter((u) => !merged.has(u.id)).map((u) => uncomment(named(u))),
      checks: t.checks.map((c) => ({ ...uncomment(c), ...(noInherit.has(c.id) ? { noInherit: undefined } : {}) })),
      foreignKeys: t.foreignKeys.map((f) => ({
        ...uncomment(named(f)),
        ...(deferrable.has(f.id) ? { deferrable: undefined } : {}),
        ...(matchFull.has(f.id) ? { match: undefined } : {}),
      })),
      indexes: t.indexes.map((i) => ({
        ...uncomment(named(i)),
        ...(include.has(i.id) ? { include: [] } : {}),
        ...(nnd.has(i.id) ? { nullsNotDistinct: undefined } : {}),
      })),
    })),
  }
}

const fixtures: Record<string, Schema> = { shop, blog, 'edge-cases': edgeCases }
const corpusFiles = ['postgres', 'dbml', 'prisma'].flatMap((dir) =>
  readdirSync(corpusRoot + dir)
    .filter((f) => f.endsWith(dir === 'postgres' ? '.sql' : `.${dir}`))
    .sort()
    .map((f) => ({ file: `${dir}/${f}`, format: dir })),
)
const randomDesigns = fc.sample(
  fc.gen().map((g) => withReservedWords(g, randomSchema(g))),
  { numRuns, seed: Number(process.env.PROPERTY_SEED ?? 20240611) },
)

const cases: Case[] = [
  ...Object.entries(fixtures).map(([name, s]) => ({ name, load: async () => s })),
  ...corpusFiles
    .filter((c) => Object.hasOwn(importers, c.format))
    .map(({ file, format }) => ({
      name: file,
      load: async () => {
        const r = await importSchema(format, readFileSync(corpusRoot + file, 'utf8'))
        if (!r.ok) throw new Error(`${file} did not import`)
        return r.schema
      },
    })),
  ...randomDesigns.map((s, i) => ({ name: `random-${i}`, load: async () => s })),
]
const waiting = corpusFiles.filter((c) => !Object.hasOwn(importers, c.format))

/** tsc's output, awaited by the type-check tests only: the database tests run meanwhile. */
let typeCheck: Promise<string>
let databases: TestDatabase[] = []

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true })
  const files: string[] = []
  for (const c of cases) {
    c.schema = await c.load()
    c.kit = forDatabase(kitSafe(c.schema))
    c.dir = `${work}${c.name.replace(/[^\w.-]+/g, '_')}/`
    mkdirSync(c.dir, { recursive: true })
    const out = exportDrizzle(c.schema)
    const kitOut = exportDrizzle(c.kit)
    c.diagnostics = out.diagnostics
    c.kitDiagnostics = kitOut.diagnostics
    writeFileSync(c.dir + 'schema.ts', out.text)
    writeFileSync(c.dir + 'kit.ts', kitOut.text)
    files.push(c.dir + 'schema.ts')
    if (kitOut.text !== out.text) files.push(c.dir + 'kit.ts')
  }
  // One compiler run for every module: tsc starts slowly, and two cores are all we have.
  writeFileSync(
    work + 'tsconfig.json',
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', skipLibCheck: true, types: [], noUncheckedIndexedAccess: true, verbatimModuleSyntax: true },
      files,
    }),
  )
  typeCheck = new Promise((resolve) => {
    const tsc = spawn(`${root}node_modules/.bin/tsc`, ['-p', work + 'tsconfig.json'])
    let out = ''
    tsc.stdout.on('data', (d: Buffer) => (out += d.toString()))
    tsc.stderr.on('data', (d: Buffer) => (out += d.toString()))
    tsc.on('close', () => resolve(out))
  })
  databases = await testDatabases()
}, 600_000)

afterAll(async () => {
  for (const db of databases) await db.close()
})

async function kitSql(file: string): Promise<string[]> {
  const api = await import('drizzle-kit/api')
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>
  return api.generateMigration(api.generateDrizzleJson({}), api.generateDrizzleJson(mod))
}

async function catalogOf(db: TestDatabase, statements: readonly string[], extensions: readonly string[]) {
  await db.reset()
  for (const e of extensions) await db.exec(`CREATE EXTENSION IF NOT EXISTS ${quoteIdent(e)}`)
  for (const s of statements) await db.exec(s)
  return comparable(await readCatalog(db.query))
}

describe('drizzle export', () => {
  it.for(cases.map((c) => c.name))('%s: drizzle-kit builds the catalog our PostgreSQL export builds', async (name, ctx) => {
    const c = cases.find((x) => x.name === name)!
    // What drizzle-kit cannot print is reported; the rest of the proof runs on the design without it.
    expect(c.kitDiagnostics!.filter((d) => d.code === 'drizzle-kit-unsafe-text' || d.code === 'drizzle-kit-enum-name')).toEqual([])
    if (c.kitDiagnostics!.some((d) => d.code === 'drizzle-kit-custom-type')) return ctx.skip('custom types drizzle-kit cannot print, reported')
    const sql = await kitSql(c.dir + 'kit.ts')
    const expected = expectedAfterDrizzle(c.kit!, c.kitDiagnostics!)
    if (expected.tables.length > maxAppliedTables) return ctx.skip(`${expected.tables.length} tables: type-checked and generated, not applied (PGlite's lock table)`)
    const ours = createStatements(expected).statements.map(printStatement)
    // drizzle-kit adds foreign keys before indexes: one that needs a unique index goes last.
    const fkLast = [...sql.filter((s) => !/ FOREIGN KEY /.test(s)), ...sql.filter((s) => / FOREIGN KEY /.test(s))]
    for (const db of databases) {
      let want
      try {
        want = await catalogOf(db, ours, neededExtensions(expected))
      } catch (e) {
        // Designs that need functions, sequences or domains the model does not hold cannot be applied alone.
        const message = (e as Error).message
        if (!/does not exist|is not available/.test(message)) throw e
        return ctx.skip(`our own PostgreSQL export does not apply alone on ${db.label}: ${message}`)
      }
      const got = await catalogOf(db, fkLast, neededExtensions(expected))
      expect(got, `on ${db.label}`).toEqual(want)
    }
  })

  it('prints the same SQL through the drizzle-kit CLI as through its API', async () => {
    for (const name of Object.keys(fixtures)) {
      const c = cases.find((x) => x.name === name)!
      const cli = spawnSync(`${root}node_modules/.bin/drizzle-kit`, ['export', '--dialect', 'postgresql', '--schema', c.dir + 'kit.ts'], { encoding: 'utf8', cwd: root })
      expect(cli.status, cli.stderr).toBe(0)
      // The CLI sorts tables by name; the statements are the same.
      const statements = (s: string) => s.split(/;\s*(?:--> statement-breakpoint)?\n/).map((x) => x.replace(/\s+/g, ' ').replace(/;$/, '').trim()).filter(Boolean).sort()
      expect(statements(cli.stdout)).toEqual(statements((await kitSql(c.dir + 'kit.ts')).join(';\n') + ';\n'))
    }
  }, 120_000)

  it('reads every corpus file with a registered importer', () => {
    expect(waiting.map((w) => w.file)).toEqual([])
  })
})

const resetSql = `
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT nspname FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg_temp_%' AND nspname NOT LIKE 'pg_toast_temp_%' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname);
  END LOOP;
  CREATE SCHEMA public;
END $$;`

describe('drizzle relations', () => {
  let pglite: PGlite
  beforeAll(async () => {
    pglite = await PGlite.create({ extensions: { citext, pg_trgm } })
  })
  afterAll(async () => {
    await pglite.close()
  })

  it.for(cases.map((c) => c.name))('%s: every relation finds its other end, and queries run', async (name) => {
    const c = cases.find((x) => x.name === name)!
    const mod = (await import(pathToFileURL(c.dir + 'kit.ts').href)) as Record<string, unknown>
    const config = extractTablesRelationalConfig(mod, createTableRelationsHelpers)
    for (const table of Object.values(config.tables))
      for (const relation of Object.values(table.relations)) expect(() => normalizeRelation(config.tables, config.tableNamesMap, relation)).not.toThrow()
    // A real query through every relation of every table, on the design applied from drizzle-kit.
    if (!name.startsWith('random') && !(name in fixtures)) return
    await pglite.exec(resetSql)
    for (const e of neededExtensions(c.kit!)) await pglite.exec(`CREATE EXTENSION IF NOT EXISTS ${quoteIdent(e)}`)
    const sql = await kitSql(c.dir + 'kit.ts')
    for (const s of [...sql.filter((x) => !/ FOREIGN KEY /.test(x)), ...sql.filter((x) => / FOREIGN KEY /.test(x))]) await pglite.exec(s)
    const db = drizzle(pglite, { schema: mod })
    const query = db.query as unknown as Record<string, { findMany(args: object): Promise<unknown[]> }>
    const aliasTooLong = new Set(c.kitDiagnostics!.filter((d) => d.code === 'drizzle-query-alias-length').map((d) => d.target?.table))
    for (const [key, table] of Object.entries(config.tables)) {
      if (aliasTooLong.has(`${table.schema ?? 'public'}.${table.dbName}`)) continue
      const withAll = Object.fromEntries(Object.keys(table.relations).map((r) => [r, true]))
      await expect(query[key]!.findMany({ with: withAll, limit: 1 })).resolves.toEqual([])
    }
  })
})

// Last, so that the database tests above run while tsc works.
describe('drizzle export, type-checked', () => {
  it.for(cases.map((c) => c.name))('%s type-checks against drizzle-orm', async (name) => {
    const typeErrors = await typeCheck
    const c = cases.find((x) => x.name === name)!
    const errors = typeErrors.split('\n').filter((l) => l.startsWith(c.dir!) || l.startsWith(c.dir!.slice(root.length)))
    expect(errors).toEqual([])
  })
})
