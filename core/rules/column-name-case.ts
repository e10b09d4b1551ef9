import { defineRule, docsPath } from './define-rule.ts'
import { renameColumnFix as renameFix } from './utils/fixes.ts'
import { isSnakeCase, toSnakeCase, words } from './utils/naming.ts'

/**
 * Column names are snake_case (S0, S2). Booleans read as questions (`is_active`, `has_paid`);
 * that part is info level: a flag named `verified` is a style choice, not a defect.
 */
export default defineRule({
  meta: {
    id: 'column-name-case',
    category: 'naming',
    scope: 'model',
    severity: 'warning',
    granularity: 'table',
    description: 'Column names are snake_case; booleans start with is_/has_ (info).',
    messages: {
      case: 'Column "{{table}}.{{column}}" is not snake_case; rename it to "{{suggestion}}".',
      booleanPrefix: 'Boolean "{{table}}.{{column}}" does not read as a question; rename it to e.g. "{{suggestion}}".',
    },
    options: {
      booleanPrefixes: { type: 'string[]', default: ['is', 'has', 'can', 'should', 'allow', 'needs', 'was', 'must', 'does', 'did'], description: 'First words that make a boolean read as a question.' },
    },
    docs: docsPath('column-name-case'),
  },
  checkTable(table, ctx) {
    for (const column of table.columns) {
      if (!isSnakeCase(column.name)) {
        const suggestion = toSnakeCase(column.name)
        ctx.report({
          messageId: 'case',
          target: { table, column },
          data: { table: table.name, column: column.name, suggestion: suggestion || 'a snake_case name' },
          fixes: () => renameFix(table, column, suggestion),
        })
      }
      const t = column.type
      if (t.kind !== 'builtin' || t.name !== 'boolean' || t.arrayDims !== 0) continue
      const w = words(column.name)
      if (w.length === 0 || ctx.options.booleanPrefixes.includes(w[0]!)) continue
      const suggestion = `is_${w.join('_')}`
      ctx.report({
        messageId: 'booleanPrefix',
        severity: 'info',
        target: { table, column },
        data: { table: table.name, column: column.name, suggestion },
        fixes: () => renameFix(table, column, isSnakeCase(column.name) ? suggestion : ''),
      })
    }
  },
})
