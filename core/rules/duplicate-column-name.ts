import { defineRule, docsPath } from './define-rule.ts'
import { structuralFindings, targetOf } from './utils/structure.ts'

export default defineRule({
  meta: {
    id: 'duplicate-column-name',
    category: 'integrity',
    scope: 'model',
    severity: 'error',
    granularity: 'schema',
    description: 'The same column name appears twice in a table.',
    messages: { duplicate: '{{message}} Rename or remove one of them.' },
    docs: docsPath('duplicate-column-name'),
  },
  check(schema, ctx) {
    for (const d of structuralFindings(schema, 'duplicate-column-name'))
      ctx.report({ messageId: 'duplicate', target: targetOf(ctx.index, d.target), data: { message: d.message } })
  },
})
