import { describe, expect, it } from 'vitest'
import type { CrowsfootDocument, TableId } from '@core'
import { createDocument, exportSchema, parseDocument, serializeDocument } from '@core'
import { shop } from '../../../core/fixtures/shop.ts'
import { CoreClient, inProcessPort } from '../../worker/client.ts'
import { baseName, detectFormat, prepareImport, reportOrder, type ImportWorkers } from './import-flow.ts'

const core = new CoreClient(inProcessPort())
const workers: ImportWorkers = {
  importText: (format, text, fileName, previous) => core.import(format, text, fileName, previous),
  parseDocument: async (text) => parseDocument(text),
}
const users = shop.tables[0]!.id
const current: CrowsfootDocument = createDocument({ name: 'My shop', schema: shop, layout: { tables: { [users]: { x: 40, y: 80, color: '#0ea5e9' } } } })

describe('import flow', () => {
  it('detects the format from the file name, then from the text', () => {
    expect(detectFormat('', 'schema.prisma')).toEqual({ format: 'prisma', source: 'file name' })
    expect(detectFormat('', 'a.crowsfoot.json')).toEqual({ format: 'json', source: 'file name' })
    expect(detectFormat('Table users {\n id int\n}', undefined)).toEqual({ format: 'dbml', source: 'content' })
    expect(detectFormat('-- dump\nCREATE TABLE a (id int);', 'notes.txt')).toEqual({ format: 'postgres', source: 'content' })
    expect(detectFormat('hello', undefined)).toEqual({ format: undefined, source: undefined })
    expect(baseName('C:\\dumps\\shop.crowsfoot.json')).toBe('shop')
    expect(baseName('schema.prisma')).toBe('schema')
  })

  it('a re-import of the same SQL is an edit: ids and positions are kept, new tables are new', async () => {
    const sql = exportSchema('postgres', shop).text + '\nCREATE TABLE coupons (code text PRIMARY KEY);\n'
    const outcome = await prepareImport({ text: sql, fileName: 'shop.sql', format: 'postgres', mode: 'replace' }, current, workers)
    expect(outcome.kind).toBe('ready')
    if (outcome.kind === 'failed') return
    const { document } = outcome
    expect(document.name).toBe('My shop')
    for (const t of shop.tables) expect(document.schema.tables.find((x) => x.name === t.name)?.id).toBe(t.id)
    const coupons = document.schema.tables.find((t) => t.name === 'coupons')!
    expect(shop.tables.some((t) => t.id === coupons.id)).toBe(false)
    expect(document.layout.tables[users]).toEqual({ x: 40, y: 80, color: '#0ea5e9' })
  })

  it('opens as a new design named after the file, with fresh ids', async () => {
    const outcome = await prepareImport({ text: 'CREATE TABLE a (id int PRIMARY KEY);', fileName: 'billing.sql', format: 'postgres', mode: 'new' }, current, workers)
    if (outcome.kind === 'failed') throw new Error('failed')
    expect(outcome.document.name).toBe('billing')
    expect(outcome.document.schema.tables.map((t) => t.name)).toEqual(['a'])
  })

  it('DBML table groups become groups of the layout, keeping their ids on a re-import', async () => {
    const dbml = 'Table users {\n  id int [pk]\n}\nTable posts {\n  id int [pk]\n}\nTableGroup people {\n  users\n}\n'
    const first = await prepareImport({ text: dbml, format: 'dbml', mode: 'new' }, current, workers)
    if (first.kind === 'failed') throw new Error('failed')
    const usersId = first.document.schema.tables.find((t) => t.name === 'users')!.id
    expect(first.document.layout.groups).toEqual([{ id: expect.any(String), name: 'people', tableIds: [usersId] }])
    const again = await prepareImport({ text: dbml.replace('  users\n', '  users\n  posts\n'), format: 'dbml', mode: 'replace' }, first.document, workers)
    if (again.kind === 'failed') throw new Error('failed')
    const [group] = again.document.layout.groups!
    expect(group!.id).toBe(first.document.layout.groups![0]!.id)
    expect(group!.tableIds).toEqual(first.document.schema.tables.map((t) => t.id))
  })

  it('a truncated SQL file is only applied if the person says so, and says where it broke', async () => {
    const sql = 'CREATE TABLE users (id uuid PRIMARY KEY);\nCREATE TABLE orders (id uuid PRIMARY KEY, total numeric(10,'
    const outcome = await prepareImport({ text: sql, fileName: 'cut.sql', format: 'postgres', mode: 'replace' }, current, workers)
    expect(outcome.kind).toBe('partial')
    const [first] = reportOrder(outcome.diagnostics)
    expect(first).toMatchObject({ severity: 'error', location: { line: 2 } })
  })

  it('binary data, empty text and a broken document fail with a located message', async () => {
    const binary = await prepareImport({ text: 'PNG\u0000\u0001\u0002', fileName: 'logo.sql', format: 'postgres', mode: 'replace' }, current, workers)
    expect(binary).toMatchObject({ kind: 'failed', diagnostics: [{ severity: 'error', message: expect.stringMatching(/binary/), location: { line: 1 } }] })
    expect((await prepareImport({ text: '  \n', format: 'dbml', mode: 'replace' }, current, workers)).kind).toBe('failed')
    const broken = serializeDocument(current).replace('"tables": [', '"tables": [ 42,')
    const doc = await prepareImport({ text: broken, format: 'json', mode: 'replace' }, current, workers)
    expect(doc).toMatchObject({ kind: 'failed', diagnostics: [{ location: { line: expect.any(Number), path: expect.stringContaining('tables') } }] })
  })

  it('a Crowsfoot file replaces the design whole, keeping the project name', async () => {
    const other = createDocument({ name: 'Other', schema: shop, layout: { tables: { [users]: { x: 1, y: 2 } }, groups: [{ id: 'g1', name: 'g', tableIds: [users as TableId] }] } })
    const outcome = await prepareImport({ text: serializeDocument(other), format: 'json', mode: 'replace' }, current, workers)
    if (outcome.kind === 'failed') throw new Error('failed')
    expect(outcome.document).toEqual({ ...other, name: 'My shop' })
    const asNew = await prepareImport({ text: serializeDocument(other), format: 'json', mode: 'new' }, current, workers)
    if (asNew.kind === 'failed') throw new Error('failed')
    expect(asNew.document.name).toBe('Other')
  })
})
