import { defineRule, docsPath } from './define-rule.ts'
import { keyedIndexes } from './utils/model.ts'

/** Every index is written on every insert and on updates of its columns (S3 §3.2.3 rule 5). */
export default defineRule({
  meta: {
    id: 'too-many-indexes',
    category: 'indexing',
    scope: 'model',
    severity: 'warning',
    granularity: 'table',
    description: 'More than N indexes (PK and UNIQUE included) on one table.',
    messages: { tooMany: 'Table "{{table}}" has {{count}} indexes (more than {{max}}); each slows every write. Drop the ones queries do not need.' },
    options: {
      max: { type: 'number', default: 10, min: 1, integer: true, description: 'The most indexes a table may have, PRIMARY KEY and UNIQUE included.' },
    },
    docs: docsPath('too-many-indexes'),
  },
  checkTable(table, ctx) {
    const count = keyedIndexes(table).length
    if (count > ctx.options.max) ctx.report({ messageId: 'tooMany', target: { table }, data: { table: table.name, count, max: ctx.options.max } })
  },
})
