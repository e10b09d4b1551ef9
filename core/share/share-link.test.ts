import { describe, expect, it } from 'vitest'
import { createDocument, renameTable } from '../index.ts'
import { edgeCases } from '../fixtures/edge-cases.ts'
import { shop } from '../fixtures/shop.ts'
import { generateDesign } from '../testing/generate.ts'
import { decodeBase64url, encodeBase64url } from './base64url.ts'
import { decodeShare, encodeShare, isShareFragment, shareLinkLimit } from './share-link.ts'

describe('base64url', () => {
  it('round-trips every length and byte value', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 13) & 255)
      const text = encodeBase64url(bytes)
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/)
      expect(decodeBase64url(text)).toEqual(bytes)
    }
  })
  it('refuses characters outside the alphabet and impossible lengths', () => {
    expect(decodeBase64url('ab+c')).toBeUndefined()
    expect(decodeBase64url('abcde')).toBeUndefined()
    expect(decodeBase64url('ab\u00e9c')).toBeUndefined()
  })
})

describe('share links', () => {
  const doc = createDocument({ name: 'Shop <review>', schema: shop })

  it('carries a design and its base version, and reads them back exactly', () => {
    const base = { label: 'before', at: '2026-12-01T10:00:00.000Z', schema: renameTable(shop, shop.tables[0]!.id, 'people') }
    const link = encodeShare({ document: doc, base })
    expect(link.fragment.startsWith('#review=1.')).toBe(true)
    expect(link.fits).toBe(true)
    expect(isShareFragment(link.fragment)).toBe(true)
    const back = decodeShare(link.fragment)
    if (!back.ok) throw new Error(back.message)
    expect(back.content.document).toEqual(doc)
    expect(back.content.base).toEqual(base)
  })

  it('keeps hostile names and comments as plain data', () => {
    const hostile = createDocument({ name: '"><script>alert(1)</script>', schema: edgeCases })
    const back = decodeShare(encodeShare({ document: hostile }).fragment)
    if (!back.ok) throw new Error(back.message)
    expect(back.content.document).toEqual(hostile)
  })

  it('survives being percent-encoded by a chat app', () => {
    const link = encodeShare({ document: doc })
    const back = decodeShare(encodeURIComponent(link.fragment.slice(1)).replace('%3D', '='))
    expect(back.ok).toBe(true)
  })

  it('says clearly what is wrong with a damaged, cut-off, foreign or future link', () => {
    const link = encodeShare({ document: doc }).fragment
    const cut = decodeShare(link.slice(0, Math.floor(link.length / 2)))
    expect(cut).toEqual({ ok: false, message: expect.stringMatching(/damaged|cut off/) })
    expect(decodeShare(link.replace('1.', '1.$$'))).toEqual({ ok: false, message: expect.stringMatching(/damaged/) })
    expect(decodeShare('#review=9.abc')).toEqual({ ok: false, message: expect.stringMatching(/newer Crowsfoot/) })
    expect(decodeShare('#review=abc')).toEqual({ ok: false, message: expect.stringMatching(/version is missing/) })
    expect(decodeShare('#other')).toEqual({ ok: false, message: expect.stringMatching(/no shared design/) })
    expect(isShareFragment('#other')).toBe(false)
  })

  it('refuses a link whose design is not valid, with the loader message', () => {
    const bad = encodeShare({ document: { ...doc, schema: { ...shop, tables: [{ ...shop.tables[0]!, namespaceId: 'ns_missing' as never }] } } })
    expect(decodeShare(bad.fragment)).toEqual({ ok: false, message: expect.stringMatching(/not valid.*ns_missing/) })
  })

  it('fits a 100-table design in a link and says when a design is too large', () => {
    const hundred = encodeShare({ document: createDocument({ name: 'g', schema: generateDesign({ tables: 100, seed: 1 }).schema }) })
    const thousand = encodeShare({ document: createDocument({ name: 'g', schema: generateDesign({ tables: 1000, seed: 1 }).schema }) })
    expect(hundred.fits).toBe(true)
    expect(thousand.fits).toBe(false)
    expect(thousand.length).toBeGreaterThan(shareLinkLimit)
    console.log(`share link: 100 tables ${hundred.length} chars, 1,000 tables ${thousand.length} chars`)
  })
})
