/**
 * The Mermaid, DBML and Markdown exporters on real schemas: every file of the shared corpus
 * (PostgreSQL dumps, DBML, Prisma) is imported once, then each export must pass its own proof:
 * Mermaid's parser reads every table, column, key and relationship back; @dbml/core reads the DBML
 * back field by field; a Markdown parser shows every name and comment as text.
 */
import { Parser } from '@dbml/core'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { importers, importSchema } from '../importers/index.ts'
import { expectSameDbml, expectedDbml, readDbml } from './dbml/read-back.test-support.ts'
import { exportSchema } from './index.ts'
import { expectReadableDictionary } from './markdown/read-back.test-support.ts'
import { expectSameDiagram, expectedMermaid, readMermaid } from './mermaid/read-back.test-support.ts'

const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url))
const formats = [
  { importer: 'postgres', dir: 'postgres', ext: '.sql' },
  { importer: 'dbml', dir: 'dbml', ext: '.dbml' },
  { importer: 'prisma', dir: 'prisma', ext: '.prisma' },
] as const

const parser = new Parser()
const figures: string[] = []
afterAll(() => {
  console.log(['Text exports of the corpus (file: tables; export ms mermaid/dbml/markdown; loss kinds mermaid/dbml)', ...figures].join('\n  '))
})

for (const { importer, dir, ext } of formats) {
  const files = readdirSync(corpus + dir).filter((f) => f.endsWith(ext)).sort()
  describe(`${dir} corpus`, () => {
    for (const file of files) {
      it.skipIf(!Object.hasOwn(importers, importer))(`exports ${file} to Mermaid, DBML and Markdown that their parsers read back`, async () => {
        const imported = await importSchema(importer, readFileSync(corpus + dir + '/' + file, 'utf8'), { fileName: file })
        expect(imported.ok).toBe(true)
        if (!imported.ok) return
        const design = imported.schema
        const timed = (id: string) => {
          const t0 = performance.now()
          const out = exportSchema(id, design)
          return { out, ms: Math.round(performance.now() - t0) }
        }
        const mermaid = timed('mermaid')
        const dbml = timed('dbml')
        const markdown = timed('markdown')

        expectSameDiagram(await readMermaid(mermaid.out.text), expectedMermaid(design))
        expectSameDbml(readDbml(parser, dbml.out.text), expectedDbml(design))
        expectReadableDictionary(design, markdown.out.text)
        for (const out of [mermaid.out, dbml.out]) {
          const losses = out.diagnostics.filter((d) => d.code.startsWith('cannot-express-'))
          expect(new Set(losses.map((d) => d.code)).size).toBe(losses.length)
        }
        expect(dbml.out.diagnostics.filter((d) => d.severity === 'error')).toEqual([])

        figures.push(
          `${dir}/${file}: ${design.tables.length}; ${mermaid.ms}/${dbml.ms}/${markdown.ms}; ${mermaid.out.diagnostics.length}/${dbml.out.diagnostics.length}`,
        )
      }, 300_000)
    }
  })
}
