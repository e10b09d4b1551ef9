import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shop } from '../fixtures/shop.ts'
import { createDocument, exporters, exportSchema, serializeDocument } from '../index.ts'
import type { Schema } from '../index.ts'

// The real launcher in a real process: what `npx crowsfoot` runs, exit codes and streams included.
const bin = fileURLToPath(new URL('../../bin/crowsfoot.js', import.meta.url))
let dir = ''

function crowsfoot(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CROWSFOOT_DEBUG: '' } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const designText = (schema: Schema) => serializeDocument(createDocument({ name: 'shop', schema }))
const shopText = designText(shop)
const write = (name: string, content: string | Uint8Array) => writeFileSync(join(dir, name), content)
const read = (name: string) => readFileSync(join(dir, name), 'utf8')

/** `line:col` of the first occurrence of `needle` (or of the end of `text`), as editors count. */
function positionOf(text: string, needle?: string): string {
  const offset = needle === undefined ? text.length : text.indexOf(needle)
  const before = text.slice(0, offset)
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crowsfoot-cli-'))
  write('shop.crowsfoot.json', shopText)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('crowsfoot export', () => {
  it('writes the shop design as PostgreSQL DDL on stdout', () => {
    const r = crowsfoot('export', 'shop.crowsfoot.json', '--to', 'postgres')
    expect(r).toEqual({ code: 0, stdout: exportSchema('postgres', shop).text, stderr: '' })
  })

  it('writes JSON that reproduces the document byte for byte', () => {
    expect(crowsfoot('export', 'shop.crowsfoot.json', '--to=json')).toEqual({ code: 0, stdout: shopText, stderr: '' })
  })

  it('offers every target of the exporter registry, and -o writes the file', () => {
    for (const target of Object.keys(exporters)) {
      const out = `out.${exporters[target]!.fileExtension}`
      // What a target cannot express goes to stderr (tested below); the output goes to the file.
      expect(crowsfoot('export', 'shop.crowsfoot.json', '--to', target, '-o', out)).toMatchObject({ code: 0, stdout: '' })
      expect(read(out)).toBe(crowsfoot('export', 'shop.crowsfoot.json', '--to', target).stdout)
    }
  })

  it('reports what the target cannot express on stderr, one line each, and still writes', () => {
    const users = shop.tables.find((t) => t.name === 'users')!
    write('unnamed.crowsfoot.json', designText({ ...shop, tables: [{ ...users, name: '' }] }))
    const r = crowsfoot('export', 'unnamed.crowsfoot.json', '--to', 'postgres')
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/^error: .*empty name.* \(invalid-name\)\n$/)
  })
})

describe('crowsfoot --help', () => {
  // Copied from design.md's CLI contract: help must show these lines exactly.
  const usage = {
    import: 'crowsfoot import <file> [-o out.crowsfoot.json]',
    export: 'crowsfoot export <file> --to <target> [-o out]',
    lint: 'crowsfoot lint <file> [--format text|json] [--config crowsfoot.config.json]',
    diff: 'crowsfoot diff <old> <new> [--down] [-o out.sql]',
    pull: 'crowsfoot pull <postgres-url> [-o out.crowsfoot.json]',
  }

  it('lists every command with its usage line', () => {
    for (const flag of ['--help', '-h']) {
      const r = crowsfoot(flag)
      expect(r.code).toBe(0)
      for (const line of Object.values(usage)) expect(r.stdout).toContain(`  ${line}\n`)
    }
  })

  it.each(Object.entries(usage))('explains %s', (command, line) => {
    const r = crowsfoot(command, '--help')
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(r.stdout.startsWith(`Usage: ${line}\n`)).toBe(true)
    expect(crowsfoot(command, '-h').stdout).toBe(r.stdout)
  })

  it('names the export targets from the registry and the exit code on error diagnostics', () => {
    const help = crowsfoot('export', '--help').stdout
    expect(help).toContain(Object.keys(exporters).join(', '))
    expect(help).toMatch(/exit code is 0 even when/)
  })
})

describe('bad input', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])
  const truncated = shopText.slice(0, 1000)
  const dangling = shopText.replace(/"tableId": "[^"]+"/, '"tableId": "nope"')
  const exportTo = (file: string, target = 'postgres') => ['export', file, '--to', target]
  const argsAt = (before: string) => `<command-line>:1:${before.length + 1}: `

  // [case, files to create, arguments, the start of the one line on stderr]
  const cases: Array<[string, Record<string, string | Uint8Array>, string[], string]> = [
    ['a missing file', {}, exportTo('missing.crowsfoot.json'), 'missing.crowsfoot.json:1:1: '],
    ['a directory', {}, exportTo('.'), '.:1:1: '],
    ['truncated JSON', { 'cut.crowsfoot.json': truncated }, exportTo('cut.crowsfoot.json'), `cut.crowsfoot.json:${positionOf(truncated)}: `],
    ['a PNG', { 'logo.png': png }, exportTo('logo.png'), 'logo.png:1:1: '],
    ['a PNG named as a design', { 'logo.crowsfoot.json': png }, exportTo('logo.crowsfoot.json'), 'logo.crowsfoot.json:1:1: '],
    ['an empty file', { 'empty.crowsfoot.json': '' }, exportTo('empty.crowsfoot.json'), 'empty.crowsfoot.json:1:1: '],
    ['JSON that is not a design', { 'list.json': '[1, 2]\n' }, exportTo('list.json'), 'list.json:1:1: '],
    ['a dangling reference', { 'dangling.crowsfoot.json': dangling }, exportTo('dangling.crowsfoot.json'), `dangling.crowsfoot.json:${positionOf(dangling, '"nope"')}: `],
    ['a Prisma schema with a typo', { 'schema.prisma': 'model User {\n  id Int @id\n  name Strin\n}\n' }, exportTo('schema.prisma'), 'schema.prisma:3:8: '],
    ['an unknown target', {}, exportTo('shop.crowsfoot.json', 'oracle'), argsAt('export shop.crowsfoot.json --to ')],
    ['a target that is an Object method', {}, exportTo('shop.crowsfoot.json', 'toString'), argsAt('export shop.crowsfoot.json --to ')],
    ['no target', {}, ['export', 'shop.crowsfoot.json'], argsAt('export shop.crowsfoot.json ')],
    ['no file', {}, ['export', '--to', 'json'], argsAt('export --to json ')],
    ['an extra argument', {}, [...exportTo('shop.crowsfoot.json'), 'more'], argsAt('export shop.crowsfoot.json --to postgres ')],
    ['an unknown option', {}, ['export', 'shop.crowsfoot.json', '--tables'], argsAt('export shop.crowsfoot.json ')],
    ['an option without its value', {}, ['export', 'shop.crowsfoot.json', '--to'], argsAt('export shop.crowsfoot.json ')],
    ['an unwritable -o', {}, [...exportTo('shop.crowsfoot.json'), '-o', 'no/such/dir/out.sql'], 'no/such/dir/out.sql:1:1: '],
    ['an unknown command', {}, ['render', 'shop.crowsfoot.json'], argsAt('')],
    ['no command', {}, [], argsAt('')],
  ]

  it.each(cases)('%s: exit code 2 and one line naming file, line and column', (_, files, args, start) => {
    for (const [name, content] of Object.entries(files)) write(name, content)
    const r = crowsfoot(...args)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^[^\n]+:\d+:\d+: [^\n]+\n$/)
    expect(r.stderr.startsWith(start), r.stderr).toBe(true)
    expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+\)|Error:/)
  })
})
