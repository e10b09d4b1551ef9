import { defineRule, docsPath } from './define-rule.ts'
import { retypeFix } from './utils/fixes.ts'

/** `json` is stored as text and reparsed on every read, cannot be indexed with GIN and has no equality operator. */
export default defineRule({
  meta: {
    id: 'prefer-jsonb',
    category: 'types',
    scope: 'model',
    severity: 'warning',
    granularity: 'table',
    description: 'json -> jsonb.',
    messages: { json: '"{{table}}.{{column}}" is json; use jsonb (binary, indexable, comparable) unless key order and duplicates must be kept.' },
    docs: docsPath('prefer-jsonb'),
  },
  checkTable(table, ctx) {
    for (const column of table.columns) {
      const t = column.type
      if (t.kind !== 'builtin' || t.name !== 'json') continue
      ctx.report({
        messageId: 'json',
        target: { table, column },
        data: { table: table.name, column: column.name },
        fixes: () => retypeFix(ctx.index, table, column, `Change "${column.name}" to jsonb`, (c) => (c.type.kind === 'builtin' && c.type.name === 'json' ? { ...c.type, name: 'jsonb' } : c.type)),
      })
    }
  },
})
