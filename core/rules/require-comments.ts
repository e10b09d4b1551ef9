import { defineRule, docsPath } from './define-rule.ts'
import { matchesAny } from './utils/naming.ts'

/**
 * Documented tables and columns (S2: "Document all tables and columns") are what a reviewer and
 * the generated docs read. Columns are reported once per table, listing the undocumented ones,
 * rather than one finding each.
 */
export default defineRule({
  meta: {
    id: 'require-comments',
    category: 'documentation',
    scope: 'model',
    severity: 'info',
    granularity: 'table',
    description: 'A table or column has no description.',
    messages: {
      table: 'Table "{{table}}" has no description; say what one row is.',
      columns: '{{count}} column(s) of "{{table}}" have no description: {{columns}}.',
    },
    options: {
      columns: { type: 'boolean', default: true, description: 'Also require column descriptions.' },
      ignoreColumns: { type: 'string[]', default: ['id', 'created_at', 'updated_at', 'deleted_at'], description: 'Columns (names or globs) that explain themselves.' },
    },
    docs: docsPath('require-comments'),
  },
  checkTable(table, ctx) {
    if (!table.comment?.trim()) ctx.report({ messageId: 'table', target: { table }, data: { table: table.name } })
    if (!ctx.options.columns) return
    const missing = table.columns.filter((c) => !c.comment?.trim() && !matchesAny(ctx.options.ignoreColumns, c.name))
    if (missing.length === 0) return
    const names = missing.map((c) => `"${c.name}"`)
    ctx.report({
      messageId: 'columns',
      target: { table, column: missing[0] },
      data: { count: missing.length, table: table.name, columns: names.length > 8 ? `${names.slice(0, 8).join(', ')} and ${names.length - 8} more` : names.join(', ') },
    })
  },
})
