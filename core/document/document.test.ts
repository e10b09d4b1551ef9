import { describe, expect, it } from 'vitest'
import { edgeCases } from '../fixtures/edge-cases.ts'
import { shop } from '../fixtures/shop.ts'
import { createDocument, parseDocument, serializeDocument } from './document.ts'
import { currentVersion } from './migrations.ts'

const doc = createDocument({ name: 'Shop', schema: shop, layout: { tables: { [shop.tables[0]!.id]: { x: 10, y: 20, color: '#3b82f6' } } } })
const text = serializeDocument(doc)

describe('documents', () => {
  it('serializes the same design to the same bytes whatever order keys were built in', () => {
    const reordered = JSON.parse(JSON.stringify(doc), (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v))
    expect(serializeDocument(reordered)).toBe(text)
  })
  it('reads back what it wrote', () => {
    const r = parseDocument(text)
    expect(r.ok && r.document).toEqual(doc)
    const hostile = serializeDocument(createDocument({ name: 'édge "cases"', schema: edgeCases }))
    const back = parseDocument(hostile)
    expect(back.ok && serializeDocument(back.document)).toBe(hostile)
  })
  it('accepts a byte-order mark', () => {
    expect(parseDocument('\uFEFF' + text).ok).toBe(true)
  })

  const bad: Array<[string, string, RegExp, number?]> = [
    ['an empty file', '', /empty/],
    ['a truncated file', text.slice(0, 400), /truncated|ends/],
    ['binary data', '\u0000\u0001PNG\r\n', /Unexpected character/],
    ['JSON that is not a document', '[1, 2]', /not a Crowsfoot document/],
    ['a DBML file', 'Table users {\n  id int [pk]\n}', /Not valid JSON/],
    ['a newer version', text.replace(`"version": ${currentVersion}`, '"version": 99'), /newer Crowsfoot/],
    ['an unknown property', text.replace('"name": "Shop"', '"name": "Shop", "colour": 1'), /Unknown property "colour"/, 3],
    ['a wrong type', text.replace('"nullable": false', '"nullable": "no"'), /Expected true or false/],
    ['a dangling reference', text.replace(/"tableId": "tb_[^"]+"/, '"tableId": "tb_missing"'), /No table has the id "tb_missing"/],
  ]
  it.each(bad)('rejects %s with a located message', (_what, input, message, line) => {
    const r = parseDocument(input)
    expect(r.ok).toBe(false)
    const d = r.diagnostics[0]!
    expect(d.severity).toBe('error')
    expect(d.message).toMatch(message)
    expect(d.location?.line).toBeGreaterThanOrEqual(1)
    if (line) expect(d.location?.line).toBe(line)
  })
  it('points at the exact line of a bad value', () => {
    const lines = text.split('\n')
    const at = lines.findIndex((l) => l.includes('"nullable": false')) + 1
    const r = parseDocument(text.replace('"nullable": false', '"nullable": 0'))
    expect(r.diagnostics[0]!.location).toMatchObject({ line: at, path: expect.stringMatching(/^\$\.schema\.tables\[0\]\.columns\[\d+\]\.nullable$/) })
  })
  it('survives very deep nesting and very large files', () => {
    expect(parseDocument('['.repeat(100000)).ok).toBe(false)
    const big = '{"version": 1, "schema": ' + '"' + 'x'.repeat(50 * 1024 * 1024) + '"}'
    const r = parseDocument(big)
    expect(r.ok).toBe(false)
    expect(r.diagnostics[0]!.message).toMatch(/"name" is missing/)
  })
})
