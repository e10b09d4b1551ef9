/**
 * The Prisma importer's mapping decisions as small tables (types, defaults, names, relations,
 * join tables), and its errors with positions. The corpus test holds the whole to Prisma's engine.
 */
import { describe, expect, it } from 'vitest'
import type { Diagnostic, Schema } from '../index.ts'
import { formatColumnType, importSchema, resolveNames } from '../index.ts'

const pg = 'datasource db {\n  provider = "postgresql"\n}\n'

async function load(body: string, header = pg): Promise<{ schema: Schema; diagnostics: readonly Diagnostic[] }> {
  const r = await importSchema('prisma', header + body)
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics))
  return { schema: r.schema, diagnostics: r.diagnostics }
}
async function failure(body: string, header = pg) {
  const r = await importSchema('prisma', header + body)
  expect(r.ok).toBe(false)
  return r.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ at: `${d.location!.line - header.split('\n').length + 1}:${d.location!.column}`, message: d.message }))
}
const table = (s: Schema, name: string) => s.tables.find((t) => t.name === name)!
const column = (s: Schema, t: string, c: string) => table(s, t).columns.find((x) => x.name === c)!
const codes = (d: readonly Diagnostic[]) => d.map((x) => `${x.severity} ${x.code} ${x.location?.line}:${x.location?.column}`)

describe('column types, as Prisma Migrate creates them on PostgreSQL', () => {
  it.each([
    ['String', 'text'],
    ['Int', 'integer'],
    ['BigInt', 'bigint'],
    ['Float', 'double precision'],
    ['Decimal', 'numeric(65,30)'],
    ['Boolean', 'boolean'],
    ['DateTime', 'timestamp(3)'],
    ['Json', 'jsonb'],
    ['Bytes', 'bytea'],
    ['String[]', 'text[]'],
    ['String @db.VarChar(191)', 'varchar(191)'],
    ['String @db.Char(2)', 'char(2)'],
    ['String @db.Uuid', 'uuid'],
    ['String @db.Citext', 'citext'],
    ['Int @db.SmallInt', 'smallint'],
    ['Decimal @db.Decimal(10, 2)', 'numeric(10,2)'],
    ['Decimal @db.Money', 'money'],
    ['DateTime @db.Timestamptz(6)', 'timestamptz(6)'],
    ['DateTime @db.Date', 'date'],
    ['Json @db.Json', 'json'],
    ['Unsupported("tsvector")', 'tsvector'],
    ['Int @default(autoincrement())', 'serial'],
    ['BigInt @default(autoincrement())', 'bigserial'],
    ['Int @db.SmallInt @default(autoincrement())', 'smallserial'],
  ])('%s is %s', async (field, type) => {
    const { schema } = await load(`model T {\n  k Int @id\n  f ${field}\n}\n`)
    expect(formatColumnType(column(schema, 'T', 'f').type)).toBe(type)
  })

  it('makes optional fields and lists nullable, required ones NOT NULL', async () => {
    const { schema } = await load('model T {\n  a String\n  b String?\n  c String[]\n  @@id([a])\n}\n')
    expect(table(schema, 'T').columns.map((c) => [c.name, c.nullable])).toEqual([['a', false], ['b', true], ['c', true]])
  })
})

describe('defaults', () => {
  it.each([
    ['String @default("it\'s")', { kind: 'literal', value: "it's" }],
    ['Int @default(-3)', { kind: 'literal', value: '-3' }],
    ['Boolean @default(false)', { kind: 'literal', value: 'false' }],
    ['Role @default(ADMIN)', { kind: 'literal', value: 'admin' }],
    ['DateTime @default(now())', { kind: 'expression', sql: 'CURRENT_TIMESTAMP' }],
    ['String @default(dbgenerated("gen_random_uuid()")) @db.Uuid', { kind: 'expression', sql: 'gen_random_uuid()' }],
    ['Json @default("{}")', { kind: 'literal', value: '{}' }],
    ['Bytes @default("aGk=")', { kind: 'literal', value: '\\x6869' }],
    ['String[] @default(["a", "b"])', { kind: 'expression', sql: "ARRAY['a', 'b']::text[]" }],
    ['Role[] @default([ADMIN])', { kind: 'expression', sql: `ARRAY['admin']::"Role"[]` }],
  ])('%s', async (field, value) => {
    const { schema } = await load(`enum Role {\n  ADMIN @map("admin")\n  USER\n}\nmodel T {\n  k Int @id\n  f ${field}\n}\n`)
    expect(column(schema, 'T', 'f').default).toEqual(value)
  })

  it('leaves uuid(), cuid(), nanoid() and @updatedAt to Prisma Client, and says so where they are', async () => {
    const { schema, diagnostics } = await load('model T {\n  id String @id @default(cuid())\n  u String @default(uuid(7))\n  at DateTime @updatedAt\n}\n')
    expect(table(schema, 'T').columns.map((c) => c.default)).toEqual([undefined, undefined, undefined])
    expect(diagnostics.map((d) => [d.severity, d.code, d.location!.line])).toEqual([
      ['info', 'prisma-client-default', 5],
      ['info', 'prisma-client-default', 6],
      ['info', 'prisma-client-default', 7],
    ])
  })
})

