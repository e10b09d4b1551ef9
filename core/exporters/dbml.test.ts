import { Parser } from '@dbml/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createDocument } from '../document/document.ts'
import { blog } from '../fixtures/blog.ts'
import { edgeCases } from '../fixtures/edge-cases.ts'
import { shop } from '../fixtures/shop.ts'
import type { TableId } from '../model/ids.ts'
import { col, schema, sql, table } from '../testing/build.ts'
import { dbmlQuote } from './dbml/print.ts'
import { expectSameDbml, expectedDbml, readDbml } from './dbml/read-back.test-support.ts'
import { hostileSchema, targetWords } from './hostile-names.test-support.ts'
import { exportSchema } from './index.ts'

// @dbml/core takes seconds to warm up: one parser for the whole file.
const parser = new Parser()
const fixtures = { shop, blog, 'edge-cases': edgeCases }

/** The shop fixture in a document with table groups, as the app saves it. */
const ids = (...names: string[]) => names.map((n) => shop.tables.find((t) => t.name === n)!.id)
const shopDocument = createDocument({
  name: 'Shop "v2"',
  schema: shop,
  layout: {
    tables: {},
    groups: [
      { id: 'g1', name: 'Sales', tableIds: ids('orders', 'order_items', 'products'), color: '#3b82f6', note: "Money in; 'quoted'" },
      { id: 'g2', name: 'People & access', tableIds: ids('users', 'settings', 'orders'), color: 'blue' },
      { id: 'g3', name: 'Sales', tableIds: ids('audit_log') },
      { id: 'g4', name: 'Missing', tableIds: ['tb_gone' as TableId] },
    ],
  },
})

describe('dbml exporter', () => {
  for (const [name, design] of Object.entries(fixtures)) {
    it(`prints ${name} as in its golden file`, async () => {
      await expect(exportSchema('dbml', design).text).toMatchFileSnapshot(`__golden__/${name}.dbml`)
    })
    it(`prints ${name} the same way every time`, () => {
      expect(exportSchema('dbml', design).text).toBe(exportSchema('dbml', structuredClone(design)).text)
    })
    it(`gives @dbml/core ${name} back as designed, field by field`, () => {
      const out = exportSchema('dbml', design)
      expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
      expectSameDbml(readDbml(parser, out.text), expectedDbml(design))
    })
  }

  it('writes the document name as the project and its groups as table groups', async () => {
    const out = exportSchema('dbml', shop, { document: shopDocument })
    await expect(out.text).toMatchFileSnapshot('__golden__/shop-with-groups.dbml')
    expectSameDbml(readDbml(parser, out.text), expectedDbml(shop, shopDocument))
    expect(out.diagnostics.find((d) => d.code === 'cannot-express-groups')?.message).toBe(
      'DBML cannot express a table in two groups, two groups of one name or a colour that is not #rgb/#rrggbb; the repeat or the colour is left out (3: People & access: orders, People & access: blue, Sales).',
    )
  })

  it('reports each kind of loss once, however often it occurs', () => {
    const codes = exportSchema('dbml', edgeCases).diagnostics.map((d) => d.code)
    expect(new Set(codes).size).toBe(codes.length)
    expect(codes).toEqual(
      expect.arrayContaining([
        'cannot-express-partial-unique-indexes',
        'cannot-express-index-key-options',
        'cannot-express-nulls-not-distinct',
        'cannot-express-fk-options',
        'cannot-express-table-options',
        'cannot-express-generated',
        'cannot-express-collations',
      ]),
    )
  })

  it('takes every hostile word as a name, value, note and default', () => {
    const columns = Object.fromEntries(targetWords.map((w) => [w, col('text').comment(w).default(w)]))
    const design = schema(
      {
        ...Object.fromEntries(targetWords.map((w) => [w, table({ id: col('integer').primaryKey(), ...columns }, { comment: w })])),
        'billing.Note': table(
          { ref: col('integer').notNull().references('Table.id'), e: col('billing."Enum"').default('Ref') },
          { checks: targetWords.map((w, i) => ({ name: w, expression: `ref > ${i}` })), indexes: targetWords.map((w) => ({ name: `${w} idx`, keys: ['ref'] })) },
        ),
      },
      { enums: { 'billing.Enum': targetWords } },
    )
    const out = exportSchema('dbml', design)
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expectSameDbml(readDbml(parser, out.text), expectedDbml(design))
  })

  it('leaves out what DBML rejects and says so', () => {
    const design = schema({
      p: table({ id: col('integer').primaryKey(), code: col('text').unique() }),
      c: table(
        { id: col('integer').primaryKey(), p_id: col('integer'), t: col('text').default(sql`'a' || \`b\``) },
        {
          foreignKeys: [
            { columns: ['p_id'], references: 'p', targetColumns: ['id'] },
            { columns: ['p_id'], references: 'p', targetColumns: ['id'], name: 'again' },
            { columns: ['id'], references: 'c', targetColumns: ['id'] },
          ],
          checks: [{ name: 'tick', expression: '`x` > 0' }],
        },
      ),
    })
    const out = exportSchema('dbml', design)
    expectSameDbml(readDbml(parser, out.text), expectedDbml(design))
    expect(out.diagnostics.map((d) => d.code)).toEqual(['cannot-express-backticks', 'cannot-express-duplicate-refs', 'cannot-express-self-refs'])
  })

  it('gives @dbml/core random designs with hostile names back intact', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const design = hostileSchema(g)
        expectSameDbml(readDbml(parser, exportSchema('dbml', design).text), expectedDbml(design))
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200), interruptAfterTimeLimit: 120_000, markInterruptAsFailure: true },
    )
  })
})

describe('dbml defaults', () => {
  // A default becomes a DBML number or boolean only when @dbml/core reads the same text back.
  it.each([
    ['integer', '-1', '[default: -1]'],
    ['numeric', '0.25', '[default: 0.25]'],
    ['numeric', '0.5000', "[default: '0.5000']"],
    ['bigint', '9007199254740993', "[default: '9007199254740993']"],
    ['text', '42', "[default: '42']"],
    ['boolean', 'true', '[default: true]'],
    ['boolean', 't', "[default: 't']"],
    ['text[]', '{}', "[default: '{}']"],
  ])('writes a %s default of %s as %s', (type, value, written) => {
    const text = exportSchema('dbml', schema({ t: table({ x: col(type).default(value) }) })).text
    expect(text).toContain(`x ${type === 'text[]' ? '"text[]"' : type} ${written}`)
  })
})

describe('dbml quoting', () => {
  it.each([
    ['plain', '"plain"', "'plain'"],
    ['say "hi"', '"say \\"hi\\""', `'say "hi"'`],
    ["it's", `"it's"`, "'it\\'s'"],
    ['back\\slash', '"back\\\\slash"', "'back\\\\slash'"],
    ['two\nlines\ttab', '"two\\nlines\\ttab"', "'two\\nlines\\ttab'"],
    ['bell\u0007', '"bell\\u0007"', "'bell\\u0007'"],
  ])('quotes %j as %s and %s', (text, name, string) => {
    expect(dbmlQuote(text, '"')).toBe(name)
    expect(dbmlQuote(text, "'")).toBe(string)
  })
})
