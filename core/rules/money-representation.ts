import type { ColumnType } from '../model/schema.ts'
import { formatColumnType } from '../model/types.ts'
import { defineRule, docsPath } from './define-rule.ts'
import { retypeFix } from './utils/fixes.ts'
import { isIntegerType } from './utils/model.ts'
import { bigintType, isMinorUnitsName, isMoneyName, numericType } from './utils/money.ts'

/**
 * One representation of money per design. The seeds disagree: DECIMAL(10,2) (S0, S2, S4),
 * DECIMAL(19,4) (S1), BIGINT cents and "never DECIMAL" (S3). The default is the majority,
 * `decimal` with scale 2; `minor-units` asks for bigint. Floats are no-float-money's business.
 */
export default defineRule({
  meta: {
    id: 'money-representation',
    category: 'types',
    scope: 'model',
    severity: 'warning',
    granularity: 'table',
    description: 'Money columns use the design\'s representation: decimal(p,s) or bigint minor units.',
    messages: {
      useDecimal: '"{{table}}.{{column}}" holds money as {{type}}, but this design stores money as {{suggestion}}; change the column (and the values to major units).',
      scale: '"{{table}}.{{column}}" is {{type}}, but this design stores money with {{scale}} decimal places; use {{suggestion}}.',
      unbounded: '"{{table}}.{{column}}" is numeric without precision and scale; money here is {{suggestion}}.',
      useMinorUnits: '"{{table}}.{{column}}" holds money as {{type}}, but this design stores minor units (cents) in {{suggestion}}; change the column (and the values to cents).',
    },
    options: {
      style: { type: 'string', enum: ['decimal', 'minor-units'], default: 'decimal', description: '`decimal`: numeric(precision, scale). `minor-units`: bigint cents.' },
      precision: { type: 'number', default: 10, min: 1, integer: true, description: 'Precision of decimal money columns.' },
      scale: { type: 'number', default: 2, min: 0, integer: true, description: 'Scale (decimal places) of decimal money columns.' },
    },
    docs: docsPath('money-representation'),
  },
  checkTable(table, ctx) {
    const { style, precision, scale } = ctx.options
    for (const column of table.columns) {
      const t = column.type
      if (t.kind !== 'builtin' || t.arrayDims !== 0 || !(isMoneyName(column.name) || isMinorUnitsName(column.name))) continue
      const report = (messageId: 'useDecimal' | 'scale' | 'unbounded' | 'useMinorUnits', to: ColumnType) => {
        const suggestion = formatColumnType(to)
        ctx.report({
          messageId,
          target: { table, column },
          data: { table: table.name, column: column.name, type: formatColumnType(t), scale, suggestion },
          fixes: () => retypeFix(ctx.index, table, column, `Change "${column.name}" to ${suggestion}`, () => to),
        })
      }
      if (style === 'decimal') {
        const decimal = () => numericType(Math.max(precision, (t.precision ?? 0) - (t.scale ?? 0) + scale), scale)
        if (isIntegerType(t)) report('useDecimal', decimal())
        else if (t.name === 'numeric' && t.precision === undefined) report('unbounded', decimal())
        else if (t.name === 'numeric' && (t.scale ?? 0) !== scale) report('scale', decimal())
      } else if (t.name === 'numeric' || (isIntegerType(t) && t.name !== 'bigint' && t.name !== 'bigserial')) {
        report('useMinorUnits', bigintType)
      }
    }
  },
})
