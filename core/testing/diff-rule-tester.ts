/**
 * Table-driven tests for migration-safety rules, as strict as the model rule tester: both
 * versions are deep-frozen, every expected message id must exist, every invalid case must report
 * exactly the expected findings in order, duplicates are rejected, and every finding that names a
 * step must name a step of the plan.
 *
 *   diffRuleTester.run(rule, {
 *     valid: [{ name: 'a new table', before, after }],
 *     invalid: [{ before, after, plan: { mode: 'simple' }, errors: [{ messageId: 'scan', target: { table: 'users' } }] }],
 *   })
 */
import { describe, expect, it } from 'vitest'
import { planMigration } from '../diff/plan-migration.ts'
import type { PlanOptions } from '../diff/plan-migration/types.ts'
import type { Schema } from '../model/schema.ts'
import { lintChange } from '../rules/lint.ts'
import type { AnyRule, RuleDiagnostic } from '../rules/types.ts'
import { deepFreeze } from './freeze.ts'
import type { ExpectedFinding } from './rule-tester.ts'

export interface DiffCase {
  readonly name: string
  readonly before: Schema
  readonly after: Schema
  /** How the migration is planned (default: safe mode). */
  readonly plan?: PlanOptions
  readonly options?: Readonly<Record<string, unknown>>
}

export interface DiffInvalidCase extends DiffCase {
  readonly errors: readonly ExpectedFinding[]
}

/** Runs one diff rule alone, at its default severity, on the plan from `before` to `after`. */
export function runDiffRule(rule: AnyRule, before: Schema, after: Schema, plan: PlanOptions = {}, options?: Readonly<Record<string, unknown>>): RuleDiagnostic[] {
  const setting = options ? ([rule.meta.severity, options] as const) : rule.meta.severity
  return lintChange(before, after, { rules: { [rule.meta.id]: setting } }, [rule], { plan: planMigration(before, after, plan) })
}

const matchName = (actual: string | undefined, expected: string | undefined) => expected === undefined || actual === expected || actual === `public.${expected}`

export const diffRuleTester = {
  run(rule: AnyRule, tests: { readonly valid: readonly DiffCase[]; readonly invalid: readonly DiffInvalidCase[] }): void {
    const id = rule.meta.id
    const messageIds = new Set(Object.keys(rule.meta.messages))
    const seen = new Set<string>()
    for (const c of [...tests.valid, ...tests.invalid]) {
      const key = JSON.stringify([c.before, c.after, c.plan ?? null, c.options ?? null])
      if (seen.has(key)) throw new Error(`${id}: a test case is listed twice (${c.name}).`)
      seen.add(key)
      deepFreeze(c.before)
      deepFreeze(c.after)
    }
    for (const c of tests.invalid) {
      if (c.errors.length === 0) throw new Error(`${id}: the invalid case "${c.name}" expects no findings; put it in valid.`)
      for (const e of c.errors) if (!messageIds.has(e.messageId)) throw new Error(`${id}: unknown messageId "${e.messageId}".`)
    }
    describe(id, () => {
      for (const c of tests.valid)
        it(`stays silent on ${c.name}`, () => {
          expect(runDiffRule(rule, c.before, c.after, c.plan, c.options).map((d) => `${d.messageId}: ${d.message}`)).toEqual([])
        })
      for (const c of tests.invalid)
        it(`reports ${c.name}`, () => {
          const plan = planMigration(c.before, c.after, c.plan)
          const found = runDiffRule(rule, c.before, c.after, c.plan, c.options)
          expect(found.map((d) => `${d.messageId}: ${d.message}`)).toHaveLength(c.errors.length)
          c.errors.forEach((e, k) => {
            const d = found[k]!
            const where = `finding ${k + 1} (${d.messageId}: ${d.message})`
            expect(d.messageId, where).toBe(e.messageId)
            expect(d.message, 'every placeholder is filled').not.toMatch(/\{\{|undefined/)
            expect(matchName(d.target.table, e.target?.table), `${where}: table ${d.target.table}`).toBe(true)
            for (const part of ['column', 'constraint', 'index', 'enum'] as const)
              if (e.target?.[part] !== undefined) expect(d.target[part], `${where}: ${part}`).toBe(e.target[part])
            if (e.severity) expect(d.severity, where).toBe(e.severity)
            if (typeof e.message === 'string') expect(d.message, where).toContain(e.message)
            else if (e.message) expect(d.message, where).toMatch(e.message)
            if (d.stepId !== undefined) expect(plan.steps.some((s) => s.id === d.stepId), `${where}: step ${d.stepId} exists`).toBe(true)
          })
        })
    })
  },
}
