import { defineRule, docsPath } from './define-rule.ts'
import { analyzeExpression } from './utils/sql.ts'
import { structuralFindings, targetOf } from './utils/structure.ts'

/**
 * A CHECK may only read the row being written: no subquery, no other table (S3's
 * `amount <= order.total + 100`), no column the table does not have. Unquoted names fold to lower
 * case, so `shippingCost` in a CHECK is `shippingcost` (S3's `@@check`, written with Prisma field
 * names, fails for that reason).
 */
export default defineRule({
  meta: {
    id: 'check-invalid',
    category: 'integrity',
    scope: 'model',
    severity: 'error',
    granularity: 'table',
    description: 'A CHECK uses an unknown column, a subquery or another table, or is not valid SQL.',
    messages: {
      syntax: '{{message}}',
      subquery: 'Check "{{name}}" on "{{table}}" contains a subquery, which PostgreSQL does not allow in a CHECK; use a trigger or a foreign key.',
      otherTable: 'Check "{{name}}" on "{{table}}" reads "{{ref}}" from another table; a CHECK sees only its own row. Use a trigger or a foreign key.',
      unknownColumn: 'Check "{{name}}" on "{{table}}" uses "{{column}}", which is not a column of "{{table}}"; fix the name.',
      caseFolded: 'Check "{{name}}" on "{{table}}" writes {{raw}} unquoted, which PostgreSQL reads as "{{folded}}"; quote it as "{{raw}}".',
    },
    docs: docsPath('check-invalid'),
  },
  checkTable(table, ctx) {
    if (table.checks.length === 0) return
    const names = new Set(table.columns.map((c) => c.name))
    for (const check of table.checks) {
      const facts = analyzeExpression(check.expression)
      const data = { name: check.name, table: table.name }
      const target = { table, constraint: check }
      if (facts.hasSubquery) {
        ctx.report({ messageId: 'subquery', target, data })
        continue
      }
      const foreign = facts.columns.find((c) => c.qualifier !== undefined && c.qualifier !== table.name && c.qualifier !== table.name.toLowerCase())
      if (foreign) {
        ctx.report({ messageId: 'otherTable', target, data: { ...data, ref: `${foreign.qualifier}.${foreign.raw}` } })
        continue
      }
      const unknown = facts.columns.find((c) => !names.has(c.name))
      if (!unknown) continue
      if (!unknown.quoted && names.has(unknown.raw)) ctx.report({ messageId: 'caseFolded', target, data: { ...data, raw: unknown.raw, folded: unknown.name } })
      else ctx.report({ messageId: 'unknownColumn', target, data: { ...data, column: unknown.quoted ? unknown.name : unknown.raw } })
    }
  },
  check(schema, ctx) {
    for (const d of structuralFindings(schema, 'check-invalid'))
      ctx.report({ messageId: 'syntax', target: targetOf(ctx.index, d.target), data: { message: d.message } })
  },
})
