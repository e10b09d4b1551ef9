import { describe, expect, it } from 'vitest'
import { sequentialIds } from '../model/ids.ts'
import type { Schema } from '../model/schema.ts'
import { checkStructure } from '../model/validate.ts'
import { importPostgres } from './postgres.ts'
import { reattachIds } from './reattach-ids.ts'

async function sql(text: string, salt = ''): Promise<Schema> {
  const { result } = await importPostgres(text, { ids: sequentialIds(1, salt) })
  if (!result.ok) throw new Error('import failed')
  return result.schema
}

/** Every id of a schema by what it names, e.g. `table public.users` or `column public.users.id`. */
function idsByName(s: Schema): Record<string, string> {
  const out: Record<string, string> = {}
  const ns = (id: string) => s.namespaces.find((n) => n.id === id)!.name
  for (const n of s.namespaces) out[`schema ${n.name}`] = n.id
  for (const e of s.enums) {
    out[`enum ${ns(e.namespaceId)}.${e.name}`] = e.id
    for (const v of e.values) out[`value ${e.name}.${v.name}`] = v.id
  }
  for (const t of s.tables) {
    const q = `${ns(t.namespaceId)}.${t.name}`
    out[`table ${q}`] = t.id
    for (const c of t.columns) out[`column ${q}.${c.name}`] = c.id
    if (t.primaryKey) out[`pk ${q}`] = t.primaryKey.id
    const cols = (ids: readonly string[]) => ids.map((id) => t.columns.find((x) => x.id === id)!.name).join(',')
    for (const c of t.checks) out[`check ${q}.${c.name}`] = c.id
    for (const c of [...t.uniques, ...t.foreignKeys]) out[`${c.kind} ${q}.${c.name ?? cols(c.columns)}`] = c.id
    for (const i of t.indexes) out[`index ${q}.${i.name ?? i.keys.length}`] = i.id
  }
  return out
}

const before = `
  CREATE TYPE mood AS ENUM ('happy', 'sad');
  CREATE TABLE users (id int PRIMARY KEY, email text UNIQUE, m mood, age int CHECK (age > 0));
  CREATE TABLE posts (id int PRIMARY KEY, user_id int REFERENCES users, body text);
  CREATE INDEX posts_user ON posts (user_id);`

