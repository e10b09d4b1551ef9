import type { EnumType } from '../model/schema.ts'
import { formatColumnType } from '../model/types.ts'
import { defineRule, docsPath } from './define-rule.ts'
import { structuralFindings, targetOf } from './utils/structure.ts'
import { constantOf, validFor } from './utils/values.ts'

/**
 * PostgreSQL folds a constant default into the column type when the table is created, so a
 * default that cannot be read as that type (`'abc'` for an integer, a label the enum does not
 * have) fails the CREATE TABLE. Only clear cases are reported: PostgreSQL reads dates and
 * numbers leniently, and so does this rule.
 */
export default defineRule({
  meta: {
    id: 'default-invalid',
    category: 'integrity',
    scope: 'model',
    severity: 'error',
    granularity: 'table',
    description: 'A default cannot be cast to the column type, an enum default is not a label, or an enum has duplicate labels.',
    messages: {
      duplicateLabel: '{{message}} Remove the duplicate.',
      notALabel: 'The default \'{{value}}\' of "{{table}}.{{column}}" is not a value of enum "{{enum}}" ({{labels}}); use one of them.',
      badValue: 'The default \'{{value}}\' of "{{table}}.{{column}}" is not a valid {{type}}; PostgreSQL rejects the table. Fix the default.',
    },
    docs: docsPath('default-invalid'),
  },
  checkTable(table, ctx) {
    for (const column of table.columns) {
      const value = constantOf(column)
      if (value === undefined) continue
      const data = { value: value.replaceAll("'", "''"), table: table.name, column: column.name }
      if (column.type.kind === 'enum') {
        const e: EnumType | undefined = ctx.index.enums.get(column.type.enumId)
        if (e && column.type.arrayDims === 0 && !e.values.some((v) => v.name === value))
          ctx.report({ messageId: 'notALabel', target: { table, column }, data: { ...data, enum: e.name, labels: e.values.map((v) => v.name).join(', ') } })
        continue
      }
      if (!validFor(column.type, value)) ctx.report({ messageId: 'badValue', target: { table, column }, data: { ...data, type: formatColumnType(column.type) } })
    }
  },
  check(schema, ctx) {
    for (const d of structuralFindings(schema, 'default-invalid'))
      ctx.report({ messageId: 'duplicateLabel', target: targetOf(ctx.index, d.target), data: { message: d.message } })
  },
})
