import { defineRule, docsPath } from './define-rule.ts'
import { structuralFindings, targetOf } from './utils/structure.ts'

/**
 * Constraint names must be unique per table. The index a PRIMARY KEY or UNIQUE creates takes the
 * constraint's name as a relation name, so that clash is reported by duplicate-relation-name.
 */
export default defineRule({
  meta: {
    id: 'duplicate-constraint-name',
    category: 'integrity',
    scope: 'model',
    severity: 'error',
    granularity: 'schema',
    description: 'Two constraints of a table have the same name.',
    messages: { duplicate: '{{message}} Rename one of them.' },
    docs: docsPath('duplicate-constraint-name'),
  },
  check(schema, ctx) {
    for (const d of structuralFindings(schema, 'duplicate-constraint-name'))
      ctx.report({ messageId: 'duplicate', target: targetOf(ctx.index, d.target), data: { message: d.message } })
  },
})
