import { defineRule, docsPath } from './define-rule.ts'
import { structuralFindings, targetOf } from './utils/structure.ts'

/**
 * Tables, indexes (including those behind PRIMARY KEY and UNIQUE), sequences and types share one
 * name space per schema; a clash makes the DDL fail.
 */
export default defineRule({
  meta: {
    id: 'duplicate-relation-name',
    category: 'integrity',
    scope: 'model',
    severity: 'error',
    granularity: 'schema',
    description: 'Two relations (table, index, sequence) or a type and a table share a name in one schema.',
    messages: { clash: '{{message}} Rename one of them.' },
    docs: docsPath('duplicate-relation-name'),
  },
  check(schema, ctx) {
    for (const d of structuralFindings(schema, 'duplicate-relation-name'))
      ctx.report({ messageId: 'clash', target: targetOf(ctx.index, d.target), data: { message: d.message } })
  },
})
