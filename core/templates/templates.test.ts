import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lint } from '../rules/lint.ts'
import { checkStructure } from '../model/validate.ts'
import { comparable } from '../testing/compare.ts'
import { type TestDatabase, createPglite } from '../testing/databases.ts'
import { applyAndRead } from '../testing/roundtrip.ts'
import { templateById, templates } from './index.ts'

let db: TestDatabase
beforeAll(async () => {
  db = await createPglite()
})
afterAll(async () => {
  await db.close()
})

describe('templates', () => {
  it('have unique kebab-case ids and say what they hold', () => {
    const ids = templates.map((t) => t.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const t of templates) {
      expect(t.id).toMatch(/^[a-z]+(-[a-z]+)*$/)
      expect(t.name.length).toBeGreaterThan(0)
      expect(t.description.length).toBeGreaterThan(10)
      expect(templateById(t.id)).toBe(t)
    }
    expect(templateById('nope')).toBeUndefined()
    expect(ids).toEqual(expect.arrayContaining(['blank', 'e-commerce', 'accounts', 'blog']))
  })

  for (const t of templates.filter((x) => x.id !== 'blank')) {
    it(`${t.id}: is structurally sound, passes the recommended rules without errors, and PostgreSQL creates it`, async () => {
      const { schema } = t.create()
      expect(schema.tables.length).toBeGreaterThan(2)
      expect(checkStructure(schema).diagnostics.filter((d) => d.severity === 'error')).toEqual([])
      expect(lint(schema).filter((d) => d.severity === 'error').map((d) => `${d.rule}: ${d.message}`)).toEqual([])
      await db.reset()
      const { readBack } = await applyAndRead(db, schema)
      expect(comparable(readBack)).toEqual(comparable(schema))
    })
  }

  it('the users, sessions and roles design follows the seeds it comes from', () => {
    const { schema } = templateById('accounts')!.create()
    expect(schema.tables.map((x) => x.name)).toEqual(['users', 'sessions', 'roles', 'user_roles'])
    const findings = lint(schema).map((d) => d.rule)
    // The corrections named in the fixture: none of the defects the seeds' own DDL has.
    for (const rule of ['prefer-timestamptz', 'cardinality-mismatch', 'redundant-index', 'junction-key', 'fk-missing-index', 'unconstrained-status'])
      expect(findings).not.toContain(rule)
  })

  it('blank is empty', () => {
    expect(templateById('blank')!.create().schema.tables).toEqual([])
  })
})
