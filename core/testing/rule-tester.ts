/**
 * Table-driven rule tests, as strict as ESLint's RuleTester:
 *
 *   ruleTester.run(rule, {
 *     valid: [schema({ users: table({ id: col('uuid').primaryKey() }) })],
 *     invalid: [{ schema: schema({ logs: table({ msg: col('text') }) }),
 *                 errors: [{ messageId: 'missing', target: { table: 'logs' } }] }],
 *   })
 *
 * Every schema is deep-frozen (a rule that mutates the model crashes), every expected message id
 * must exist, every invalid case must report exactly the expected findings in order, duplicate
 * cases are rejected, and every fix a finding offers is applied: it must remove that finding and
 * add no error-severity finding of any rule.
 */
import { describe, expect, it } from 'vitest'
import type { Severity } from '../diagnostics.ts'
import type { Schema } from '../model/schema.ts'
import { rules as registry } from '../rules/index.ts'
import { createLinter } from '../rules/lint.ts'
import { findingKey } from '../rules/report.ts'
import type { AnyRule, RuleDiagnostic } from '../rules/types.ts'
import { deepFreeze } from './freeze.ts'

export interface ValidCase {
  readonly name?: string
  readonly schema: Schema
  readonly options?: Readonly<Record<string, unknown>>
}

export interface ExpectedFinding {
  readonly messageId: string
  /** Names as the user sees them; `table` may omit the `public.` prefix. */
  readonly target?: { readonly table?: string; readonly column?: string; readonly constraint?: string; readonly index?: string; readonly enum?: string }
  readonly severity?: Severity
  /** A substring the message must contain, or a pattern it must match. */
  readonly message?: string | RegExp
  /** How many fixes the finding offers (checked when given). */
  readonly fixes?: number
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedFinding[]
}

export interface RuleTests {
  readonly valid: ReadonlyArray<Schema | ValidCase>
  readonly invalid: readonly InvalidCase[]
}

/** Runs one rule alone (at its default severity, even when it is off by default). */
export function runRule(rule: AnyRule, schema: Schema, options?: Readonly<Record<string, unknown>>): RuleDiagnostic[] {
  const setting = options ? ([rule.meta.severity, options] as const) : rule.meta.severity
  return createLinter({ rules: { [rule.meta.id]: setting } }, [rule]).lint(schema)
}

/** Every rule of the registry, with `rule` at the given options: what a fix must not break. */
function runAll(rule: AnyRule, schema: Schema, options?: Readonly<Record<string, unknown>>): RuleDiagnostic[] {
  return createLinter(options ? { rules: { [rule.meta.id]: [rule.meta.severity, options] } } : undefined, registry).lint(schema)
}

const caseName = (c: ValidCase, i: number, kind: string) => c.name ?? `${kind} #${i + 1}`

function matchName(actual: string | undefined, expected: string | undefined): boolean {
  if (expected === undefined) return true
  return actual === expected || actual === `public.${expected}`
}

export const ruleTester = {
  run(rule: AnyRule, tests: RuleTests): void {
    const id = rule.meta.id
    const messageIds = new Set(Object.keys(rule.meta.messages))
    const valid = tests.valid.map((v): ValidCase => ('tables' in v ? { schema: v } : v))
    const seen = new Set<string>()
    for (const c of [...valid, ...tests.invalid]) {
      const key = JSON.stringify([c.schema, c.options ?? null])
      if (seen.has(key)) throw new Error(`${id}: a test case is listed twice (${c.name ?? 'unnamed'}).`)
      seen.add(key)
      deepFreeze(c.schema)
    }
    for (const c of tests.invalid) {
      if (c.errors.length === 0) throw new Error(`${id}: the invalid case "${c.name ?? 'unnamed'}" expects no findings; put it in valid.`)
      for (const e of c.errors) if (!messageIds.has(e.messageId)) throw new Error(`${id}: unknown messageId "${e.messageId}".`)
    }

    describe(id, () => {
      valid.forEach((c, i) => {
        it(`stays silent on ${caseName(c, i, 'valid')}`, () => {
          const found = runRule(rule, c.schema, c.options)
          expect(found.map((d) => `${d.messageId}: ${d.message}`)).toEqual([])
        })
      })
      tests.invalid.forEach((c, i) => {
        it(`reports ${caseName(c, i, 'invalid')}`, () => {
          const found = runRule(rule, c.schema, c.options)
          for (const d of found) {
            expect(messageIds.has(d.messageId), `"${d.messageId}" is not in meta.messages: ${d.message}`).toBe(true)
            expect(d.message, 'every template placeholder is filled').not.toMatch(/\{\{/)
          }
          expect(found.map((d) => `${d.messageId}: ${d.message}`)).toHaveLength(c.errors.length)
          c.errors.forEach((e, k) => {
            const d = found[k]!
            const t = d.target
            const where = `finding ${k + 1} (${d.messageId}: ${d.message})`
            expect(d.messageId, where).toBe(e.messageId)
            expect(matchName(t.table, e.target?.table), `${where}: table ${t.table}`).toBe(true)
            for (const part of ['column', 'constraint', 'index', 'enum'] as const)
              if (e.target?.[part] !== undefined) expect(t[part], `${where}: ${part}`).toBe(e.target[part])
            if (e.severity) expect(d.severity, where).toBe(e.severity)
            if (typeof e.message === 'string') expect(d.message, where).toContain(e.message)
            else if (e.message) expect(d.message, where).toMatch(e.message)
            if (e.fixes !== undefined) expect(d.fixes?.length ?? 0, `${where}: fixes`).toBe(e.fixes)
          })
          checkFixes(rule, c, found)
        })
      })
    })
  },
}

function checkFixes(rule: AnyRule, c: InvalidCase, found: readonly RuleDiagnostic[]) {
  const withFixes = found.filter((d) => d.fixes && d.fixes.length > 0)
  if (withFixes.length === 0) return
  const errorsBefore = new Set(runAll(rule, c.schema, c.options).filter((d) => d.severity === 'error').map(findingKey))
  for (const d of withFixes) {
    for (const fix of d.fixes!) {
      const label = `fix "${fix.title}" of ${d.messageId} (${d.message})`
      expect(fix.title, label).not.toMatch(/\{\{|undefined/)
      const fixed = deepFreeze(fix.apply(c.schema))
      const after = runRule(rule, fixed, c.options)
      expect(after.some((x) => findingKey(x) === findingKey(d)), `${label} must remove the finding`).toBe(false)
      const newErrors = runAll(rule, fixed, c.options).filter((x) => x.severity === 'error' && !errorsBefore.has(findingKey(x)))
      expect(newErrors.map((x) => `${x.code}: ${x.message}`), `${label} must add no error`).toEqual([])
    }
  }
}
