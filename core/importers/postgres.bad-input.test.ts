/**
 * Bad input never throws: syntax errors skip one statement and say where (line and column in
 * UTF-16 units, as editors count, also after multi-byte characters), files that are not SQL fail
 * with a located message, and huge or deeply nested input finishes in bounded time.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../diagnostics.ts'
import { importPostgres } from './postgres.ts'

const errors = (d: readonly Diagnostic[]) => d.filter((x) => x.severity === 'error')

describe('postgres importer: located errors', () => {
  const cases: Array<[string, string, { line: number; column: number }]> = [
    ['plain ASCII', 'CREATE TABLE a (id int);\nCREATE TABLE b (x int,, y int);', { line: 2, column: 23 }],
    ['after 2-byte characters on an earlier line', 'CREATE TABLE "bıgınt" (id int);\nCREATE TABLE b (x int,, y int);', { line: 2, column: 23 }],
    ['after 2-byte characters on the same line', 'CREATE TABLE "Résumé" (x int,, y int);', { line: 1, column: 30 }],
    ['after 3-byte characters', "COMMENT ON TABLE x IS '名前';\nCREATE TABLE \"名前\" (x int,, y int);", { line: 2, column: 26 }],
    ['after characters outside the BMP (two UTF-16 units each)', 'CREATE TABLE "🎉🎉" (x int,, y int);', { line: 1, column: 28 }],
    ['in a statement after a dollar-quoted body with a multi-byte comment', "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; -- é\n$$ LANGUAGE sql;\nSELECT 'é' FROM WHERE;", { line: 3, column: 17 }],
    ['at the end of a truncated statement', 'CREATE TABLE a (id int);\nCREATE TABLE "Ünï" (id int', { line: 2, column: 27 }],
  ]
  it.each(cases)('reports a syntax error %s', async (_, sql, location) => {
    const { result } = await importPostgres(sql)
    const [error, ...more] = errors(result.diagnostics)
    expect(more).toEqual([])
    expect(error).toMatchObject({ code: 'sql-syntax-error', location })
  })

  it('keeps every statement around a broken one', async () => {
    const { result, stats } = await importPostgres('CREATE TABLE a (id int);\nCREATE TABLE broken (id int;\nCREATE TABLE c (id int);\nCREATE TABLE d (x int REFERENCES c (id));')
    expect(result.ok && result.schema.tables.map((t) => t.name)).toEqual(['a', 'c', 'd'])
    expect(errors(result.diagnostics)).toEqual([expect.objectContaining({ location: { line: 2, column: 28 } })])
    expect(stats).toMatchObject({ imported: 3, syntaxErrors: 1 })
  })

  it('locates what PostgreSQL would reject inside a statement', async () => {
    const { result } = await importPostgres('CREATE TABLE "Größe" (id int);\nALTER TABLE "Größe" ADD CONSTRAINT k FOREIGN KEY (nope) REFERENCES "Größe" (id);')
    expect(result.diagnostics[0]).toMatchObject({
      code: 'sql-rejected-statement',
      severity: 'warning',
      message: 'Skipped ALTER TABLE: PostgreSQL would reject it (column "nope" does not exist in table "Größe").',
      location: { line: 2, column: 25 },
    })
  })

  it('skips psql meta-commands and COPY data, and goes on', async () => {
    const sql = [
      '\\restrict abc',
      '\\connect shop',
      'CREATE TABLE t (id int, note text);',
      'COPY t (id, note) FROM stdin;',
      "1\tone; CREATE TABLE not_a_table (x int); 'unclosed",
      '2\t\\N',
      '\\.',
      '\\set ON_ERROR_STOP on',
      'CREATE TABLE u (id int);',
    ].join('\n')
    const { result, stats } = await importPostgres(sql)
    expect(result.ok && result.schema.tables.map((t) => t.name)).toEqual(['t', 'u'])
    expect(result.diagnostics.filter((d) => d.code !== 'sql-import-summary').map((d) => [d.message.slice(0, 36), d.location?.line])).toEqual([
      ['Skipped the psql meta-command \\restr', 1],
      ['Skipped the psql meta-command \\conne', 2],
      ['Skipped COPY: data is not part of th', 4],
      ['Skipped the psql meta-command \\set: ', 8],
    ])
    expect(stats).toMatchObject({ statements: 3, imported: 2, skipped: 1, metaCommands: 3 })
  })
})

describe('postgres importer: bad input', () => {
  it('gives an empty file a warning, not an error', async () => {
    for (const text of ['', '   \n\n', '-- only a comment\n/* and another */']) {
      const { result } = await importPostgres(text)
      expect(result.ok).toBe(true)
      expect(result.diagnostics[0]).toMatchObject({ code: 'sql-empty-input', severity: 'warning', location: { line: 1, column: 1 } })
    }
  })

  it('refuses binary data with the position of the first NUL', async () => {
    const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('')
    const { result } = await importPostgres('CREATE TABLE a (id int);\n' + bytes)
    expect(result).toEqual({ ok: false, diagnostics: [expect.objectContaining({ code: 'sql-binary-input', location: { line: 2, column: 1 } })] })
  })

  it('fails binary-looking text without NUL with located errors, not a crash', async () => {
    const noise = Array.from({ length: 20000 }, (_, i) => String.fromCharCode(1 + ((i * 7919) % 255))).join('')
    const { result } = await importPostgres(noise)
    expect(result.ok).toBe(false)
    expect(errors(result.diagnostics).length).toBeGreaterThan(0)
    for (const d of errors(result.diagnostics)) expect(d.location).toBeDefined()
  })

  it('reads a truncated dump up to where it breaks off', async () => {
    const full = readFileSync(fileURLToPath(new URL('./__fixtures__/postgres/pg-dump.sql', import.meta.url)), 'utf8')
    const cut = full.slice(0, full.indexOf('CREATE TABLE billing.invoices') + 60)
    const { result } = await importPostgres(cut)
    expect(result.ok && result.schema.tables.map((t) => t.name)).toEqual(['customers', 'orders', 'orders_2025'])
    expect(errors(result.diagnostics)).toEqual([expect.objectContaining({ code: 'sql-syntax-error', location: { line: 128, column: 25 } })])
  })

  it.each([
    ['DBML', 'Table users {\n  id integer [pk]\n}\n', 'DBML'],
    ['JSON', '{\n  "version": 1,\n  "schema": {}\n}\n', 'JSON'],
    ['Prisma', 'datasource db {\n  provider = "postgresql"\n}\nmodel User {\n  id Int @id\n}\n', 'a Prisma schema'],
  ])('says so when given %s instead of SQL', async (_, text, format) => {
    const { result } = await importPostgres(text)
    expect(result.ok).toBe(false)
    expect(result.diagnostics[0]).toEqual({
      code: 'sql-wrong-format',
      severity: 'error',
      message: `This is not SQL: it reads as ${format}. Import it as ${format} instead.`,
      location: { line: 1, column: 1 },
    })
  })

  it('handles deeply nested expressions without exhausting any stack', async () => {
    const deep = (n: number) => `CREATE TABLE t${n} (a int DEFAULT ${'('.repeat(n)}1${')'.repeat(n)} CHECK (${'NOT '.repeat(n)}true), b int DEFAULT 1${' + 1'.repeat(n)});`
    const { result } = await importPostgres([deep(1000), deep(100_000), 'CREATE TABLE after (id int);'].join('\n'))
    expect(result.ok && result.schema.tables.map((t) => t.name)).toEqual(['t1000', 'after'])
    expect(errors(result.diagnostics)).toEqual([expect.objectContaining({ location: expect.objectContaining({ line: 2 }) })])
  })

  it('skips a single enormous statement without parsing it', async () => {
    const { result } = await importPostgres(`CREATE TABLE t (id int);\nSELECT ${'1 + '.repeat(1_000_000)}1;`)
    expect(result.ok && result.schema.tables).toHaveLength(1)
    expect(result.diagnostics[0]).toMatchObject({ code: 'sql-statement-too-long', location: { line: 2, column: 1 } })
  })

  it('reads a 50 MB dump in bounded time and memory', async () => {
    const parts = ["SET client_encoding = 'UTF8';\n"]
    for (let i = 0; i < 20; i++) parts.push(`CREATE TABLE public.t${i} (id bigint PRIMARY KEY, name text NOT NULL, note text);\n`)
    const row = (r: number) => `${r}\tname ${r}; é\tnote with 'quotes', $$ and -- dashes`
    let size = 0
    for (let k = 0; size < 50 * 1024 * 1024; k++) {
      const block = [`COPY public.t${k % 20} (id, name, note) FROM stdin;`, ...Array.from({ length: 5000 }, (_, r) => row(r)), '\\.', ''].join('\n') +
        Array.from({ length: 100 }, (_, r) => `INSERT INTO public.t${k % 20} VALUES (${r}, 'x;y', 'z');`).join('\n') + '\n'
      parts.push(block)
      size += block.length
    }
    const text = parts.join('')
    const started = performance.now()
    const { result, stats } = await importPostgres(text)
    const seconds = (performance.now() - started) / 1000
    console.log(`50 MB dump (${(text.length / 1048576).toFixed(1)} M characters, ${stats.statements} statements): ${seconds.toFixed(2)} s`)
    expect(result.ok && result.schema.tables).toHaveLength(20)
    expect(stats).toMatchObject({ imported: 20, syntaxErrors: 0 })
    // Diagnostics are capped, the rest only counted in the summary.
    expect(result.diagnostics.length).toBeLessThanOrEqual(10_001)
    expect(result.diagnostics.at(-1)?.message).toMatch(/more messages not listed/)
    expect(seconds).toBeLessThan(30)
  })
})
