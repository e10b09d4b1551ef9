import { defineRule, docsPath } from './define-rule.ts'

/**
 * A non-unique index on many columns is large, slow to write, and only helps queries that filter
 * on its leading columns; usually a narrower index (plus INCLUDE for covered columns) does better.
 */
export default defineRule({
  meta: {
    id: 'wide-index',
    category: 'indexing',
    scope: 'model',
    severity: 'info',
    granularity: 'table',
    description: 'A non-unique index with more than 3 key columns.',
    messages: { wide: 'Index "{{index}}" on "{{table}}" has {{count}} key columns; keep the ones queries filter on and move the rest to INCLUDE.' },
    options: {
      max: { type: 'number', default: 3, min: 1, integer: true, description: 'The most key columns of a non-unique index.' },
    },
    docs: docsPath('wide-index'),
  },
  checkTable(table, ctx) {
    for (const index of table.indexes) {
      if (index.unique || index.keys.length <= ctx.options.max) continue
      ctx.report({ messageId: 'wide', target: { table, index }, data: { index: ctx.names.indexes.get(index.id) ?? '', table: table.name, count: index.keys.length } })
    }
  },
})
