import { defineDiffRule, docsPath } from './define-rule.ts'
import { changeTarget, stepOf } from './utils/migration.ts'

/**
 * A NOT NULL column without a default cannot be added to a table that has rows. Give the plan a
 * backfill value (it becomes a temporary constant default, which PostgreSQL 11+ stores without
 * rewriting the table), or give the column a default.
 */
export default defineDiffRule({
  meta: {
    id: 'add-required-column',
    category: 'migration',
    scope: 'diff',
    severity: 'error',
    description: 'A NOT NULL column without a default is added to a table that already has rows.',
    messages: {
      required: 'Column "{{table}}.{{column}}" is NOT NULL with no default: adding it fails as soon as "{{table}}" has a row. Give a backfill value for {{change}}, or a default.',
    },
    docs: docsPath('add-required-column'),
  },
  check(diff, ctx) {
    for (const c of diff.changes) {
      if (c.kind !== 'columnAdded') continue
      const col = c.columnDef
      if (col.nullable || col.default || col.identity || col.generated !== undefined) continue
      const step = stepOf(diff, c.id)
      if (!step?.onExistingTable) continue
      if (diff.plan.inputs.some((i) => i.changeId === c.id && i.supplied !== undefined)) continue
      ctx.report({ messageId: 'required', target: changeTarget(diff, c), data: { table: c.table, column: c.column, change: c.id }, changeId: c.id, stepId: step.id })
    }
  },
})
