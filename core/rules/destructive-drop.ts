import { defineDiffRule, docsPath } from './define-rule.ts'
import { changeTarget, stepOf } from './utils/migration.ts'

/**
 * A drop loses data for good; the down migration brings the object back empty. Check that it is
 * unused first, or phase it out: stop using it, mark it deprecated, drop it in a later release.
 * Strict (the production profile) raises it to an error.
 */
export default defineDiffRule({
  meta: {
    id: 'destructive-drop',
    category: 'migration',
    scope: 'diff',
    severity: 'warning',
    description: 'A table, column or enum type is dropped, or a table recreated, with its data.',
    messages: {
      table: 'Table "{{table}}" is dropped with its rows; check that it is empty or unused first, or deprecate it and drop it in a later release.',
      column: 'Column "{{table}}.{{column}}" is dropped with its values; deprecate it (stop writing it, COMMENT it DEPRECATED) and drop it in a later release.',
      enum: 'Enum "{{enum}}" is dropped; make sure nothing outside the design (functions, views) uses it.',
      recreated: 'Table "{{table}}" is dropped and created again (PostgreSQL cannot change its partitioning in place): every row is lost unless copied over by hand.',
    },
    docs: docsPath('destructive-drop'),
  },
  check(diff, ctx) {
    for (const c of diff.changes) {
      const stepId = stepOf(diff, c.id)?.id
      const at = { changeId: c.id, ...(stepId ? { stepId } : {}) }
      if (c.kind === 'tableRemoved') ctx.report({ messageId: 'table', target: changeTarget(diff, c), data: { table: c.table }, ...at })
      else if (c.kind === 'columnRemoved') ctx.report({ messageId: 'column', target: changeTarget(diff, c), data: { table: c.table, column: c.column }, ...at })
      else if (c.kind === 'enumRemoved') ctx.report({ messageId: 'enum', target: changeTarget(diff, c), data: { enum: c.enum }, ...at })
      else if (c.kind === 'tablePartitioningChanged') ctx.report({ messageId: 'recreated', target: changeTarget(diff, c), data: { table: c.table }, ...at })
    }
  },
})
