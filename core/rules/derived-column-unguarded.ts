import { defineRule, docsPath } from './define-rule.ts'
import { analyzeExpression } from './utils/sql.ts'
import { words } from './utils/naming.ts'

/**
 * A stored total or count (S3's `lineTotal`, `total`; S0's denormalized `total_amount`,
 * `item_count`) is a copy of other data that nothing keeps right unless the column is GENERATED or
 * a CHECK ties it to the columns it derives from (S3's `total = subtotal + shipping_cost + tax`).
 * A CHECK on the column alone (`total > 0`) does not count.
 */
const numberTypes = new Set(['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision', 'money'])

export default defineRule({
  meta: {
    id: 'derived-column-unguarded',
    category: 'normalization',
    scope: 'model',
    severity: 'info',
    granularity: 'table',
    description: 'A stored total, *_count or line_total has no GENERATED expression or CHECK relating it to its sources.',
    messages: { unguarded: '"{{table}}.{{column}}" stores a derived value that nothing keeps in step; make it GENERATED ALWAYS AS (...) STORED, add a CHECK relating it to its parts, or document the trigger that maintains it.' },
    options: {
      names: { type: 'string[]', default: ['total', 'subtotal', 'count'], description: 'Words in a column name that mark a derived value.' },
    },
    docs: docsPath('derived-column-unguarded'),
  },
  checkTable(table, ctx) {
    const related = new Set<string>()
    const wanted = ctx.options.names
    for (const check of table.checks) {
      const cols = new Set(analyzeExpression(check.expression).columns.map((c) => c.name))
      if (cols.size >= 2) for (const c of cols) related.add(c)
    }
    for (const column of table.columns) {
      if (column.generated || related.has(column.name) || related.has(column.name.toLowerCase())) continue
      const t = column.type
      if (t.kind !== 'builtin' || t.arrayDims > 0 || !numberTypes.has(t.name)) continue
      const w = words(column.name)
      if (!w.some((x) => wanted.includes(x))) continue
      ctx.report({ messageId: 'unguarded', target: { table, column }, data: { table: table.name, column: column.name } })
    }
  },
})
