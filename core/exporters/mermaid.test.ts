import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { blog } from '../fixtures/blog.ts'
import { edgeCases } from '../fixtures/edge-cases.ts'
import { shop } from '../fixtures/shop.ts'
import { col, schema, table } from '../testing/build.ts'
import { generateDesign } from '../testing/generate.ts'
import { hostileSchema, targetWords } from './hostile-names.test-support.ts'
import { exportSchema } from './index.ts'
import { mermaidText, mermaidTypeWord } from './mermaid/print.ts'
import { expectSameDiagram, expectedMermaid, readMermaid } from './mermaid/read-back.test-support.ts'

const fixtures = { shop, blog, 'edge-cases': edgeCases }

describe('mermaid exporter', () => {
  for (const [name, design] of Object.entries(fixtures)) {
    it(`prints ${name} as in its golden file`, async () => {
      await expect(exportSchema('mermaid', design).text).toMatchFileSnapshot(`__golden__/${name}.mmd`)
    })
    it(`prints ${name} the same way every time`, () => {
      expect(exportSchema('mermaid', design).text).toBe(exportSchema('mermaid', structuredClone(design)).text)
    })
    it(`gives mermaid ${name} with every table, column, key and relationship`, async () => {
      expectSameDiagram(await readMermaid(exportSchema('mermaid', design).text), expectedMermaid(design))
    })
  }

  it('reports each kind of loss once, however often it occurs', () => {
    const { diagnostics } = exportSchema('mermaid', shop)
    const codes = diagnostics.map((d) => d.code)
    expect(new Set(codes).size).toBe(codes.length)
    expect(codes).toEqual(expect.arrayContaining(['cannot-express-defaults', 'cannot-express-checks', 'cannot-express-indexes']))
    expect(diagnostics.find((d) => d.code === 'cannot-express-defaults')?.message).toMatch(/\(18: public\.users\.id, .* and 15 more\)/)
  })

  it('says when a diagram is longer than Mermaid draws by default', () => {
    const { schema: big } = generateDesign({ tables: 1000, seed: 1 })
    const out = exportSchema('mermaid', big)
    expect(out.diagnostics.at(-1)).toMatchObject({ code: 'diagram-too-large', severity: 'info' })
    expect(exportSchema('mermaid', shop).diagnostics.map((d) => d.code)).not.toContain('diagram-too-large')
  })

  it('takes every hostile word as a table, column, comment and constraint name', async () => {
    const columns = Object.fromEntries(targetWords.map((w) => [w, col('integer').comment(w)]))
    const design = schema({
      ...Object.fromEntries(targetWords.map((w) => [w, table({ id: col('integer').primaryKey(), ...columns })])),
      'billing.end': table({ ref: col('integer').notNull().references('end.id') }, { foreignKeys: [{ columns: ['ref'], references: 'style', targetColumns: ['id'], name: 'x direction TB y' }] }),
    })
    expectSameDiagram(await readMermaid(exportSchema('mermaid', design).text), expectedMermaid(design))
  })

  it('gives mermaid random designs with hostile names back intact', async () => {
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        const design = hostileSchema(g)
        expectSameDiagram(await readMermaid(exportSchema('mermaid', design).text), expectedMermaid(design))
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200), interruptAfterTimeLimit: 120_000, markInterruptAsFailure: true },
    )
  })
})

describe('mermaid relationship ends', () => {
  // parent end from the FK columns' nullability, child end from their uniqueness.
  it.each([
    ['NOT NULL, not unique', col('integer').notNull(), '||..o{'],
    ['nullable, not unique', col('integer'), '|o..o{'],
    ['NOT NULL and unique', col('integer').notNull().unique(), '||..o|'],
    ['nullable and unique', col('integer').unique(), '|o..o|'],
  ])('draws a %s foreign key as %s', (_, fkColumn, ends) => {
    const design = schema({ p: table({ id: col('integer').primaryKey() }), c: table({ id: col('integer').primaryKey(), p_id: fkColumn.references('p.id') }) })
    expect(exportSchema('mermaid', design).text).toContain(`p ${ends} c : "c_p_id_fkey"`)
  })

  it('draws an identifying relationship (FK inside the primary key) with a solid line', () => {
    const design = schema({ p: table({ id: col('integer').primaryKey() }), c: table({ p_id: col('integer').primaryKey().references('p.id') }) })
    expect(exportSchema('mermaid', design).text).toContain('p ||--o| c : "c_p_id_fkey"')
  })
})

describe('mermaid text', () => {
  it.each([
    ['varchar(255)', 'varchar(255)'],
    ['numeric(10,2)', 'numeric(10,2)'],
    ['text[]', 'text[]'],
    ['double precision', 'double_precision'],
    ['interval day to second(2)', 'interval_day_to_second(2)'],
    ['billing.Order State[]', 'billing.Order_State[]'],
    ['1type', '_1type'],
  ])('makes the type %s the bare word %s', (type, word) => {
    expect(mermaidTypeWord(type)).toBe(word)
  })

  it.each([
    ['say "hi"', 'say #quot;hi#quot;'],
    ['100%', '100#37;'],
    ['a\\b `c`', 'a#92;b #96;c#96;'],
    ['<b>', '#lt;b#gt;'],
    ['line\nbreak', 'line#10;break'],
    ['C# and #quot;', 'C# and #35;quot;'],
    ['style:#1;', 'style#58;#35;1;'],
    ['sort direction LR', 'sort direction#32;LR'],
  ])('writes %j as %j', (text, written) => {
    expect(mermaidText(text)).toBe(written)
  })
})
