/**
 * Round trips through our own DDL: import -> export -> import gives the same model, and
 * export -> import -> export gives the same text, byte for byte, for the shared fixtures, our
 * SQL fixtures and every PostgreSQL file of the corpus.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { exportSchema } from '../exporters/index.ts'
import { blog } from '../fixtures/blog.ts'
import { edgeCases } from '../fixtures/edge-cases.ts'
import { shop } from '../fixtures/shop.ts'
import type { Schema } from '../model/schema.ts'
import { comparable } from '../testing/compare.ts'
import { importPostgres } from './postgres.ts'

const corpusDir = fileURLToPath(new URL('../../../shared/corpus/postgres/', import.meta.url))
const fixtureDir = fileURLToPath(new URL('./__fixtures__/postgres/', import.meta.url))
const sqlFiles = [
  ...readdirSync(fixtureDir).filter((f) => f.endsWith('.sql')).map((f) => fixtureDir + f),
  ...readdirSync(corpusDir).filter((f) => f.endsWith('.sql')).map((f) => corpusDir + f),
]

async function importOk(sql: string): Promise<Schema> {
  const { result } = await importPostgres(sql)
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics.slice(0, 3)))
  // Our own DDL must import without a single note beyond the summary.
  expect(result.diagnostics.filter((d) => d.code !== 'sql-import-summary')).toEqual([])
  return result.schema
}

const exact = (s: Schema) => comparable(s, { expressions: 'exact' })

describe('postgres importer round trips', () => {
  it.each([
    ['blog', blog],
    ['shop', shop],
    ['edge cases', edgeCases],
  ] as const)('reads back the export of the %s fixture as the same model', async (_, schema) => {
    const ddl = exportSchema('postgres', schema).text
    const back = await importOk(ddl)
    expect(exact(back)).toEqual(exact(schema))
    expect(exportSchema('postgres', back).text).toBe(ddl)
  })

  it.each(sqlFiles.map((path) => [path.split('/').pop()!, path]))('%s: import -> export -> import is stable', async (_, path) => {
    const { result } = await importPostgres(readFileSync(path, 'utf8'))
    if (!result.ok) throw new Error('the file did not import')
    const ddl = exportSchema('postgres', result.schema).text
    const back = await importOk(ddl)
    expect(exact(back)).toEqual(exact(result.schema))
    expect(exportSchema('postgres', back).text).toBe(ddl)
  })
})
