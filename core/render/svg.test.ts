import { describe, expect, it } from 'vitest'
import { addComment, createDocument, diffSchemas, renameTable } from '../index.ts'
import { shop } from '../fixtures/shop.ts'
import { shopRelease } from '../fixtures/shop-release.ts'
import { col, schema, table } from '../testing/build.ts'
import { tableNamed } from '../testing/by-name.ts'
import { changeMarks } from './change-marks.ts'
import { renderSvg } from './svg.ts'
import { diagramMetrics } from './diagram.ts'

/**
 * A strict enough XML 1.0 well-formedness check for what we print (no DTD, no CDATA): balanced
 * tags, quoted attributes without `<`, and no `&` that does not start an entity. Returns the text
 * of every <text>/<tspan>, decoded, so tests can see what a reader sees.
 */
function parseXml(xml: string): { texts: string[]; root: string; elements: string[] } {
  const src = xml.replace(/^<\?xml[^?]*\?>\s*/, '')
  const stack: string[] = []
  const texts: string[] = []
  const elements: string[] = []
  let root = ''
  let i = 0
  const decode = (s: string) => {
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(s)) throw new Error(`bare & in ${JSON.stringify(s)}`)
    return s.replace(/&(amp|lt|gt|quot|apos);|&#(\d+);/g, (_, n, d) => (d ? String.fromCodePoint(Number(d)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[n]!))
  }
  while (i < src.length) {
    if (src[i] === '<') {
      const end = src.indexOf('>', i)
      if (end < 0) throw new Error('unclosed tag')
      const tag = src.slice(i + 1, end)
      if (tag.startsWith('/')) {
        const name = tag.slice(1).trim()
        if (stack.pop() !== name) throw new Error(`mismatched </${name}>`)
      } else {
        const selfClosing = tag.endsWith('/')
        const body = selfClosing ? tag.slice(0, -1) : tag
        const m = /^([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"<]*")*)\s*$/.exec(body)
        if (!m) throw new Error(`bad tag <${tag}>`)
        for (const a of m[2]!.matchAll(/="([^"]*)"/g)) decode(a[1]!)
        const names = [...m[2]!.matchAll(/\s([\w.:-]+)=/g)].map((a) => a[1])
        if (new Set(names).size !== names.length) throw new Error(`duplicate attribute in <${tag}>`)
        if (stack.length === 0 && root) throw new Error('two roots')
        if (!root) root = m[1]!
        elements.push(m[1]!)
        if (!selfClosing) stack.push(m[1]!)
      }
      i = end + 1
    } else {
      const next = src.indexOf('<', i)
      const raw = src.slice(i, next < 0 ? src.length : next)
      if (raw.includes('>')) throw new Error(`bare > in text ${JSON.stringify(raw)}`)
      const text = decode(raw)
      if (text.trim() && stack.length === 0) throw new Error('text outside the root')
      if (text && (stack.at(-1) === 'text' || stack.at(-1) === 'tspan' || stack.at(-1) === 'title')) texts.push(text)
      i = next < 0 ? src.length : next
    }
  }
  if (stack.length) throw new Error(`unclosed <${stack.at(-1)}>`)
  return { texts, root, elements }
}

const shopDoc = createDocument({ name: 'Shop', schema: shop, layout: { tables: Object.fromEntries(shop.tables.map((t, i) => [t.id, { x: (i % 3) * 480, y: Math.floor(i / 3) * 420 }])) } })

