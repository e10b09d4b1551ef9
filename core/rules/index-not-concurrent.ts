import { defineDiffRule, docsPath } from './define-rule.ts'
import { findTable, statements, stepTarget } from './utils/migration.ts'

/**
 * CREATE INDEX blocks writes while it builds and DROP INDEX takes ACCESS EXCLUSIVE; on a table
 * with rows both belong in CONCURRENTLY form, outside any transaction (CONCURRENTLY inside one is
 * an error). PostgreSQL cannot build indexes on a partitioned table concurrently; build them per
 * partition and attach them.
 */
export default defineDiffRule({
  meta: {
    id: 'index-not-concurrent',
    category: 'migration',
    scope: 'diff',
    severity: 'warning',
    description: 'An index on a table with rows is created or dropped without CONCURRENTLY, or CONCURRENTLY runs inside a transaction.',
    messages: {
      create: 'CREATE INDEX {{index}} blocks writes to "{{table}}" while it builds; use CREATE INDEX CONCURRENTLY, outside a transaction.',
      drop: 'DROP INDEX {{index}} takes ACCESS EXCLUSIVE on "{{table}}"; use DROP INDEX CONCURRENTLY, outside a transaction.',
      partitioned: 'Index {{index}} is built on the partitioned table "{{table}}", which cannot be done CONCURRENTLY: writes wait; build it on each partition CONCURRENTLY, then attach.',
      inTransaction: 'CONCURRENTLY on index {{index}} cannot run inside a transaction block: PostgreSQL rejects it.',
    },
    docs: docsPath('index-not-concurrent'),
  },
  check(diff, ctx) {
    for (const [step, s] of statements(diff)) {
      if ((s.kind !== 'createIndex' && s.kind !== 'dropIndex') || !step.onExistingTable) continue
      const at = { stepId: step.id, ...(step.changeIds[0] ? { changeId: step.changeIds[0] } : {}) }
      const target = stepTarget(diff, step)
      const index = s.kind === 'createIndex' ? (s.index.name ?? '') : s.name.name
      const table = s.kind === 'createIndex' ? s.table.name : (target.table?.name ?? '')
      if (s.concurrently) {
        if (step.transactional && diff.plan.mode === 'safe') ctx.report({ messageId: 'inTransaction', severity: 'error', target, data: { index, table }, ...at })
        continue
      }
      const t = target.table && findTable(diff, target.table.id)
      ctx.report({ messageId: t?.partitionBy && s.kind === 'createIndex' ? 'partitioned' : s.kind === 'createIndex' ? 'create' : 'drop', target, data: { index, table }, ...at })
    }
  },
})
