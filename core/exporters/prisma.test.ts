import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../diagnostics.ts'
import { blog } from '../fixtures/blog.ts'
import { edgeCases } from '../fixtures/edge-cases.ts'
import { shop } from '../fixtures/shop.ts'
import { importSchema } from '../importers/index.ts'
import type { BuiltinTypeName, Column, Schema } from '../model/schema.ts'
import { parseColumnType } from '../model/types.ts'
import { randomSchema } from '../testing/arbitrary.ts'
import { col, schema as design, table } from '../testing/build.ts'
import { comparable } from '../testing/compare.ts'
import { resolveNames } from '../model/names.ts'
import { exportSchema } from './index.ts'
import { enumValueName, fieldName, modelName } from './prisma/names.ts'
import { mapScalar } from './prisma/scalars.ts'

const fixtures = { shop, blog, 'edge-cases': edgeCases }

describe('prisma exporter', () => {
  for (const [name, schema] of Object.entries(fixtures)) {
    it(`prints ${name} as in its golden file, with its losses`, async () => {
      const out = exportSchema('prisma', schema)
      await expect(out.text).toMatchFileSnapshot(`__golden__/${name}.prisma`)
      await expect(out.diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`).join('\n') + '\n').toMatchFileSnapshot(
        `__golden__/${name}.prisma-losses.txt`,
      )
    })
    it(`prints ${name} the same way every time`, () => {
      expect(exportSchema('prisma', schema).text).toBe(exportSchema('prisma', structuredClone(schema)).text)
    })
  }

  it.each([
    ['order_items', 'OrderItem'],
    ['Invoice Lines', 'InvoiceLine'],
    ['settings', 'Settings'],
    ['user', 'User'],
    ['strings', 'StringModel'],
    ['prisma_clients', 'PrismaClientModel'],
    ['1st_place', 'Model1stPlace'],
    ['constructor', 'Constructor'],
    ['名前', undefined],
  ])('names the model for table %j %j', (table, model) => {
    expect(modelName(table)).toBe(model)
  })

  it.each([
    ['user_id', 'userId'],
    ['Mixed Case', 'mixedCase'],
    ['weird "quoted" name', 'weirdQuotedName'],
    ['emoji 🎉', 'emoji'],
    ['select', 'select'],
    ['1starts_with_digit', 'field1startsWithDigit'],
    ['名前', undefined],
  ])('names the field for column %j %j', (column, field) => {
    expect(fieldName(column)).toBe(field)
  })

  it.each([
    ['draft', 'draft'],
    ["it's new", 'it_s_new'],
    ['shipped "fast"', 'shipped_fast'],
    ['späť', 'spat'],
    ['1st', 'value1st'],
    ['🎉', undefined],
  ])('names the enum value %j %j', (value, name) => {
    expect(enumValueName(value)).toBe(name)
  })

  it.each([
    ['integer', 'Int'],
    ['smallint', 'Int @db.SmallInt'],
    ['bigserial', 'BigInt'],
    ['numeric', 'Decimal @db.Decimal'],
    ['numeric(10,2)', 'Decimal @db.Decimal(10, 2)'],
    ['double precision', 'Float'],
    ['real', 'Float @db.Real'],
    ['money', 'Decimal @db.Money'],
    ['text', 'String'],
    ['varchar(255)', 'String @db.VarChar(255)'],
    ['char(2)', 'String @db.Char(2)'],
    ['uuid', 'String @db.Uuid'],
    ['citext', 'String @db.Citext'],
    ['timestamp', 'DateTime @db.Timestamp'],
    ['timestamp(3)', 'DateTime'],
    ['timestamptz', 'DateTime @db.Timestamptz'],
    ['timestamptz(3)', 'DateTime @db.Timestamptz(3)'],
    ['date', 'DateTime @db.Date'],
    ['jsonb', 'Json'],
    ['json', 'Json @db.Json'],
    ['bytea', 'Bytes'],
    ['text[]', 'String[]'],
    ['integer[][]', 'Unsupported("integer[][]")'],
    ['tsvector', 'Unsupported("tsvector")'],
    ['interval day to second(2)', 'Unsupported("interval day to second(2)")'],
    ['"My Domain"', 'Unsupported("\\"My Domain\\"")'],
  ])('maps %s to %s', (type, prismaType) => {
    const parsed = parseColumnType(type)
    if (!parsed.ok) throw new Error(parsed.message)
    const s = mapScalar({ id: 'c' as never, name: 'c', type: parsed.type, nullable: false }, new Map(), new Map())
    const native = s.native ? ` ${s.native.name}${s.native.args.length ? `(${s.native.args.map((a) => (a.value as { text: string }).text).join(', ')})` : ''}` : ''
    const base = s.unsupported !== undefined ? `Unsupported(${JSON.stringify(s.unsupported)})` : s.name
    expect(base + (s.list ? '[]' : '') + native).toBe(prismaType)
  })

  it('names both ends of relations that join the same two tables twice', () => {
    const out = exportSchema(
      'prisma',
      design({
        users: table({ id: col('integer').primaryKey() }),
        messages: table({
          id: col('integer').primaryKey(),
          sender_id: col('integer').notNull().references('users.id'),
          recipient_id: col('integer').references('users.id'),
        }),
      }),
    )
    expect(out.text).toMatch(/ sender +User +@relation\("messages_sender_id_fkey", fields: \[senderId\], references: \[id\], onDelete: NoAction, onUpdate: NoAction\)\n/)
    expect(out.text).toMatch(/ messagesBySender +Message\[\] @relation\("messages_sender_id_fkey"\)\n/)
    expect(out.text).toMatch(/ messagesByRecipient +Message\[\] @relation\("messages_recipient_id_fkey"\)\n/)
  })

  it('marks a table without a usable key @@ignore, and says so', () => {
    const out = exportSchema('prisma', design({ logs: table({ msg: col('text') }) }))
    expect(out.text).toContain('@@ignore')
    expect(out.diagnostics.map((d) => d.code)).toEqual(['prisma-no-unique-criteria'])
  })
})

/**
 * The design as it should come back from the Prisma importer: every reported loss applied, and
 * forms Prisma writes differently but PostgreSQL reads alike made equal (a unique constraint and
 * a unique index, `now()` and `CURRENT_TIMESTAMP`, `'{}'` and `ARRAY[]`).
 */
function expectedAfterPrisma(schema: Schema, diagnostics: readonly Diagnostic[]): Schema {
  // The export keeps every database name as resolved now (`map:`), even where a loss would change
  // the name PostgreSQL derives (an index without its INCLUDE columns).
  const names = resolveNames(schema)
  const s = structuredClone(schema) as { -readonly [K in keyof Schema]: Schema[K] }
  const by = (code: string) => new Set(diagnostics.filter((d) => d.code === code).flatMap((d) => [d.target?.columnId, d.target?.constraintId, d.target?.indexId, d.target?.columnId ? undefined : d.target?.tableId, d.target?.namespaceId, d.target?.enumId]))
  const serialOf: Partial<Record<BuiltinTypeName, BuiltinTypeName>> = { smallint: 'smallserial', integer: 'serial', bigint: 'bigserial' }
  const identity = by('prisma-identity')
  const generated = by('prisma-unsupported-generated')
  const collation = by('prisma-unsupported-collation')
  const listNotNull = by('prisma-list-not-null')
  const droppedIndexes = new Set([...by('prisma-expression-index'), ...by('prisma-repeated-index-column'), ...by('prisma-index-type'), ...by('prisma-unsupported-partial-index')])
  const droppedFks = new Set([...by('prisma-relation-type-mismatch'), ...by('prisma-relation-target')])
  const include = by('prisma-unsupported-include')
  const nullsOrder = by('prisma-unsupported-nulls-order')
  const keyCollation = by('prisma-unsupported-index-collation')
  const opclass = by('prisma-unsupported-unique-opclass')
  const nnd = by('prisma-unsupported-nulls-not-distinct')
  const deferrable = by('prisma-unsupported-deferrable')
  const matchFull = by('prisma-unsupported-match-full')
  const comments = by('prisma-unsupported-comment')
  const listPk = by('prisma-list-in-primary-key')
  const trimmed = by('prisma-comment-whitespace')
  const clash = by('prisma-name-clash')
  const trim = (c: string | undefined) => c?.split(/\r\n|\r|\n/).map((l) => l.trim()).join('\n')
  s.namespaces = s.namespaces.map((n) => (comments.has(n.id) ? { ...n, comment: undefined } : n))
  s.enums = s.enums.map((e) => (trimmed.has(e.id) ? { ...e, comment: trim(e.comment) } : e))
  s.tables = s.tables.map((original) => {
    const named = <T extends { id: string }>(x: T) => ({ ...x, name: names.constraints.get(x.id as never) ?? names.indexes.get(x.id as never) })
    const t = { ...original, ...(original.primaryKey ? { primaryKey: named(original.primaryKey) } : {}), uniques: original.uniques.map(named), foreignKeys: original.foreignKeys.map(named), indexes: original.indexes.map(named) }
    const columns = t.columns.map((c): Column => {
      let out: Column = c
      if (identity.has(c.id) && c.type.kind === 'builtin') out = { ...out, identity: undefined, type: { ...c.type, name: serialOf[c.type.name]! } }
      if (generated.has(c.id)) out = { ...out, generated: undefined }
      if (collation.has(c.id)) out = { ...out, collation: undefined }
      if (listNotNull.has(c.id)) out = { ...out, nullable: true }
      if (trimmed.has(c.id)) out = { ...out, comment: trim(c.comment) }
      return out
    })
    const pkToUnique = t.primaryKey && listPk.has(t.primaryKey.id) ? [{ ...t.primaryKey, kind: 'unique' as const }] : []
    return {
      ...t,
      ...(trimmed.has(t.id) ? { comment: trim(t.comment) } : {}),
      columns,
      primaryKey: pkToUnique.length ? undefined : t.primaryKey && (comments.has(t.primaryKey.id) ? { ...t.primaryKey, comment: undefined } : t.primaryKey),
      partitionBy: undefined,
      unlogged: undefined,
      checks: [],
      uniques: [...pkToUnique, ...t.uniques].map((u) => ({ ...u, ...(nnd.has(u.id) ? { nullsNotDistinct: false } : {}), ...(comments.has(u.id) ? { comment: undefined } : {}) })),
      foreignKeys: t.foreignKeys
        .filter((f) => !droppedFks.has(f.id))
        .map((f) => (clash.has(f.id) ? { ...f, name: `${f.name}1` } : f))
        .map((f) => ({ ...f, ...(deferrable.has(f.id) ? { deferrable: undefined } : {}), ...(matchFull.has(f.id) ? { match: undefined } : {}), ...(comments.has(f.id) ? { comment: undefined } : {}) })),
      indexes: t.indexes
        .filter((i) => !droppedIndexes.has(i.id))
        .map((i) => ({
          ...i,
          include: include.has(i.id) ? [] : i.include,
          nullsNotDistinct: nnd.has(i.id) ? false : i.nullsNotDistinct,
          comment: comments.has(i.id) ? undefined : i.comment,
          keys: i.keys.map((k) => ({
            ...k,
            ...(nullsOrder.has(i.id) ? { nulls: undefined } : {}),
            ...(keyCollation.has(i.id) ? { collation: undefined } : {}),
            ...(opclass.has(i.id) ? { opclass: undefined } : {}),
          })),
        })),
    }
  })
  return s
}

/** Equal PostgreSQL meaning, different spelling: compared as one. */
function prismaEquivalent(schema: Schema) {
  const view = comparable(schema)
  return {
    ...view,
    tables: view.tables.map((t) => ({
      ...t,
      checks: [],
      columns: t.columns.map((c) => ({
        ...c,
        type: c.type.replace(/^(time|timetz|timestamp|timestamptz)\(6\)/, '$1'),
        default: c.default && 'expression' in c.default && /^(now|current_timestamp)$/.test(c.default.expression ?? '') ? { expression: 'now' } : c.default && 'expression' in c.default && /^array\[\]/.test(c.default.expression ?? '') ? { literal: '{}' } : c.default,
      })),
      // Prisma writes every unique key as a unique index; foreign key pairs may be reordered.
      uniques: [],
      indexes: [
        ...t.indexes,
        ...t.uniques.map((u) => ({ name: u.name, unique: true, method: 'btree', keys: u.columns.map((column) => ({ column })), include: [], where: undefined, nullsNotDistinct: u.nullsNotDistinct, comment: u.comment })),
      ].map((i) => ({ ...i, keys: i.keys.map((k) => Object.fromEntries(Object.entries(k).filter(([, v]) => v !== undefined))) })).sort((a, b) => (a.name < b.name ? -1 : 1)),
      foreignKeys: t.foreignKeys.map((f) => {
        const pairs = f.columns.map((c, n) => [c, f.targetColumns[n]!]).sort()
        return { ...f, columns: pairs.map((p) => p[0]), targetColumns: pairs.map((p) => p[1]) }
      }),
    })),
  }
}

async function roundTrip(schema: Schema) {
  const out = exportSchema('prisma', schema)
  const back = await importSchema('prisma', out.text)
  if (!back.ok) throw new Error(`The Prisma importer rejected the export:\n${back.diagnostics.map((d) => d.message).join('\n')}`)
  expect(prismaEquivalent(back.schema)).toEqual(prismaEquivalent(expectedAfterPrisma(schema, out.diagnostics)))
}

const corpusRoot = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url))
const corpusFiles = ['postgres', 'dbml', 'prisma'].flatMap((dir) =>
  readdirSync(corpusRoot + dir)
    .filter((f) => /\.(sql|dbml|prisma)$/.test(f))
    .sort()
    .map((f) => `${dir}/${f}`),
)

describe('prisma export read back by the prisma importer', () => {
  for (const [name, schema] of Object.entries(fixtures))
    it(`gives back ${name}, less what was reported lost`, async () => {
      await roundTrip(schema)
    })

  for (const file of corpusFiles)
    it(`gives back the corpus design ${file}, less what was reported lost`, async () => {
      const format = file.endsWith('.sql') ? 'postgres' : file.endsWith('.dbml') ? 'dbml' : 'prisma'
      const imported = await importSchema(format, readFileSync(corpusRoot + file, 'utf8'))
      if (!imported.ok) throw new Error(`${file} did not import`)
      await roundTrip(imported.schema)
    })

  it('gives back random designs, less what was reported lost', async () => {
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        await roundTrip(randomSchema(g))
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 100), endOnFailure: !!process.env.END_ON_FAILURE },
    )
  })
})
