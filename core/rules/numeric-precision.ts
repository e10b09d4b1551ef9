import { defineRule, docsPath } from './define-rule.ts'
import { isMoneyName } from './utils/money.ts'

/**
 * An unconstrained `numeric` accepts any size and scale, so bad input is stored instead of
 * rejected (S2 §Standard Data Types: "Always specify precision for numeric types"). Money columns
 * are left to money-representation, which says which precision to use.
 */
export default defineRule({
  meta: {
    id: 'numeric-precision',
    category: 'types',
    scope: 'model',
    severity: 'info',
    granularity: 'table',
    description: 'numeric/decimal without (precision, scale).',
    messages: { unbounded: '"{{table}}.{{column}}" is numeric without precision and scale, so any value is accepted; give it numeric(p,s).' },
    docs: docsPath('numeric-precision'),
  },
  checkTable(table, ctx) {
    for (const column of table.columns) {
      const t = column.type
      if (t.kind !== 'builtin' || t.name !== 'numeric' || t.precision !== undefined || isMoneyName(column.name)) continue
      ctx.report({ messageId: 'unbounded', target: { table, column }, data: { table: table.name, column: column.name } })
    }
  },
})
