import { setPrimaryKey } from '../model/edits.ts'
import { defineRule, docsPath } from './define-rule.ts'
import { matchesAny } from './utils/naming.ts'

/**
 * Without a primary key rows cannot be addressed, replicated logically or deduplicated. Partitioned
 * tables are left to partition-key-in-unique, whose advice includes the partition key.
 */
export default defineRule({
  meta: {
    id: 'require-primary-key',
    category: 'integrity',
    scope: 'model',
    severity: 'error',
    granularity: 'table',
    description: 'Every table has a primary key.',
    messages: {
      missing: 'Table "{{table}}" has no primary key; add one (a surrogate "id" or the natural key).',
    },
    options: {
      ignore: { type: 'string[]', default: [], description: 'Table names or globs (`audit_*`, `public.logs`) that may have no primary key.' },
    },
    docs: docsPath('require-primary-key'),
  },
  checkTable(table, ctx) {
    if (table.primaryKey || table.partitionBy) return
    const ns = ctx.index.namespaces.get(table.namespaceId)?.name ?? ''
    if (matchesAny(ctx.options.ignore, table.name, `${ns}.${table.name}`)) return
    const id = table.columns.find((c) => c.name === 'id')
    ctx.report({
      messageId: 'missing',
      target: { table },
      data: { table: table.name },
      ...(id ? { fixes: [{ title: `Make "id" the primary key`, apply: (s) => setPrimaryKey(s, table.id, [id.id]) }] } : {}),
    })
  },
})