describe("Prisma's names", () => {
  it('keeps the names PostgreSQL would not give, and drops those it would', async () => {
    const { schema } = await load(
      'model User {\n  id Int @id\n  email String @unique\n  posts Post[]\n}\n' +
        'model Post {\n  id Int @id\n  title String\n  author User @relation(fields: [authorId], references: [id])\n  authorId Int\n  @@index([title])\n}\n',
    )
    const user = table(schema, 'User')
    const post = table(schema, 'Post')
    expect([user.primaryKey!.name, post.foreignKeys[0]!.name, post.indexes[0]!.name]).toEqual([undefined, undefined, undefined])
    // A unique index: Prisma says User_email_key where PostgreSQL would say User_email_idx.
    expect(user.indexes[0]).toMatchObject({ name: 'User_email_key', unique: true })
    const names = resolveNames(schema)
    expect([names.constraints.get(user.primaryKey!.id), names.constraints.get(post.foreignKeys[0]!.id)]).toEqual(['User_pkey', 'Post_authorId_fkey'])
  })

  it('cuts long names at the end, as Prisma does, and keeps them where PostgreSQL would cut differently', async () => {
    const long = 'a'.repeat(40)
    const { schema } = await load(`model ${long} {\n  id Int @id\n  ${'b'.repeat(30)} Int\n  @@index([${'b'.repeat(30)}])\n}\n`)
    expect(table(schema, long).indexes[0]!.name).toBe(`${long}_${'b'.repeat(18)}_idx`)
  })

  it('uses map: names', async () => {
    const { schema } = await load('model T {\n  id Int @id(map: "t_pk")\n  a Int @unique(map: "t_a")\n  @@index([a], map: "t_a_ix")\n  @@map("tee")\n}\n')
    const t = table(schema, 'tee')
    expect([t.primaryKey!.name, ...t.indexes.map((i) => i.name)]).toEqual(['t_pk', 't_a', 't_a_ix'])
  })
})

describe('relations', () => {
  const models = (attrs: string, optional = false) =>
    `model User {\n  id Int @id\n  posts Post[]\n}\nmodel Post {\n  id Int @id\n  author User${optional ? '?' : ''} @relation(fields: [authorId], references: [id]${attrs})\n  authorId Int${optional ? '?' : ''}\n}\n`
  it.each([
    ['a required relation', models(''), ['restrict', 'cascade']],
    ['an optional relation', models('', true), ['set null', 'cascade']],
    ['explicit actions', models(', onDelete: Cascade, onUpdate: NoAction'), ['cascade', 'no action']],
  ])('%s gets Prisma\'s actions', async (_, body, [onDelete, onUpdate]) => {
    const fk = table((await load(body)).schema, 'Post').foreignKeys[0]!
    expect([fk.onDelete, fk.onUpdate]).toEqual([onDelete, onUpdate])
  })

  it('an implicit many-to-many relation is the join table Prisma creates', async () => {
    const { schema } = await load('model Post {\n  id Int @id @default(autoincrement())\n  tags Tag[]\n}\nmodel Tag {\n  id String @id @db.Uuid\n  posts Post[]\n}\n')
    const join = table(schema, '_PostToTag')
    const names = resolveNames(schema)
    expect(join.columns.map((c) => [c.name, formatColumnType(c.type), c.nullable])).toEqual([['A', 'integer', false], ['B', 'uuid', false]])
    expect(names.constraints.get(join.primaryKey!.id)).toBe('_PostToTag_AB_pkey')
    expect(join.indexes.map((i) => names.indexes.get(i.id))).toEqual(['_PostToTag_B_index'])
    expect(join.foreignKeys.map((f) => [names.constraints.get(f.id), f.onDelete, f.onUpdate])).toEqual([
      ['_PostToTag_A_fkey', 'cascade', 'cascade'],
      ['_PostToTag_B_fkey', 'cascade', 'cascade'],
    ])
  })

  it('names the join table after an explicit relation name, in the schema of model A', async () => {
    const { schema } = await load(
      'model B {\n  id Int @id\n  as A[] @relation("links")\n  @@schema("two")\n}\nmodel A {\n  id Int @id\n  bs B[] @relation("links")\n  @@schema("one")\n}\n',
      'datasource db {\n  provider = "postgresql"\n  schemas = ["one", "two"]\n}\n',
    )
    const join = table(schema, '_links')
    expect(schema.namespaces.find((n) => n.id === join.namespaceId)!.name).toBe('one')
  })

  it('creates no foreign keys under relationMode = "prisma", as Migrate, and warns', async () => {
    const { schema, diagnostics } = await load(models(''), 'datasource db {\n  provider = "postgresql"\n  relationMode = "prisma"\n}\n')
    expect(table(schema, 'Post').foreignKeys).toEqual([])
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'prisma-relation-mode', location: { line: 3, column: 3 } })])
  })
})

