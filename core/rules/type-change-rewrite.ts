import { classifyTypeChange } from '../diff/plan-migration/casts.ts'
import { defineDiffRule, docsPath } from './define-rule.ts'
import { changeTarget, stepOf } from './utils/migration.ts'

/**
 * A type change that is not binary-coercible copies the whole table under ACCESS EXCLUSIVE, with
 * its indexes: reads and writes wait for the copy. Safe without a rewrite: varchar longer or to
 * text, numeric precision up with the same scale, timestamp precision up, cidr to inet, and
 * timestamp to timestamptz when the session TimeZone is UTC (`assumeUtc`).
 */
export default defineDiffRule({
  meta: {
    id: 'type-change-rewrite',
    category: 'migration',
    scope: 'diff',
    severity: 'warning',
    description: 'A column type change rewrites the table under ACCESS EXCLUSIVE.',
    messages: {
      rewrite: 'Changing "{{table}}.{{column}}" from {{from}} to {{to}} rewrites "{{table}}" and its indexes under ACCESS EXCLUSIVE; on a large table, add a new column, backfill it, and switch instead.',
    },
    options: {
      assumeUtc: { type: 'boolean', default: false, description: 'The migration runs with TimeZone UTC, so timestamp and timestamptz convert without a rewrite.' },
    },
    docs: docsPath('type-change-rewrite'),
  },
  check(diff, ctx) {
    for (const c of diff.changes) {
      if (c.kind !== 'columnRetyped') continue
      const step = stepOf(diff, c.id)
      if (!step?.onExistingTable) continue
      const info = classifyTypeChange(c.from, c.to)
      if (info.noRewrite || (info.noRewriteIfUtc && ctx.options.assumeUtc)) continue
      ctx.report({ messageId: 'rewrite', target: changeTarget(diff, c), data: { table: c.table, column: c.column, from: c.fromText, to: c.toText }, changeId: c.id, stepId: step.id })
    }
  },
})
