/**
 * The docs are tests: every rule's ❌ example, imported as PostgreSQL DDL, must make the rule
 * report, and its ✅ example must leave it silent (typescript-eslint's docs test does the same).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importers, importSchema } from '../importers/index.ts'
import { runRule } from '../testing/rule-tester.ts'
import { rules } from './index.ts'
import { readRuleDoc } from './utils/rule-doc.ts'

const docPath = (id: string) => new URL(`./${id}.md`, import.meta.url)

describe.skipIf(!('postgres' in importers))('rule docs run as tests', () => {
  for (const rule of rules) {
    const id = rule.meta.id
    const doc = readRuleDoc(readFileSync(docPath(id), 'utf8'))

    it(`${id}: the ❌ example is reported`, async () => {
      expect(doc.bad, 'the doc has a ❌ sql block').toBeDefined()
      const result = await importSchema('postgres', doc.bad!)
      if (doc.rejected) {
        const refused = !result.ok || result.diagnostics.some((d) => /reject|left out|not defined/i.test(d.message))
        expect(refused, 'PostgreSQL refuses this DDL, so the import must say so').toBe(true)
        return
      }
      expect(result.ok, result.diagnostics.map((d) => d.message).join('\n')).toBe(true)
      if (!result.ok) return
      expect(runRule(rule, result.schema).map((d) => d.message)).not.toEqual([])
    })

    it(`${id}: the ✅ example is silent`, async () => {
      expect(doc.good, 'the doc has a ✅ sql block').toBeDefined()
      const result = await importSchema('postgres', doc.good!)
      expect(result.ok, result.diagnostics.map((d) => d.message).join('\n')).toBe(true)
      if (!result.ok) return
      expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([])
      expect(runRule(rule, result.schema).map((d) => d.message)).toEqual([])
    })
  }
})
