import { defineRule, docsPath } from './define-rule.ts'
import { structuralFindings, targetOf } from './utils/structure.ts'

export default defineRule({
  meta: {
    id: 'fk-target-missing',
    category: 'integrity',
    scope: 'model',
    severity: 'error',
    granularity: 'schema',
    description: 'A relationship points to a table or column that does not exist.',
    messages: { missing: '{{message}} Point it at an existing key or remove it.' },
    docs: docsPath('fk-target-missing'),
  },
  check(schema, ctx) {
    for (const d of structuralFindings(schema, 'fk-target-missing'))
      ctx.report({ messageId: 'missing', target: targetOf(ctx.index, d.target), data: { message: d.message } })
  },
})
