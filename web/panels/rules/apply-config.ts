/**
 * Putting a rule configuration into the document: checked by the core first, then one undo entry.
 * The lint scheduler sees `document.lint` change and runs the rules again.
 */
import type { LintConfig } from '@core'
import type { AppStore } from '../../store/index.ts'
import { configProblems, sameValue } from './rule-config.ts'

/** Applies `next`; returns the problems instead when the core refuses it (nothing changes then). */
export function applyLintConfig(store: AppStore, label: string, next: LintConfig, options: { coalesce?: string } = {}): string[] {
  const problems = configProblems(next)
  if (problems.length > 0) return problems
  const current = store.getState().document.lint
  if (sameValue(normalize(current), normalize(next))) return []
  const result = store.getState().apply(label, (doc) => ({ ...doc, lint: next }), options)
  return result.ok ? [] : [result.message]
}

function normalize(config: LintConfig | undefined): LintConfig {
  return { preset: config?.preset ?? 'recommended', rules: config?.rules ?? {} }
}
