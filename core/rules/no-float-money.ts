import type { ColumnType } from '../model/schema.ts'
import { formatColumnType } from '../model/types.ts'
import { defineRule, docsPath } from './define-rule.ts'
import { retypeFix } from './utils/fixes.ts'
import { isFloatType } from './utils/model.ts'
import { bigintType, isMoneyName, numericType } from './utils/money.ts'

/**
 * Binary floating point cannot hold 0.10 exactly; sums of prices drift by cents (S1 "never
 * FLOAT"). The `money` type depends on the server's lc_monetary. The fix uses the representation
 * money-representation asks for (DECIMAL(p,s) or bigint minor units).
 */
export default defineRule({
  meta: {
    id: 'no-float-money',
    category: 'types',
    scope: 'model',
    severity: 'error',
    granularity: 'table',
    description: 'real, double, float or the money type on money-like columns (price, amount, total, cost, fee, tax, balance).',
    messages: {
      float: '"{{table}}.{{column}}" holds money as {{type}}, which cannot represent cents exactly; use {{suggestion}}.',
      moneyType: '"{{table}}.{{column}}" uses the money type, whose format depends on the server locale; use {{suggestion}}.',
    },
    docs: docsPath('no-float-money'),
  },
  checkTable(table, ctx) {
    const style = ctx.optionsOf('money-representation')
    const target: ColumnType = style.style === 'minor-units' ? bigintType : numericType(Number(style.precision ?? 10), Number(style.scale ?? 2))
    const suggestion = formatColumnType(target)
    for (const column of table.columns) {
      const t = column.type
      const moneyType = t.kind === 'builtin' && t.name === 'money' && t.arrayDims === 0
      if (!moneyType && !(isFloatType(t) && isMoneyName(column.name))) continue
      ctx.report({
        messageId: moneyType ? 'moneyType' : 'float',
        target: { table, column },
        data: { table: table.name, column: column.name, type: formatColumnType(t), suggestion },
        fixes: () => retypeFix(ctx.index, table, column, `Change "${column.name}" to ${suggestion}`, () => target),
      })
    }
  },
})
