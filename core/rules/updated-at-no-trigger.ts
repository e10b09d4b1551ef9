import { defineRule, docsPath } from './define-rule.ts'
import { findColumnLike } from './utils/timestamps.ts'

/**
 * `DEFAULT now()` sets `updated_at` on insert only; something must set it on every update: a
 * BEFORE UPDATE trigger (S0, S4) or the application (Prisma's `@updatedAt`). The model has no
 * triggers, so the design says which by a comment marker on the column or table (e.g.
 * "maintained by trigger", "@updatedAt"), or `appManaged` declares it for the whole design.
 */
export default defineRule({
  meta: {
    id: 'updated-at-no-trigger',
    category: 'integrity',
    scope: 'model',
    severity: 'info',
    granularity: 'table',
    description: 'updated_at has no BEFORE UPDATE trigger and no app-hook marker.',
    messages: {
      unmaintained: 'Nothing in the design keeps "{{table}}.{{column}}" current on UPDATE; add a BEFORE UPDATE trigger, or note "maintained by trigger" / "@updatedAt" in its comment.',
    },
    options: {
      column: { type: 'string', default: 'updated_at', description: 'The column to check.' },
      appManaged: { type: 'boolean', default: false, description: 'The application sets it on every write (an ORM hook) for the whole design.' },
      markers: { type: 'string[]', default: ['trigger', '@updatedAt', 'app-managed', 'maintained by'], description: 'Comment text (case-insensitive) that says how the column is maintained.' },
    },
    docs: docsPath('updated-at-no-trigger'),
  },
  checkTable(table, ctx) {
    if (ctx.options.appManaged) return
    const column = findColumnLike(table, ctx.options.column)
    if (!column) return
    const notes = `${column.comment ?? ''}\n${table.comment ?? ''}`.toLowerCase()
    if (ctx.options.markers.some((m) => notes.includes(m.toLowerCase()))) return
    ctx.report({ messageId: 'unmaintained', target: { table, column }, data: { table: table.name, column: column.name } })
  },
})