describe('reattachIds', () => {
  it('gives every object that keeps its name its previous id, whatever the order', async () => {
    const previous = await sql(before)
    // The same design written in another order, re-imported with fresh ids.
    const next = await sql(`
      CREATE TYPE mood AS ENUM ('sad', 'happy');
      CREATE TABLE users (age int CHECK (age > 0), m mood, email text UNIQUE, id int PRIMARY KEY);
      CREATE TABLE posts (body text, user_id int REFERENCES users, id int PRIMARY KEY);
      CREATE INDEX posts_user ON posts (user_id);`, 'n')
    const merged = reattachIds(previous, next)
    expect(idsByName(merged)).toEqual(idsByName(previous))
    expect(merged.tables[1]!.columns.map((c) => c.name)).toEqual(['body', 'user_id', 'id'])
    expect(checkStructure(merged).diagnostics).toEqual([])
  })

  it('gives renamed objects new ids and keeps the rest', async () => {
    const previous = await sql(before)
    const next = await sql(`
      CREATE TYPE feeling AS ENUM ('happy', 'sad');
      CREATE TABLE users (id int PRIMARY KEY, mail text UNIQUE, m feeling, age int CHECK (age > 0));
      CREATE TABLE articles (id int PRIMARY KEY, user_id int REFERENCES users, body text);`)
    const merged = reattachIds(previous, next)
    const was = idsByName(previous)
    const now = idsByName(merged)
    for (const kept of ['table public.users', 'column public.users.id', 'column public.users.age', 'pk public.users', 'check public.users.users_age_check'])
      expect(now[kept]).toBe(was[kept])
    for (const renamed of ['enum public.feeling', 'column public.users.mail', 'table public.articles', 'column public.articles.id'])
      expect(Object.values(was)).not.toContain(now[renamed])
    expect(checkStructure(merged).diagnostics).toEqual([])
  })

  it('keeps ids unique when a table is split and fresh ids collide with kept ones', async () => {
    const previous = await sql(`CREATE TABLE people (id int PRIMARY KEY, name text, street text, city text);`)
    // Same id generator and salt: the new objects' fresh ids equal ids that previous used.
    const next = await sql(`
      CREATE TABLE addresses (id int PRIMARY KEY, street text, city text);
      CREATE TABLE people (id int PRIMARY KEY, name text, address_id int REFERENCES addresses);`)
    const merged = reattachIds(previous, next)
    const ids = Object.values(idsByName(merged))
    expect(new Set(ids).size).toBe(ids.length)
    const was = idsByName(previous)
    const now = idsByName(merged)
    expect(now['table public.people']).toBe(was['table public.people'])
    expect(now['column public.people.name']).toBe(was['column public.people.name'])
    expect(now['column public.addresses.street']).not.toBe(was['column public.people.street'])
    const fk = merged.tables.find((t) => t.name === 'people')!.foreignKeys[0]!
    expect(fk.target.tableId).toBe(now['table public.addresses'])
    expect(checkStructure(merged).diagnostics).toEqual([])
  })

  it('is what the importer does with options.previous', async () => {
    const previous = await sql(before)
    const { result } = await importPostgres(before.replace('body text', 'body text, title text'), { previous, ids: sequentialIds(1, 'x') })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const now = idsByName(result.schema)
    for (const [name, id] of Object.entries(idsByName(previous))) expect(now[name]).toBe(id)
    expect(now['column public.posts.title']).toMatch(/^co_x/)
  })
})

