import { describe, expect, it } from 'vitest'
import { createDocument, listVersions, saveVersion } from '@core'
import { shop } from '../../../core/fixtures/shop.ts'
import { blog } from '../../../core/fixtures/blog.ts'
import { createAppStore } from '../../store/index.ts'
import { cleanMessage, defaultVersionMessage, removeVersionNow, renameVersionNow, saveVersionNow, withVersionBeforeImport } from './versions.ts'

const at = new Date('2026-12-02T20:00:00Z')

describe('saving versions from the app', () => {
  it('saves the design as one undo entry, with the default message when none is given', () => {
    const store = createAppStore()
    store.getState().openDocument(createDocument({ name: 'Shop', schema: shop }))
    saveVersionNow(store, '  ', at)
    saveVersionNow(store, ' Before  billing ', at)
    expect(listVersions(store.getState().document).map((v) => [v.id, v.message])).toEqual([
      ['v1', 'Version 1'],
      ['v2', 'Before billing'],
    ])
    expect(store.getState().past.map((e) => e.label)).toEqual(['Save version', 'Save version'])
    store.getState().undo()
    expect(listVersions(store.getState().document)).toHaveLength(1)
    renameVersionNow(store, 'v1', 'First cut')
    expect(listVersions(store.getState().document)[0]!.message).toBe('First cut')
    removeVersionNow(store, 'v1')
    expect(store.getState().document.versions).toBeUndefined()
  })

  it('proposes the next number and cleans what was typed', () => {
    const doc = saveVersion(createDocument({ name: 'x', schema: shop }), { message: 'a', at })
    expect(defaultVersionMessage(doc)).toBe('Version 2')
    expect(cleanMessage('\tcheckout\n flow ', doc)).toBe('checkout flow')
  })
})

describe('withVersionBeforeImport', () => {
  it('keeps the versions and saves the replaced design first, named after the file', () => {
    const current = saveVersion(createDocument({ name: 'Shop', schema: shop }), { message: 'old', at })
    const next = { ...current, schema: blog }
    const doc = withVersionBeforeImport(current, next, 'blog.sql', at)
    expect(doc.schema).toBe(blog)
    expect(listVersions(doc).map((v) => [v.id, v.message])).toEqual([
      ['v1', 'old'],
      ['v2', 'Before import of blog.sql'],
    ])
    expect(doc.versions![1]!.schema).toBe(shop)
  })

  it('keeps the versions a Crowsfoot file brings, renumbered after ours', () => {
    const current = saveVersion(createDocument({ name: 'Shop', schema: shop }), { message: 'ours', at })
    const file = saveVersion(createDocument({ name: 'Blog', schema: blog }), { message: 'theirs', at: '2026-01-01T00:00:00Z' })
    const doc = withVersionBeforeImport(current, file, 'blog.crowsfoot.json', at)
    expect(listVersions(doc).map((v) => [v.id, v.message])).toEqual([
      ['v1', 'ours'],
      ['v2', 'Before import of blog.crowsfoot.json'],
      ['v3', 'theirs'],
    ])
  })

  it('saves nothing for an empty design', () => {
    const current = createDocument({ name: 'Untitled' })
    const doc = withVersionBeforeImport(current, { ...current, schema: shop }, 'shop.sql', at)
    expect(doc.versions).toBeUndefined()
  })
})