describe('datasources and documentation', () => {
  it.each([
    ['Prisma 6 (url in the datasource)', 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n  directUrl = env("DIRECT")\n}\n', []],
    ['Prisma 7 (no url)', pg, []],
    ['SQLite', 'datasource db {\n  provider = "sqlite"\n  url = "file:./dev.db"\n}\n', ['info prisma-provider 2:3']],
  ])('%s', async (_, header, notes) => {
    const { diagnostics } = await load('model T {\n  id Int @id\n}\n', header)
    expect(diagnostics.map((d) => `${d.severity} ${d.code} ${d.location!.line}:${d.location!.column}`)).toEqual(notes)
  })

  it('reads MySQL native types as their PostgreSQL counterparts, and says which', async () => {
    const { schema, diagnostics } = await load('model T {\n  id Int @id\n  a DateTime @db.DateTime(0)\n  b String @db.LongText\n}\n', 'datasource db {\n  provider = "mysql"\n}\n')
    expect(table(schema, 'T').columns.map((c) => formatColumnType(c.type))).toEqual(['integer', 'timestamp(0)', 'text'])
    expect(diagnostics.filter((d) => d.code === 'prisma-native-type').map((d) => d.location!.line)).toEqual([6, 7])
  })

  it('turns /// comments, above or after a declaration, into comments', async () => {
    const { schema } = await load('/// People\nmodel User {\n  /// The key\n  id Int @id /// never reused\n}\n')
    expect([table(schema, 'User').comment, column(schema, 'User', 'id').comment]).toEqual(['People', 'The key\nnever reused'])
  })
})

describe('errors, each with its line and column', () => {
  it.each([
    ['an unknown type', 'model T {\n  id Int @id\n  name Strin\n}\n', '3:8', /Type "Strin"/],
    ['an unknown attribute', 'model T {\n  id Int @id @key\n}\n', '2:14', /Attribute not known: "@key"/],
    ['two fields on one line', 'model T {\n  id Int @id b Int\n}\n', '2:14', /must end here/],
    ['a block opened on the next line', 'model T\n{\n  id Int @id\n}\n', '1:8', /Expected "\{" on the same line/],
    ['a model never closed', 'model T {\n  id Int @id\n', '1:1', /never closed/],
    ['an unclosed string', 'model T {\n  id String @id @default("x)\n}\n', '2:26', /not closed/],
    ['an attribute over two lines', 'model T {\n  id Int\n  @@id([id,\n  ])\n}\n', '3:8', /"\[" opened here is not closed on its line/],
    ['an index on a missing field', 'model T {\n  id Int @id\n  @@index([nope])\n}\n', '3:12', /no scalar field "nope"/],
    ['a relation to a missing field', 'model A {\n  id Int @id\n  b B @relation(fields: [bId], references: [id])\n}\nmodel B {\n  id Int @id\n  as A[]\n}\n', '3:26', /no scalar field "bId"/],
  ])('%s', async (_, body, at, message) => {
    expect((await failure(body))[0]).toEqual({ at, message: expect.stringMatching(message) })
  })

  it('a MongoDB schema, at its provider', async () => {
    const r = await importSchema('prisma', 'datasource db {\n  provider = "mongodb"\n}\nmodel T {\n  id String @id\n}\n')
    expect(r.ok).toBe(false)
    expect(r.diagnostics[0]).toMatchObject({ location: { line: 2, column: 3 }, message: expect.stringMatching(/MongoDB has collections/) })
  })
})

describe('re-import', () => {
  it('keeps the ids of everything that kept its name', async () => {
    const first = await load('model User {\n  id Int @id\n  email String\n}\n')
    const r = await importSchema('prisma', pg + 'model User {\n  id Int @id\n  mail String\n}\n', { previous: first.schema, ids: undefined })
    if (!r.ok) throw new Error('import failed')
    const [a, b] = [table(first.schema, 'User'), table(r.schema, 'User')]
    expect(b.id).toBe(a.id)
    expect(b.columns[0]!.id).toBe(a.columns[0]!.id)
    expect(b.columns[1]!.id).not.toBe(a.columns[1]!.id)
  })
})

describe('views', () => {
  it('leaves views out, with a note, and relation fields to them are no columns', async () => {
    const { schema, diagnostics } = await load('model User {\n  id Int @id\n  stats UserStats?\n}\nview UserStats {\n  userId Int @unique\n  user User @relation(fields: [userId], references: [id])\n}\n')
    expect(schema.tables.map((t) => t.name)).toEqual(['User'])
    expect(table(schema, 'User').columns.map((c) => c.name)).toEqual(['id'])
    expect(codes(diagnostics)).toEqual(['info prisma-skipped 8:1'])
  })
})
