/**
 * The docs are tests: every rule's ❌ example, imported as PostgreSQL DDL, must make the rule
 * report, and its ✅ example must leave it silent (typescript-eslint's docs test does the same).
 * A migration-safety rule's example is a design and a change to it: both are imported, the
 * migration between them is planned, and the rule judges that plan.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importers, importSchema } from '../importers/index.ts'
import { runRule } from '../testing/rule-tester.ts'
import { runDiffRule } from '../testing/diff-rule-tester.ts'
import { alignIds } from '../diff/align.ts'
import type { AnyRule } from './types.ts'
import type { DocExample } from './utils/rule-doc.ts'
import { rules } from './index.ts'
import { readRuleDoc } from './utils/rule-doc.ts'

const docPath = (id: string) => new URL(`./${id}.md`, import.meta.url)

describe.skipIf(!('postgres' in importers))('rule docs run as tests', () => {
  for (const rule of rules) {
    const id = rule.meta.id
    const doc = readRuleDoc(readFileSync(docPath(id), 'utf8'))
    if (rule.meta.scope === 'diff') {
      it(`${id}: the ❌ migration is reported`, async () => {
        expect(await runDiffExample(rule, doc.badExample)).not.toEqual([])
      })
      it(`${id}: the ✅ migration is silent`, async () => {
        expect(await runDiffExample(rule, doc.goodExample)).toEqual([])
      })
      continue
    }

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

async function importOk(sql: string) {
  const result = await importSchema('postgres', sql)
  expect(result.ok, result.diagnostics.map((d) => d.message).join('\n')).toBe(true)
  if (!result.ok) throw new Error('import failed')
  expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([])
  return result.schema
}

async function runDiffExample(rule: AnyRule, example: DocExample | undefined): Promise<string[]> {
  expect(example?.blocks.length, 'the example has a design and a change').toBe(2)
  const [design, change] = example!.blocks as [string, string]
  const before = await importOk(design)
  const after = example!.after === 'full' ? alignIds(await importOk(change), before) : await importOk(`${design}\n${change}`)
  return runDiffRule(rule, before, after, { mode: example!.plan }).map((d) => d.message)
}
