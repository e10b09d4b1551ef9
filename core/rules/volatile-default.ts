import { isVolatile } from '../diff/plan-migration/volatility.ts'
import { defineDiffRule, docsPath } from './define-rule.ts'
import { statements, stepTarget } from './utils/migration.ts'

/**
 * ADD COLUMN with a volatile default (gen_random_uuid(), clock_timestamp()) computes it for every
 * row: a rewrite under ACCESS EXCLUSIVE. A stable default such as now() is computed once and
 * stored in the catalog, so every existing row gets the same value. Identity and generated columns
 * fill every row too. Safe plans add the column bare, set the default for new rows and backfill in
 * batches.
 */
export default defineDiffRule({
  meta: {
    id: 'volatile-default',
    category: 'migration',
    scope: 'diff',
    severity: 'warning',
    description: 'A column added to a table with rows has a volatile default, an identity or a generated expression: the table is rewritten.',
    messages: {
      volatile: 'Adding "{{table}}.{{column}}" with the volatile default {{default}} rewrites "{{table}}" under ACCESS EXCLUSIVE; add it without the default, set the default, then backfill in batches.',
      computed: 'Adding the {{what}} column "{{table}}.{{column}}" writes a value into every row of "{{table}}" under ACCESS EXCLUSIVE.',
    },
    docs: docsPath('volatile-default'),
  },
  check(diff, ctx) {
    for (const [step, s] of statements(diff)) {
      if (s.kind !== 'addColumn' || !step.onExistingTable) continue
      const at = { stepId: step.id, ...(step.changeIds[0] ? { changeId: step.changeIds[0] } : {}) }
      const d = s.column.default
      if (d?.kind === 'expression' && isVolatile(d.sql)) ctx.report({ messageId: 'volatile', target: stepTarget(diff, step), data: { table: s.table.name, column: s.column.name, default: d.sql }, ...at })
      else if (s.column.identity || s.column.generated !== undefined)
        ctx.report({ messageId: 'computed', target: stepTarget(diff, step), data: { table: s.table.name, column: s.column.name, what: s.column.identity ? 'identity' : 'generated' }, ...at })
    }
  },
})
