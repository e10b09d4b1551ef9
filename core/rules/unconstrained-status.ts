import { defineRule, docsPath } from './define-rule.ts'
import { checkMentions, isStringType } from './utils/model.ts'
import { words } from './utils/naming.ts'

/**
 * A status, role or state stored as free text accepts any typo (`'actve'`) and the application
 * alone decides what is valid: S4's `users.role VARCHAR(50)` and `orders.status VARCHAR(50)`.
 * Whatever enum-vs-check-policy prefers, some constraint must exist: an enum, a CHECK or a
 * foreign key to a lookup table.
 */
export default defineRule({
  meta: {
    id: 'unconstrained-status',
    category: 'types',
    scope: 'model',
    severity: 'warning',
    granularity: 'table',
    description: 'A status/role/state/kind text column has no CHECK, enum or foreign key.',
    messages: { free: '"{{table}}.{{column}}" is free text but holds a fixed set of values; constrain it with a CHECK (col IN (...)), an enum or a foreign key to a lookup table.' },
    options: {
      names: { type: 'string[]', default: ['status', 'role', 'state', 'kind'], description: 'Last words of column names that hold a fixed set of values.' },
    },
    docs: docsPath('unconstrained-status'),
  },
  checkTable(table, ctx) {
    for (const column of table.columns) {
      if (!isStringType(column.type)) continue
      const w = words(column.name)
      if (!ctx.options.names.includes(w[w.length - 1] ?? '')) continue
      if (table.foreignKeys.some((f) => f.columns.includes(column.id)) || checkMentions(table, column)) continue
      ctx.report({ messageId: 'free', target: { table, column }, data: { table: table.name, column: column.name } })
    }
  },
})
