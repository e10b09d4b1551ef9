import { defineDiffRule, docsPath } from './define-rule.ts'

/**
 * Without lock_timeout, an ALTER that waits for a lock (behind one long query) makes every later
 * query on the table wait behind it: an outage from a one-line migration. Without
 * statement_timeout, a step can run for ever. Safe plans set both before every transaction (a
 * longer statement_timeout for the steps that scan or build); simple mode and empty timeouts do not.
 */
export default defineDiffRule({
  meta: {
    id: 'lock-timeouts',
    category: 'migration',
    scope: 'diff',
    severity: 'info',
    description: 'The migration runs without lock_timeout or statement_timeout on tables that hold rows.',
    messages: {
      missing: 'The migration does not set {{which}}: a step waiting for a lock on a busy table blocks every query behind it; set lock_timeout (e.g. 5s) and statement_timeout, and retry on timeout.',
    },
    docs: docsPath('lock-timeouts'),
  },
  check(diff, ctx) {
    const plan = diff.plan
    if (!plan.steps.some((s) => s.onExistingTable)) return
    const none = (v: string) => v.trim() === '' || v.trim() === '0'
    const missing: string[] = []
    if (plan.mode === 'simple' || none(plan.options.lockTimeout)) missing.push('lock_timeout')
    if (plan.mode === 'simple' || none(plan.options.statementTimeout)) missing.push('statement_timeout')
    if (missing.length === 0) return
    const first = plan.steps.find((s) => s.onExistingTable)!
    ctx.report({ messageId: 'missing', target: {}, data: { which: missing.join(' or ') }, stepId: first.id })
  },
})
