import { defineDiffRule, docsPath } from './define-rule.ts'
import { changeTarget, findTable, statements, stepOf, stepTarget } from './utils/migration.ts'

/**
 * Some changes cannot be carried out from the designs alone: NOT NULL on a column that holds
 * NULLs needs the value to put there, a removed enum label needs the label its rows get, and a new
 * UNIQUE or PRIMARY KEY needs the rows to be unique already. (A required new column is
 * add-required-column's; a cast is type-change-unsafe-cast's.)
 */
export default defineDiffRule({
  meta: {
    id: 'backfill-required',
    category: 'migration',
    scope: 'diff',
    severity: 'warning',
    description: 'A change needs a value from the user: a backfill for a new NOT NULL, a label for a removed one, unique rows for a new UNIQUE.',
    messages: {
      backfill: 'Rows where "{{table}}.{{column}}" is NULL make NOT NULL fail; give the value to fill them with ({{change}}{{suggestion}}).',
      replacement: 'Rows of "{{enum}}" columns holding "{{value}}" cannot be converted; give the label they get ({{change}}).',
      duplicates: 'The new {{what}} on "{{table}}" ({{columns}}) fails if rows share those values; find them first with GROUP BY ... HAVING count(*) > 1.',
    },
    docs: docsPath('backfill-required'),
  },
  check(diff, ctx) {
    for (const r of diff.plan.inputs) {
      if (r.supplied !== undefined) continue
      const change = diff.changes.find((c) => c.id === r.changeId)
      if (!change) continue
      const step = stepOf(diff, change.id)
      const at = { changeId: change.id, ...(step ? { stepId: step.id } : {}) }
      if (change.kind === 'columnNullabilityChanged')
        ctx.report({ messageId: 'backfill', target: changeTarget(diff, change), data: { table: change.table, column: change.column, change: change.id, suggestion: r.suggestion ? `, e.g. ${r.suggestion}` : '' }, ...at })
      else if (change.kind === 'enumValueRemoved') ctx.report({ messageId: 'replacement', target: changeTarget(diff, change), data: { enum: change.enum, value: change.value, change: change.id }, ...at })
    }
    for (const [step, s] of statements(diff)) {
      if (!step.onExistingTable) continue
      const unique = (s.kind === 'createIndex' && s.index.unique) || (s.kind === 'addConstraint' && (s.constraint.kind === 'unique' || s.constraint.kind === 'primaryKey'))
      if (!unique) continue
      const target = stepTarget(diff, step)
      const table = target.table && findTable(diff, target.table.id)
      if (!table) continue
      const cols = s.kind === 'createIndex' ? s.index.keys.map((k) => k.column ?? k.expression ?? '') : s.kind === 'addConstraint' && s.constraint.kind !== 'check' && s.constraint.kind !== 'foreignKey' ? s.constraint.columns : []
      const what = s.kind === 'createIndex' ? 'unique index' : s.constraint.kind === 'primaryKey' ? 'primary key' : 'UNIQUE'
      ctx.report({ messageId: 'duplicates', target, data: { what, table: table.name, columns: cols.join(', ') }, stepId: step.id, ...(step.changeIds[0] ? { changeId: step.changeIds[0] } : {}) })
    }
  },
})