describe('renderSvg', () => {
  it('draws every table and column as text in a well-formed file', () => {
    const { svg, width, height } = renderSvg(shopDoc.schema, shopDoc.layout)
    const xml = parseXml(svg)
    expect(xml.root).toBe('svg')
    for (const t of shop.tables) {
      expect(xml.texts).toContain(t.name)
      for (const c of t.columns) expect(xml.texts.some((x) => x === c.name || (x.endsWith('…') && c.name.startsWith(x.slice(0, -1))))).toBe(true)
    }
    expect(xml.texts).toContain('PK')
    expect(xml.texts).toContain('FK')
    expect(svg).toContain(`width="${width}" height="${height}"`)
    // Crow's-foot markers on every line.
    expect((svg.match(/marker-start=/g) ?? []).length).toBe(shop.tables.reduce((n, t) => n + t.foreignKeys.length, 0))
  })

  it('keeps hostile names text: no element, attribute or entity comes from a name', () => {
    const nasty = `<script>alert("x")</script> & 'q' "dq" <img src=x onerror=alert(1)> ]]> 名前 😀 \u0001`
    const s = schema({
      [nasty]: table({ id: col('integer').primaryKey(), [`<b onmouseover="x">&amp;</b>`]: col('text') }, { comment: nasty }),
    })
    const doc = addComment(createDocument({ name: nasty, schema: s }), {
      id: 'c1',
      target: { kind: 'table', tableId: s.tables[0]!.id },
      author: nasty,
      text: nasty,
      at: '2026-12-02T10:00:00.000Z',
    })
    const { svg } = renderSvg(doc.schema, doc.layout, { comments: doc.comments ?? [], title: nasty, corner: { name: nasty, date: '2026-12-02' } })
    const xml = parseXml(svg)
    expect(new Set(xml.elements)).not.toContain('script')
    expect(new Set(xml.elements)).not.toContain('img')
    expect(new Set(xml.elements)).not.toContain('b')
    expect(svg).not.toMatch(/<script|<img|<b[ >]/i)
    expect(xml.texts.join('\n')).toContain('<script>alert("x")</script>'.slice(0, 10))
    expect(xml.texts).toContain(nasty.replace('\u0001', '\ufffd'))
    expect(xml.texts.some((t) => t.startsWith('<b onmouseover="x">&amp;'))).toBe(true)
  })

  it('sizes the drawing to what it holds, and a long name to the widest table', () => {
    const one = schema({ tiny: table({ id: col('integer').primaryKey() }) })
    const small = renderSvg(one, { tables: { [one.tables[0]!.id]: { x: 100, y: 50 } } })
    const h = diagramMetrics.accent + diagramMetrics.headerHeight + diagramMetrics.rowHeight + 1
    expect(small.width).toBe(diagramMetrics.minWidth + 2 * diagramMetrics.padding)
    expect(small.height).toBe(h + 2 * diagramMetrics.padding)
    const long = schema({ ['a_really_long_table_name_that_goes_on_and_on_and_on_forever']: table({ id: col('integer').primaryKey() }) })
    const wide = renderSvg(long, { tables: {} })
    expect(wide.width).toBe(diagramMetrics.maxWidth + 2 * diagramMetrics.padding)
    expect(parseXml(wide.svg).texts.some((t) => t.endsWith('…'))).toBe(true)
    // Two tables far apart: the drawing spans both.
    const two = schema({ a: table({ id: col('integer').primaryKey() }), b: table({ id: col('integer').primaryKey() }) })
    const far = renderSvg(two, { tables: { [two.tables[0]!.id]: { x: 0, y: 0 }, [two.tables[1]!.id]: { x: 2000, y: 1000 } } })
    expect(far.width).toBe(2000 + diagramMetrics.minWidth + 2 * diagramMetrics.padding)
    expect(far.height).toBe(1000 + h + 2 * diagramMetrics.padding)
  })

  it('draws only the selection when asked', () => {
    const users = tableNamed(shop, 'users')
    const { svg } = renderSvg(shopDoc.schema, shopDoc.layout, { tableIds: [users.id] })
    const xml = parseXml(svg)
    expect(xml.texts).toContain('users')
    expect(xml.texts).not.toContain('orders')
    expect(svg).not.toContain('marker-start=')
  })

  it('uses the dark colours in the dark theme', () => {
    const light = renderSvg(shopDoc.schema, shopDoc.layout, { theme: 'light' }).svg
    const dark = renderSvg(shopDoc.schema, shopDoc.layout, { theme: 'dark' }).svg
    expect(light).toContain('#f4f5f7')
    expect(dark).toContain('#0e1013')
    expect(dark).not.toContain('#f4f5f7')
  })

  it('marks changes with colour and words, and draws removed tables and columns', () => {
    const base = renameTable(shop, tableNamed(shop, 'products').id, 'items')
    const changes = diffSchemas(base, shopRelease)
    const marks = changeMarks(changes)
    const { svg } = renderSvg(shopRelease, shopDoc.layout, { changes: { marks, base } })
    const xml = parseXml(svg)
    expect(xml.texts).toContain('RENAMED')
    expect(xml.texts).toContain('CHANGED')
    expect(xml.texts).toContain('ip_address') // removed column, struck through
    expect(svg).toContain('line-through')
    for (const word of ['Added', 'Removed', 'Changed', 'Renamed']) expect(xml.texts).toContain(word)
    expect(xml.texts).toContain('+') // the added orders.note
  })

  it('draws comment pins with the count of open comments', () => {
    const users = tableNamed(shop, 'users')
    let doc = shopDoc
    for (const id of ['a', 'b', 'c']) doc = addComment(doc, { id, target: { kind: 'table', tableId: users.id }, author: '', text: `remark ${id}`, at: '2026-12-02T10:00:00.000Z', ...(id === 'c' ? { resolved: true } : {}) })
    const xml = parseXml(renderSvg(doc.schema, doc.layout, { comments: doc.comments ?? [] }).svg)
    expect(xml.texts).toContain('2')
  })

  it('writes the name and date in the corner when asked', () => {
    const xml = parseXml(renderSvg(shopDoc.schema, shopDoc.layout, { corner: { name: 'Shop', date: '2026-12-02' } }).svg)
    expect(xml.texts).toContain('Shop · 2026-12-02')
  })

  it('draws 1,000 tables quickly', async () => {
    const { generateDesign } = await import('../testing/generate.ts')
    const s = generateDesign({ tables: 1000, seed: 1 }).schema
    const t0 = performance.now()
    const { svg } = renderSvg(s, { tables: {} })
    const ms = performance.now() - t0
    console.log(`renderSvg 1,000 tables: ${ms.toFixed(0)} ms, ${(svg.length / 1e6).toFixed(1)} MB`)
    expect(() => parseXml(svg)).not.toThrow()
  })
})

describe('changeMarks', () => {
  it('prefers added and removed over renamed, and renamed over changed', () => {
    const base = shop
    const next = renameTable(shop, tableNamed(shop, 'users').id, 'people')
    const marks = changeMarks(diffSchemas(base, next))
    expect(marks.tables.get(tableNamed(shop, 'users').id)).toBe('renamed')
  })
})

describe('renderSvg outline detail', () => {
  it('keeps every table and its size but drops the rows', () => {
    const full = renderSvg(shopDoc.schema, shopDoc.layout)
    const outline = renderSvg(shopDoc.schema, shopDoc.layout, { detail: 'outline' })
    expect([outline.width, outline.height]).toEqual([full.width, full.height])
    const xml = parseXml(outline.svg)
    for (const t of shop.tables) expect(xml.texts).toContain(t.name)
    expect(xml.texts).not.toContain('email')
    expect(xml.elements.length).toBeLessThan(parseXml(full.svg).elements.length / 2)
  })
})
