import type { DdlStatement } from '../sql/ddl.ts'
import { quoteIdent } from '../sql/quote.ts'
import { defineDiffRule, docsPath } from './define-rule.ts'
import { statements, stepTarget } from './utils/migration.ts'

/**
 * SET NOT NULL reads every row under ACCESS EXCLUSIVE, unless a valid CHECK (col IS NOT NULL)
 * already proves it (PostgreSQL 12+). The safe form: add that CHECK NOT VALID, VALIDATE it (reads
 * and writes go on), SET NOT NULL, drop the CHECK. Safe plans do exactly that; this reports a plan
 * (simple mode) that does not.
 */
export default defineDiffRule({
  meta: {
    id: 'set-not-null',
    category: 'migration',
    scope: 'diff',
    severity: 'warning',
    description: 'SET NOT NULL on a table with rows scans it under ACCESS EXCLUSIVE, with no valid CHECK to spare the scan.',
    messages: {
      scan: 'SET NOT NULL on "{{table}}.{{column}}" scans "{{table}}" while every read and write waits; add CHECK ({{column}} IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL.',
    },
    docs: docsPath('set-not-null'),
  },
  check(diff, ctx) {
    const validated: DdlStatement[] = []
    const checks = new Map<string, string>()
    for (const [step, s] of statements(diff)) {
      if (s.kind === 'addConstraint' && s.constraint.kind === 'check') checks.set(`${s.table.namespace}.${s.table.name}.${s.constraint.name}`, s.constraint.expression)
      if (s.kind === 'validateConstraint') validated.push(s)
      if (s.kind !== 'alterColumn' || s.change.kind !== 'setNotNull' || !step.onExistingTable) continue
      const expected = `${quoteIdent(s.column)} IS NOT NULL`
      const proven = validated.some((v) => v.kind === 'validateConstraint' && v.table.name === s.table.name && v.table.namespace === s.table.namespace && checks.get(`${v.table.namespace}.${v.table.name}.${v.name}`) === expected)
      if (proven) continue
      ctx.report({ messageId: 'scan', target: stepTarget(diff, step), data: { table: s.table.name, column: s.column }, stepId: step.id, ...(step.changeIds[0] ? { changeId: step.changeIds[0] } : {}) })
    }
  },
})
