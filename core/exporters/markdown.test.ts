import fc from 'fast-check'
import mermaid from 'mermaid'
import { describe, expect, it } from 'vitest'
import { createDocument } from '../document/document.ts'
import { blog } from '../fixtures/blog.ts'
import { edgeCases } from '../fixtures/edge-cases.ts'
import { shop } from '../fixtures/shop.ts'
import { col, schema, table } from '../testing/build.ts'
import { generateDesign } from '../testing/generate.ts'
import { hostileSchema, targetWords } from './hostile-names.test-support.ts'
import { exportSchema } from './index.ts'
import { mermaidMaxText } from './mermaid/print.ts'
import { expectReadableDictionary } from './markdown/read-back.test-support.ts'

const fixtures = { shop, blog, 'edge-cases': edgeCases }

const fenced = (markdown: string) => /```mermaid\n([\s\S]*?)\n```/.exec(markdown)?.[1]

describe('markdown exporter', () => {
  for (const [name, design] of Object.entries(fixtures)) {
    it(`prints ${name} as in its golden file`, async () => {
      const doc = createDocument({ name: `The ${name} design`, schema: design })
      await expect(exportSchema('markdown', design, { document: doc }).text).toMatchFileSnapshot(`__golden__/${name}.md`)
    })
    it(`prints ${name} the same way every time`, () => {
      expect(exportSchema('markdown', design).text).toBe(exportSchema('markdown', structuredClone(design)).text)
    })
    it(`shows every name and comment of ${name} as text, and embeds the Mermaid export`, async () => {
      const out = exportSchema('markdown', design)
      expect(out.diagnostics).toEqual([])
      expectReadableDictionary(design, out.text)
      expect(fenced(out.text) + '\n').toBe(exportSchema('mermaid', design).text)
      await mermaid.parse(fenced(out.text)!)
    })
  }

  it('shows hostile words as text wherever they stand', () => {
    const columns = Object.fromEntries(targetWords.map((w) => [w, col('text').comment(w).default(w)]))
    const design = schema(
      Object.fromEntries(targetWords.map((w) => [w, table({ id: col('integer').primaryKey(), ...columns }, { comment: w })])),
      { enums: { kinds: targetWords } },
    )
    expectReadableDictionary(design, exportSchema('markdown', design).text)
  })

  it('shows random designs with hostile names as text', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const design = hostileSchema(g)
        expectReadableDictionary(design, exportSchema('markdown', design).text)
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200), interruptAfterTimeLimit: 120_000, markInterruptAsFailure: true },
    )
  })

  it('keeps the diagram within what Mermaid draws: columns go first, then the diagram', () => {
    const { schema: big } = generateDesign({ tables: 1000, seed: 1 })
    expect(exportSchema('mermaid', big).text.length).toBeGreaterThan(mermaidMaxText)
    const out = exportSchema('markdown', big)
    const diagram = fenced(out.text)
    if (diagram === undefined) {
      expect(out.diagnostics.map((d) => d.code)).toEqual(['diagram-too-large'])
      expect(out.text).toContain('The diagram is left out: 1000 tables are more than Mermaid draws.')
    } else {
      expect(diagram.length).toBeLessThanOrEqual(mermaidMaxText)
      expect(out.text).toContain('Tables and relationships only')
    }
    const { schema: medium } = generateDesign({ tables: 120, seed: 1 })
    const compact = fenced(exportSchema('markdown', medium).text)!
    expect(compact).not.toMatch(/ \{$/m)
    expect(compact).toMatch(/^ {2}\w+\n {2}\w+/m)
    expect(compact.length).toBeLessThanOrEqual(mermaidMaxText)
  })
})

describe('markdown escaping', () => {
  const cellOf = (name: string) => exportSchema('markdown', schema({ t: table({ [name]: col('integer').comment(name) }) })).text.split('\n').find((l) => l.includes('| `integer` |') || l.includes('<code>integer'))!
  it.each([
    ['a|b', '| <code>a&#124;b</code> | `integer` | yes |  |  | a\\|b |'],
    ['`tick`', '| <code>&#96;tick&#96;</code> | `integer` | yes |  |  | \\`tick\\` |'],
    ['**bold** <b>', '| `**bold** <b>` | `integer` | yes |  |  | \\*\\*bold\\*\\* \\<b\\> |'],
    ['two\nlines', '| <code>two<br>lines</code> | `integer` | yes |  |  | two<br>lines |'],
    [' lead', '| ` lead` | `integer` | yes |  |  | &#32;lead |'],
    ['$x$ & ~y~', '| `$x$ & ~y~` | `integer` | yes |  |  | \\$x\\$ \\& \\~y\\~ |'],
  ])('writes the column %j so that it shows as itself', (name, line) => {
    expect(cellOf(name)).toBe(line)
  })
})
