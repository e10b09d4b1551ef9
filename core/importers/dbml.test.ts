/**
 * The DBML importer's decisions, one small case each: which end of a ref holds the key, what
 * one-to-one and many-to-many become, partial indexes DBML cannot write, table partials, types
 * from other databases, and errors with positions. The corpus test holds it to `@dbml/core`.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Diagnostic, Schema } from '../index.ts'
import { formatColumnType, importSchema } from '../index.ts'

async function load(text: string): Promise<{ schema: Schema; diagnostics: readonly Diagnostic[]; groups: unknown }> {
  const r = await importSchema('dbml', text)
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics))
  return { schema: r.schema, diagnostics: r.diagnostics, groups: r.groups }
}
const table = (s: Schema, name: string) => s.tables.find((t) => t.name === name)!
const fkOf = (s: Schema, name: string) =>
  table(s, name).foreignKeys.map((f) => {
    const target = s.tables.find((t) => t.id === f.target.tableId)!
    const cols = (t: Schema['tables'][number], ids: readonly string[]) => ids.map((id) => t.columns.find((c) => c.id === id)!.name).join(',')
    return `${name}(${cols(table(s, name), f.columns)}) -> ${target.name}(${cols(target, f.target.columns)})`
  })
const codes = (d: readonly Diagnostic[]) => d.map((x) => `${x.severity} ${x.code} ${x.location?.line}:${x.location?.column}`)

describe('refs', () => {
  const tables = 'Table users {\n  id int [pk]\n}\nTable profiles {\n  id int [pk]\n  user_id int UNIQUE_HERE\n}\n'
  it.each([
    ['many-to-one (>)', 'Ref: profiles.user_id > users.id', ''],
    ['one-to-many (<)', 'Ref: users.id < profiles.user_id', ''],
    ['one-to-one, key side written first', 'Ref: profiles.user_id - users.id', '[unique]'],
    ['one-to-one, key side written last', 'Ref: users.id - profiles.user_id', '[unique]'],
  ])('%s: the key is on profiles.user_id', async (_, ref, unique) => {
    const { schema, diagnostics } = await load(tables.replace('UNIQUE_HERE', unique) + ref + '\n')
    expect(fkOf(schema, 'profiles')).toEqual(['profiles(user_id) -> users(id)'])
    expect(diagnostics).toEqual([])
  })

  it('one-to-one to a column that is not unique: no UNIQUE is invented, and the importer says so', async () => {
    const { schema, diagnostics } = await load(tables.replace('UNIQUE_HERE', '') + 'Ref: profiles.user_id - users.id\n')
    expect(table(schema, 'profiles').uniques).toEqual([])
    expect(codes(diagnostics)).toEqual(['info dbml-one-to-one 8:1'])
  })

  it('keeps composite refs, names and actions', async () => {
    const { schema } = await load(
      'Table a {\n  x int\n  y int\n  indexes {\n    (x, y) [pk]\n  }\n}\nTable b {\n  x int\n  y int\n}\nRef fk_ab: b.(x, y) > a.(x, y) [delete: cascade, update: set null]\n',
    )
    expect(table(schema, 'b').foreignKeys[0]).toMatchObject({ name: 'fk_ab', onDelete: 'cascade', onUpdate: 'set null' })
    expect(fkOf(schema, 'b')).toEqual(['b(x,y) -> a(x,y)'])
  })

  it('many-to-many becomes the join table @dbml/core exports', async () => {
    const { schema, diagnostics } = await load('Table a {\n  id int [pk]\n}\nTable b {\n  id uuid [pk]\n}\nRef: a.id <> b.id\n')
    const join = table(schema, 'a_b')
    expect(join.columns.map((c) => `${c.name} ${formatColumnType(c.type)}`)).toEqual(['a_id integer', 'b_id uuid'])
    expect(fkOf(schema, 'a_b')).toEqual(['a_b(a_id) -> a(id)', 'a_b(b_id) -> b(id)'])
    expect(codes(diagnostics)).toEqual(['info dbml-many-to-many 7:1'])
  })

  it('warns where a ref points at columns that are not unique', async () => {
    const { diagnostics } = await load('Table a {\n  code int\n}\nTable b {\n  code int\n}\nRef: b.code > a.code\n')
    expect(codes(diagnostics)).toEqual(['warning dbml-ref-target 7:1'])
  })
})

describe('tables, indexes and checks', () => {
  it('keeps a partial index that DBML cannot write, and says so at its where:', async () => {
    const { schema, diagnostics } = await load("Table t {\n  id int\n  deleted_at timestamp\n  indexes {\n    id [unique, where: 'deleted_at IS NULL']\n  }\n}\n")
    expect(table(schema, 't').indexes[0]).toMatchObject({ unique: true, where: 'deleted_at IS NULL' })
    expect(codes(diagnostics)).toEqual(['warning dbml-partial-index 5:17'])
  })

  it('inlines table partials as @dbml/core does, their inline refs included', async () => {
    const { schema } = await load(
      'TablePartial audit {\n  created_by int [ref: > users.id]\n  created_at timestamp [default: `now()`]\n}\nTable users {\n  id int [pk]\n}\nTable posts {\n  id int [pk]\n  ~audit\n  title text\n}\n',
    )
    expect(table(schema, 'posts').columns.map((c) => c.name)).toEqual(['id', 'created_by', 'created_at', 'title'])
    expect(fkOf(schema, 'posts')).toEqual(['posts(created_by) -> users(id)'])
  })

  it('names column and table checks as PostgreSQL would', async () => {
    const { schema } = await load('Table t {\n  a int [check: `a > 0`]\n  b int\n  checks {\n    `a < b`\n    `b > 1` [name: "b_big"]\n  }\n}\n')
    expect(table(schema, 't').checks.map((c) => `${c.name}: ${c.expression}`)).toEqual(['t_a_check: a > 0', 't_check: a < b', 'b_big: b > 1'])
  })

  it('reads a unique hash index as btree, since PostgreSQL has no unique hash indexes', async () => {
    const { schema, diagnostics } = await load('Table t {\n  id int\n  indexes {\n    id [type: hash, unique]\n  }\n}\n')
    expect(table(schema, 't').indexes[0]).toMatchObject({ method: 'btree', unique: true })
    expect(codes(diagnostics)).toEqual(['warning dbml-index-type 4:5'])
  })

  it('keeps notes as comments and table groups for the diagram', async () => {
    const { schema, groups } = await load('Table t {\n  id int [note: "the key"]\n  Note: "a table"\n}\nTableGroup g [color: #aabbcc] {\n  t\n}\n')
    expect([table(schema, 't').comment, table(schema, 't').columns[0]!.comment]).toEqual(['a table', 'the key'])
    expect(groups).toEqual([{ id: 'tg_1', name: 'g', tableIds: [table(schema, 't').id], color: '#aabbcc' }])
  })
})

describe('types', () => {
  it.each([
    ['varchar(255)', 'varchar(255)', []],
    ['"character varying(3)"', 'varchar(3)', []],
    ['"Decimal"', 'numeric', []],
    ['int [increment]', 'serial', []],
    ['bigint [increment]', 'bigserial', []],
    ['NUMBER(10)', 'numeric(10,0)', ['info dbml-type-mapped 2:3']],
    ['datetime', 'timestamp', ['info dbml-type-mapped 2:3']],
    ['"Code"', 'Code', ['warning dbml-unknown-type 2:3']],
    ['status', 'public.status', []],
    ['s.mood', 's.mood', []],
  ])('%s is %s', async (written, type, notes) => {
    const { schema, diagnostics } = await load(`Table t {\n  c ${written}\n}\nEnum status {\n  on\n}\nEnum s.mood {\n  ok\n}\n`)
    const col = table(schema, 't').columns[0]!
    const enumName = (id: string) => {
      const e = schema.enums.find((x) => x.id === id)!
      return `${schema.namespaces.find((n) => n.id === e.namespaceId)!.name}.${e.name}`
    }
    expect(formatColumnType(col.type, { enumName })).toBe(type)
    expect(codes(diagnostics)).toEqual(notes)
  })
})

describe('errors, each with its line and column', () => {
  it.each([
    ['a ref to a missing table', 'Table a {\n  id int [pk]\n}\nRef: a.id < b.a_id\n', '4:13', /Table 'b' does not exist/],
    ['a missing closing bracket', 'Table a {\n  id int [pk\n}\n', '3:1', /^Expect/],
    ['deep nesting', `Table a {\n  id int [default: ${'('.repeat(500)}1${')'.repeat(500)}]\n}\n`, '2:118', /nested more than 100/],
    ['binary data', 'Table a {\n  id\0 int\n}\n', '2:5', /binary data/],
  ])('%s', async (_, text, at, message) => {
    const r = await importSchema('dbml', text)
    expect(r.ok).toBe(false)
    const d = r.diagnostics[0]!
    expect({ at: `${d.location!.line}:${d.location!.column}`, message: d.message }).toEqual({ at, message: expect.stringMatching(message) })
  })
})

describe('loading', () => {
  it('never imports @dbml/core statically: it stays off the initial bundle', () => {
    const root = fileURLToPath(new URL('.', import.meta.url))
    const sources = ['dbml.ts', ...readdirSync(root + 'dbml').map((f) => `dbml/${f}`)].filter((f) => !f.endsWith('.test.ts'))
    for (const f of sources) expect(readFileSync(root + f, 'utf8'), f).not.toMatch(/^import[^(]*['"]@dbml\/core['"]/m)
  })
})

describe('re-import', () => {
  it('keeps the ids of tables that kept their names, and the groups follow them', async () => {
    const text = 'Table a {\n  id int [pk]\n}\nTableGroup g {\n  a\n}\n'
    const first = await importSchema('dbml', text)
    if (!first.ok) throw new Error('import failed')
    const again = await importSchema('dbml', 'Table z {\n  id int\n}\n' + text, { previous: first.schema })
    if (!again.ok) throw new Error('import failed')
    expect(table(again.schema, 'a').id).toBe(table(first.schema, 'a').id)
    expect(again.groups![0]!.tableIds).toEqual([table(first.schema, 'a').id])
  })
})
