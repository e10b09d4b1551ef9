import { classifyTypeChange } from '../diff/plan-migration/casts.ts'
import { defineDiffRule, docsPath } from './define-rule.ts'
import { changeTarget, stepOf } from './utils/migration.ts'

/**
 * Error: no cast applies by itself, so the type change needs a USING expression that only the user
 * can confirm (drizzle-kit emits none and fails; Prisma drops and re-adds the column, losing the
 * data). Warning: the cast exists but can lose or reject values (a shorter varchar, a smaller
 * scale, text to integer through the user's USING).
 */
export default defineDiffRule({
  meta: {
    id: 'type-change-unsafe-cast',
    category: 'migration',
    scope: 'diff',
    severity: 'error',
    description: 'A type change has no automatic cast (USING is required), or its cast can lose or reject values.',
    messages: {
      noCast: 'No cast turns "{{table}}.{{column}}" from {{from}} into {{to}} by itself; the plan uses {{suggestion}}. Confirm it or give another USING expression for {{change}}.',
      risky: 'Changing "{{table}}.{{column}}" from {{from}} to {{to}}: {{risk}}.',
    },
    docs: docsPath('type-change-unsafe-cast'),
  },
  check(diff, ctx) {
    for (const c of diff.changes) {
      if (c.kind !== 'columnRetyped') continue
      const step = stepOf(diff, c.id)
      if (!step?.onExistingTable) continue
      const info = classifyTypeChange(c.from, c.to)
      const input = diff.plan.inputs.find((i) => i.changeId === c.id && i.kind === 'using')
      const data = { table: c.table, column: c.column, from: c.fromText, to: c.toText }
      const at = { changeId: c.id, stepId: step.id }
      if (!info.assignment && input?.supplied === undefined)
        ctx.report({ messageId: 'noCast', target: changeTarget(diff, c), data: { ...data, suggestion: input?.suggestion ?? 'a plain cast', change: c.id }, ...at })
      else if (info.risk) ctx.report({ messageId: 'risky', severity: 'warning', target: changeTarget(diff, c), data: { ...data, risk: info.risk }, ...at })
    }
  },
})
