import { describe, expect, it } from 'vitest'
import { shop } from '../fixtures/shop.ts'
import { shopRelease } from '../fixtures/shop-release.ts'
import { diffSchemas } from '../diff/diff-schemas.ts'
import { createDocument, parseDocument, serializeDocument } from './document.ts'
import { currentVersion } from './migrations.ts'
import { findVersion, listVersions, removeVersion, renameVersion, saveVersion, versionSchema } from './versions.ts'

const first = saveVersion(createDocument({ name: 'Shop', schema: shop }), { message: 'Initial design', at: '2026-03-01T09:30:00Z' })
const doc = saveVersion({ ...first, schema: shopRelease }, { message: 'Release 2: display names', at: new Date('2026-03-08T12:00:00Z') })

describe('saved versions', () => {
  it('are checkpoints of the schema with a time and a message, oldest first', () => {
    expect(listVersions(doc)).toEqual([
      { id: 'v1', message: 'Initial design', at: '2026-03-01T09:30:00.000Z', tables: shop.tables.length },
      { id: 'v2', message: 'Release 2: display names', at: '2026-03-08T12:00:00.000Z', tables: shopRelease.tables.length },
    ])
    expect(findVersion(doc, 'v1')!.schema).toBe(shop)
    expect(versionSchema(doc, 'current')).toBe(shopRelease)
    expect(() => versionSchema(doc, 'v9')).toThrow(/No saved version "v9"; the versions are v1, v2/)
  })

  it('can be compared with each other and with the design, by id', () => {
    const changes = diffSchemas(versionSchema(doc, 'v1'), versionSchema(doc, 'v2'))
    expect(changes.map((c) => c.kind)).toContain('columnRenamed')
  })

  it('are stored in the file, read back as they were, in the same bytes', () => {
    const text = serializeDocument(doc)
    expect(text).toContain(`"version": ${currentVersion}`)
    expect(text.indexOf('"versions"')).toBeGreaterThan(text.indexOf('"layout"'))
    expect(text).toMatch(/"id": "v1",\n\s+"message": "Initial design",\n\s+"at": "2026-03-01T09:30:00.000Z",\n\s+"schema": \{/)
    const back = parseDocument(text)
    expect(back.ok && back.document).toEqual(doc)
    expect(back.ok && serializeDocument(back.document)).toBe(text)
  })

  it('never reuse an id, and can be renamed and removed', () => {
    const removed = removeVersion(doc, 'v2')
    expect(listVersions(saveVersion(removed, { message: 'again', at: '2026-03-09T00:00:00Z' })).map((v) => v.id)).toEqual(['v1', 'v2'])
    expect(listVersions(saveVersion(doc, { message: 'third', at: '2026-03-09T00:00:00Z' })).map((v) => v.id)).toEqual(['v1', 'v2', 'v3'])
    expect(listVersions(renameVersion(doc, 'v1', 'First'))[0]!.message).toBe('First')
    expect(removeVersion(removeVersion(doc, 'v1'), 'v2').versions).toBeUndefined()
    expect(() => saveVersion(doc, { message: 'x', at: 'yesterday' })).toThrow(/Not a valid time/)
  })

  it('open from a version 1 file, which has none', () => {
    const v1 = serializeDocument(createDocument({ name: 'Old', schema: shop })).replace(`"version": ${currentVersion}`, '"version": 1')
    const r = parseDocument(v1)
    expect(r.ok && r.document.version).toBe(currentVersion)
    expect(r.ok && r.document.versions).toBeUndefined()
  })

  const text = serializeDocument(doc)
  const lineOf = (needle: string, nth = 0) => {
    let at = -1
    for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1)
    return text.slice(0, at).split('\n').length
  }
  const bad: Array<[string, string, RegExp, number, string]> = [
    ['a bad time', text.replace('"2026-03-01T09:30:00.000Z"', '"last Tuesday"'), /Expected a UTC time/, lineOf('"2026-03-01T09:30:00.000Z"'), '$.versions[0].at'],
    ['a repeated id', text.replace('"id": "v2"', '"id": "v1"'), /Two saved versions have the id "v1"/, lineOf('"id": "v2"'), '$.versions[1].id'],
    ['a dangling reference inside a version', text.replace(/("versions"[\s\S]*?)"tableId": "tb_[^"]+"/, '$1"tableId": "tb_nowhere"'), /No table has the id "tb_nowhere"/, 0, '$.versions[0].schema.tables'],
    ['an unknown property', text.replace('"message": "Initial design"', '"message": "Initial design", "author": "me"'), /Unknown property "author"/, lineOf('"message": "Initial design"'), '$.versions[0].author'],
  ]
  it.each(bad)('reject %s with its place in the file', (_what, input, message, line, path) => {
    const r = parseDocument(input)
    expect(r.ok).toBe(false)
    const d = r.diagnostics[0]!
    expect(d.message).toMatch(message)
    expect(d.location?.path?.startsWith(path)).toBe(true)
    if (line) expect(d.location?.line).toBe(line)
  })
})
