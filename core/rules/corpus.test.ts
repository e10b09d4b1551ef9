/**
 * Every schema of the shared corpus (third-party, read only): no rule may crash, and on a schema
 * PostgreSQL accepts no structural rule may report an error, since such a finding would claim
 * PostgreSQL rejects or breaks what it ran (a bug in the rule). Design rules (a missing primary
 * key, float money, a reserved word) may still be errors there: PostgreSQL accepts those designs.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importerForFile, importers } from '../importers/index.ts'
import { lint } from './lint.ts'

const root = new URL('../../../shared/corpus/', import.meta.url)
const files = ['postgres', 'prisma', 'dbml'].flatMap((dir) =>
  readdirSync(new URL(`${dir}/`, root))
    .filter((f) => /\.(sql|prisma|dbml)$/.test(f))
    .map((f) => `${dir}/${f}`),
)

/** Loaded on PostgreSQL 15 with 0 errors (corpus MANIFEST); Prisma schemas pass Prisma's validator. */
const acceptedByPostgres = new Set(['postgres/chinook.sql', 'postgres/northwind.sql', 'postgres/danbooru.sql', 'postgres/panoptes.sql', 'postgres/synapse.sql', 'postgres/mimic-iv.sql'])
const structural = new Set([
  'duplicate-relation-name', 'duplicate-column-name', 'duplicate-constraint-name', 'identifier-too-long', 'fk-target-missing',
  'fk-target-not-unique', 'fk-column-mismatch', 'check-invalid', 'default-invalid', 'partition-key-in-unique',
])

describe.skipIf(!['postgres', 'prisma', 'dbml'].every((id) => id in importers))('the corpus, linted', () => {
  it('has the 25 corpus files', () => expect(files.length).toBe(25))

  for (const file of files) {
    it(`lints ${file} without a crash${acceptedByPostgres.has(file) || file.startsWith('prisma/') ? ' or a structural error' : ''}`, async () => {
      const text = readFileSync(new URL(file, root), 'utf8')
      const result = await importerForFile(file)!.import(text, { fileName: file })
      expect(result.ok, result.diagnostics.find((d) => d.severity === 'error')?.message).toBe(true)
      if (!result.ok) return
      // Strict: every rule runs, text-length-policy included.
      const found = lint(result.schema, { preset: 'strict' })
      expect(found.filter((d) => d.messageId === '__crash__').map((d) => d.message)).toEqual([])
      if (acceptedByPostgres.has(file) || file.startsWith('prisma/')) {
        const wrong = found.filter((d) => d.severity === 'error' && structural.has(d.code))
        expect(wrong.map((d) => `${d.code} ${d.target.table}: ${d.message}`)).toEqual([])
      }
    })
  }
})