describe('reattachIds by position (text typed in the code panel)', () => {
  const byPosition = { byPosition: true }

  it('takes a column renamed in place, with its type unchanged, for a rename: id and relationships kept', async () => {
    const previous = await sql(before)
    const next = await sql(before.replace('user_id int REFERENCES users', 'author_id int REFERENCES users').replace('posts (user_id)', 'posts (author_id)'), 'n')
    const merged = reattachIds(previous, next, byPosition)
    const was = idsByName(previous)
    const now = idsByName(merged)
    expect(now['column public.posts.author_id']).toBe(was['column public.posts.user_id'])
    // The foreign key's default name followed the column; it is the same relationship.
    const posts = (s: Schema) => s.tables.find((t) => t.name === 'posts')!
    expect(posts(merged).foreignKeys[0]!.id).toBe(posts(previous).foreignKeys[0]!.id)
    expect(posts(merged).indexes[0]!.id).toBe(posts(previous).indexes[0]!.id)
    expect(checkStructure(merged).diagnostics).toEqual([])
  })

  it('does not take a changed name with a changed type for a rename', async () => {
    const previous = await sql(`CREATE TABLE t (id int PRIMARY KEY, email text);`)
    const next = await sql(`CREATE TABLE t (id int PRIMARY KEY, score int);`, 'n')
    const merged = reattachIds(previous, next, byPosition)
    expect(idsByName(merged)['column public.t.score']).not.toBe(idsByName(previous)['column public.t.email'])
  })

  it('without byPosition a rename stays a drop and an add (diffs of unrelated sources)', async () => {
    const previous = await sql(`CREATE TABLE t (id int PRIMARY KEY, email text);`)
    const next = await sql(`CREATE TABLE t (id int PRIMARY KEY, mail text);`, 'n')
    expect(idsByName(reattachIds(previous, next))['column public.t.mail']).not.toBe(idsByName(previous)['column public.t.email'])
  })

  it('takes a table renamed with the same columns for a rename, and keeps references to it', async () => {
    const previous = await sql(before)
    const next = await sql(before.replace('TABLE posts', 'TABLE articles').replace('ON posts', 'ON articles'), 'n')
    const merged = reattachIds(previous, next, byPosition)
    const was = idsByName(previous)
    const now = idsByName(merged)
    expect(now['table public.articles']).toBe(was['table public.posts'])
    expect(now['column public.articles.user_id']).toBe(was['column public.posts.user_id'])
    expect(checkStructure(merged).diagnostics).toEqual([])
  })

  it('keeps ids through a reorder by name, not by the new positions', async () => {
    const previous = await sql(`CREATE TABLE t (a int, b int, c text);`)
    const next = await sql(`CREATE TABLE t (c text, a int, b int);`, 'n')
    expect(idsByName(reattachIds(previous, next, byPosition))).toEqual(idsByName(previous))
  })

  it('a reorder and a rename together: the renamed one is matched only where its place and type agree', async () => {
    const previous = await sql(`CREATE TABLE t (a int, b int, c text);`)
    // b moved to the end; c renamed to d at the place c had... which is now b's; types differ, no guess.
    const next = await sql(`CREATE TABLE t (a int, d text, b int);`, 'n')
    const now = idsByName(reattachIds(previous, next, byPosition))
    const was = idsByName(previous)
    expect(now['column public.t.a']).toBe(was['column public.t.a'])
    expect(now['column public.t.b']).toBe(was['column public.t.b'])
    expect(now['column public.t.d']).not.toBe(was['column public.t.c'])
  })

  it('a split keeps the table that keeps its name and gives the new one fresh ids', async () => {
    const previous = await sql(`CREATE TABLE people (id int PRIMARY KEY, name text, street text, city text);`)
    const next = await sql(`
      CREATE TABLE people (id int PRIMARY KEY, name text, address_id int);
      CREATE TABLE addresses (id int PRIMARY KEY, street text, city text);
      ALTER TABLE people ADD FOREIGN KEY (address_id) REFERENCES addresses;`, 'n')
    const merged = reattachIds(previous, next, byPosition)
    const was = idsByName(previous)
    const now = idsByName(merged)
    expect(now['table public.people']).toBe(was['table public.people'])
    expect(now['column public.people.name']).toBe(was['column public.people.name'])
    // address_id sits where street was, but it is an int: not a rename of street.
    expect(Object.values(was)).not.toContain(now['column public.people.address_id'])
    expect(Object.values(was)).not.toContain(now['table public.addresses'])
    const ids = Object.values(now)
    expect(new Set(ids).size).toBe(ids.length)
    expect(checkStructure(merged).diagnostics).toEqual([])
  })

  it('a merge keeps the surviving table and its columns; the merged-in columns are new', async () => {
    const previous = await sql(`
      CREATE TABLE addresses (id int PRIMARY KEY, street text);
      CREATE TABLE people (id int PRIMARY KEY, name text, address_id int REFERENCES addresses);`)
    const next = await sql(`CREATE TABLE people (id int PRIMARY KEY, name text, street text);`, 'n')
    const merged = reattachIds(previous, next, byPosition)
    const was = idsByName(previous)
    const now = idsByName(merged)
    expect(now['table public.people']).toBe(was['table public.people'])
    expect(now['column public.people.name']).toBe(was['column public.people.name'])
    expect(now['pk public.people']).toBe(was['pk public.people'])
    // street takes address_id's place but not its type.
    expect(Object.values(was)).not.toContain(now['column public.people.street'])
    expect(checkStructure(merged).diagnostics).toEqual([])
  })

  it('is what the importers do with renamesByPosition', async () => {
    const previous = await sql(before)
    const { result } = await importPostgres(before.replace('email text', 'mail text'), { previous, renamesByPosition: true, ids: sequentialIds(1, 'x') })
    if (!result.ok) throw new Error('import failed')
    expect(idsByName(result.schema)['column public.users.mail']).toBe(idsByName(previous)['column public.users.email'])
  })
})
