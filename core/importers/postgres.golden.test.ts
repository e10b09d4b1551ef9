/**
 * Golden pairs: each `__fixtures__/postgres/<name>.sql` beside the model and the diagnostics it
 * imports to (`<name>.json`). Update with `vitest -u` and review the diff.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { importPostgres } from './postgres.ts'

const dir = fileURLToPath(new URL('./__fixtures__/postgres/', import.meta.url))

describe('postgres importer goldens', () => {
  it.each(readdirSync(dir).filter((f) => f.endsWith('.sql')))('%s', async (file) => {
    const { result } = await importPostgres(readFileSync(dir + file, 'utf8'))
    await expect(JSON.stringify(result, null, 2) + '\n').toMatchFileSnapshot(`./__fixtures__/postgres/${file.replace(/\.sql$/, '.json')}`)
  })
})
