/**
 * `crowsfoot import`, and every other command reading any importable format, through the real
 * launcher in a real process: streams, exit codes and the one-line located messages included.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDocument } from '../index.ts'

const bin = fileURLToPath(new URL('../../bin/crowsfoot.js', import.meta.url))
const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url))
let dir = ''

function crowsfoot(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CROWSFOOT_DEBUG: '' } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
const write = (name: string, content: string | Uint8Array) => writeFileSync(join(dir, name), content)
const read = (name: string) => readFileSync(join(dir, name), 'utf8')
const fromCorpus = (path: string) => readFileSync(corpus + path, 'utf8')
const located = /^[^\n]+:\d+:\d+: (error|warning|info): [^\n]+ \([a-z-]+\)$/

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crowsfoot-import-'))
  write('hoppscotch.prisma', fromCorpus('prisma/hoppscotch.prisma'))
  write('ecommerce.dbml', fromCorpus('dbml/dbml-playground-ecommerce.dbml'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('crowsfoot import', () => {
  it.each([
    ['hoppscotch.prisma', 'prisma', 23],
    ['ecommerce.dbml', 'dbml', 5],
  ])('reads %s as %s: the design on stdout, one located line per finding and a summary on stderr', (file, format, tables) => {
    const r = crowsfoot('import', file)
    expect(r.code).toBe(0)
    const doc = parseDocument(r.stdout)
    expect(doc.ok && doc.document.schema.tables.length).toBe(tables)
    const lines = r.stderr.trimEnd().split('\n')
    for (const line of lines.slice(0, -1)) expect(line).toMatch(located)
    expect(lines.at(-1)).toMatch(new RegExp(`^${file}: imported ${tables} tables, .* \\(${format}\\)`))
  })

  it('keeps DBML table groups in the layout, and -o writes the file', () => {
    expect(crowsfoot('import', 'ecommerce.dbml', '-o', 'shop.crowsfoot.json')).toMatchObject({ code: 0, stdout: '' })
    const doc = parseDocument(read('shop.crowsfoot.json'))
    if (!doc.ok) throw new Error('not a document')
    expect(doc.document.layout.groups?.map((g) => [g.name, g.tableIds.length])).toEqual([['ecommerce_core', 5]])
    expect(doc.document.name).toBe('ecommerce')
  })

  it('takes the format from --from, or from the content when the name says nothing', () => {
    write('schema.txt', fromCorpus('prisma/prisma-dbml-generator.prisma'))
    expect(crowsfoot('import', 'schema.txt').stderr).toMatch(/\(prisma\)/)
    write('model.txt', fromCorpus('dbml/dbml-general-schema.dbml'))
    expect(crowsfoot('import', 'model.txt', '--from', 'dbml').stderr).toMatch(/imported 6 tables.*\(dbml\)/)
  })

  it('re-imports its own output unchanged (the native file is a format too)', () => {
    crowsfoot('import', 'hoppscotch.prisma', '-o', 'h.crowsfoot.json')
    const again = crowsfoot('import', 'h.crowsfoot.json')
    expect(again.code).toBe(0)
    expect(again.stdout).toBe(read('h.crowsfoot.json'))
  })
})

describe('every command takes every importable format', () => {
  it('exports a Prisma schema and a DBML file as PostgreSQL, with the import findings on stderr', () => {
    for (const file of ['hoppscotch.prisma', 'ecommerce.dbml']) {
      const r = crowsfoot('export', file, '--to', 'postgres')
      expect(r.code).toBe(0)
      expect(r.stdout).toMatch(/^CREATE TABLE /m)
      for (const line of r.stderr.trimEnd().split('\n').filter((l) => l.startsWith(file))) expect(line).toMatch(located)
    }
  })

  it('exports a file whose name says nothing, read as --from says', () => {
    write('design.txt', fromCorpus('dbml/dbml-general-schema.dbml'))
    const r = crowsfoot('export', 'design.txt', '--from', 'dbml', '--to', 'postgres')
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^CREATE TABLE public\.orders/m)
  })
})

const prismaText = fromCorpus('prisma/hoppscotch.prisma')
const dbmlText = fromCorpus('dbml/dbml-parse-bench-25k.dbml')
const nested = (n: number) => '['.repeat(n) + '1' + ']'.repeat(n)
const at = (text: string, needle: string) => {
  const before = text.slice(0, text.indexOf(needle))
  return `${before.split('\n').length}:${before.length - before.lastIndexOf('\n')}`
}
const cutPrisma = prismaText.slice(0, prismaText.indexOf('model TeamInvitation') + 60)
const cutDbml = dbmlText.slice(0, 20_000)

// [case, file name, content, expected start of the one stderr line, message pattern]
const badInput: Array<[string, string, string | Uint8Array, string, RegExp]> = [
  ['a truncated Prisma schema', 'cut.prisma', cutPrisma, `cut.prisma:${at(cutPrisma, 'model TeamInvitation')}: `, /never closed/],
  ['a truncated DBML file', 'cut.dbml', cutDbml, 'cut.dbml:', /EOF|Expect|closing/i],
  ['DBML in a .prisma file', 'wrong.prisma', fromCorpus('dbml/dbml-general-schema.dbml'), 'wrong.prisma:1:1: ', /looks like DBML/],
  ['Prisma in a .dbml file', 'wrong.dbml', prismaText, 'wrong.dbml:', /looks like a Prisma schema/],
  ['SQL in a .dbml file', 'ddl.dbml', 'CREATE TABLE t (id int primary key);\n', 'ddl.dbml:1:', /looks like PostgreSQL DDL/],
  ['binary data in a .prisma file', 'logo.prisma', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'logo.prisma:1:1: ', /not a text file/],
  ['NUL bytes in a .dbml file', 'nul.dbml', 'Table t {\n  id int\0\0\n}\n', 'nul.dbml:2:9: ', /binary data/],
  ['brackets nested 100,000 deep in Prisma', 'deep.prisma', `model A {\n  id Int @id @default(dbgenerated(${nested(100_000)}))\n}\n`, 'deep.prisma:2:', /nested more than/],
  ['brackets nested 100,000 deep in DBML', 'deep.dbml', `Table t {\n  a int [default: ${'('.repeat(100_000)}1${')'.repeat(100_000)}]\n}\n`, 'deep.dbml:2:', /nested more than/],
  ['a DBML ref to a missing table', 'ref.dbml', 'Table a {\n  id int [pk]\n}\nRef: a.id < b.a_id\n', 'ref.dbml:4:13: ', /Table 'b' does not exist/],
  ['an unknown --from', 'hoppscotch.prisma', prismaText, '<command-line>:1:', /Unknown format "yaml"/],
]

describe('bad input: exit code 2 and one line naming file, line and column', () => {
  it.each(badInput)('%s', (name, file, content, start, message) => {
    write(file, content)
    const r = crowsfoot('import', file, ...(name.includes('--from') ? ['--from', 'yaml'] : []))
    expect(r.code, r.stderr).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^[^\n]+:\d+:\d+: [^\n]+\n$/)
    expect(r.stderr.startsWith(start), r.stderr).toBe(true)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+\)|Error:|RangeError/)
  })

  it.each([
    ['empty.prisma', 'prisma-empty'],
    ['empty.dbml', 'dbml-empty'],
  ])('%s imports as an empty design with one located warning', (file, code) => {
    write(file, '')
    const r = crowsfoot('import', file)
    expect(r.code).toBe(0)
    expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^${file.replace('.', '\\.')}:1:1: warning: .* \\(${code}\\)$`))
  })

  it('refuses a 50 MB DBML file at once, before @dbml/core would run out of memory', () => {
    const big = dbmlText.repeat(Math.ceil(50e6 / dbmlText.length))
    write('big.dbml', big)
    const t0 = performance.now()
    const r = crowsfoot('import', 'big.dbml')
    const ms = performance.now() - t0
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^big\.dbml:1:1: This DBML file is 5\d\.\d MB; files over 2 MB are refused/)
    expect(ms).toBeLessThan(15_000)
  })

  it('refuses a 50 MB Prisma schema at once', () => {
    write('big.prisma', prismaText.repeat(Math.ceil(50e6 / prismaText.length)))
    const t0 = performance.now()
    const r = crowsfoot('import', 'big.prisma')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^big\.prisma:1:1: This Prisma schema is 5\d\.\d MB; files over 10 MB are refused/)
    expect(performance.now() - t0).toBeLessThan(15_000)
  })
})
