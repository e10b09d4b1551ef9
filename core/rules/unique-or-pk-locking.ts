import { defineDiffRule, docsPath } from './define-rule.ts'
import { statements, stepTarget } from './utils/migration.ts'

/**
 * ADD UNIQUE / ADD PRIMARY KEY builds its index under ACCESS EXCLUSIVE, and fails at the end if
 * there are duplicates. The safe form: look for duplicates, CREATE UNIQUE INDEX CONCURRENTLY, then
 * ADD CONSTRAINT ... USING INDEX, which only takes a brief lock.
 */
export default defineDiffRule({
  meta: {
    id: 'unique-or-pk-locking',
    category: 'migration',
    scope: 'diff',
    severity: 'warning',
    description: 'A UNIQUE or PRIMARY KEY is added to a table with rows by building its index under ACCESS EXCLUSIVE.',
    messages: {
      locking: '{{what}} {{name}} on "{{table}}" builds its index while reads and writes wait; CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT {{name}} ... USING INDEX.',
    },
    docs: docsPath('unique-or-pk-locking'),
  },
  check(diff, ctx) {
    for (const [step, s] of statements(diff)) {
      if (s.kind !== 'addConstraint' || !step.onExistingTable) continue
      if (s.constraint.kind !== 'unique' && s.constraint.kind !== 'primaryKey') continue
      ctx.report({
        messageId: 'locking',
        target: stepTarget(diff, step),
        data: { what: s.constraint.kind === 'unique' ? 'UNIQUE' : 'PRIMARY KEY', name: s.constraint.name ?? '', table: s.table.name },
        stepId: step.id,
        ...(step.changeIds[0] ? { changeId: step.changeIds[0] } : {}),
      })
    }
  },
})
