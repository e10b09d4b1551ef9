/**
 * The migration-safety rules (scope D) on a plan, with the same engine and configuration as the
 * model rules. Findings carry the `stepId` of the step they are about, so the printed migration
 * shows them above it.
 */
import type { LintConfig } from '../rules/config.ts'
import { lintChange } from '../rules/lint.ts'
import type { AnyRule, RuleDiagnostic } from '../rules/types.ts'
import type { MigrationPlan } from './plan-migration/types.ts'

/**
 * @example
 *   const plan = planMigration(before, after)
 *   const findings = lintMigration(plan, { rules: { 'destructive-drop': 'error' } })
 *   findings.some((f) => f.severity === 'error') // refuse to ship
 */
export function lintMigration(plan: MigrationPlan, config?: LintConfig, rules?: readonly AnyRule[]): RuleDiagnostic[] {
  return lintChange(plan.before, plan.after, config, rules, { changes: plan.changes, plan })
}
