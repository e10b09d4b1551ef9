import { defineDiffRule, docsPath } from './define-rule.ts'
import { statements, stepTarget } from './utils/migration.ts'

/**
 * A CHECK or FOREIGN KEY added to a table with rows is validated on the spot, under a lock that
 * blocks writes (both tables, for a foreign key). Add it NOT VALID (new rows are checked at once)
 * and VALIDATE it in a later transaction, which blocks nothing. Changing a foreign key's action is
 * a drop and an add, so the same applies.
 */
export default defineDiffRule({
  meta: {
    id: 'constraint-not-valid',
    category: 'migration',
    scope: 'diff',
    severity: 'warning',
    description: 'A CHECK or FOREIGN KEY is added to a table with rows without NOT VALID, so it is validated under lock.',
    messages: {
      check: 'CHECK {{name}} on "{{table}}" checks every row while writes wait; add it NOT VALID, then VALIDATE CONSTRAINT in a separate transaction.',
      foreignKey: 'FOREIGN KEY {{name}} on "{{table}}" scans it while writes to it and to the referenced table wait; add it NOT VALID, then VALIDATE CONSTRAINT separately.',
    },
    docs: docsPath('constraint-not-valid'),
  },
  check(diff, ctx) {
    for (const [step, s] of statements(diff)) {
      if (s.kind !== 'addConstraint' || s.notValid || !step.onExistingTable) continue
      if (s.constraint.kind !== 'check' && s.constraint.kind !== 'foreignKey') continue
      ctx.report({
        messageId: s.constraint.kind,
        target: stepTarget(diff, step),
        data: { name: s.constraint.name ?? '', table: s.table.name },
        stepId: step.id,
        ...(step.changeIds[0] ? { changeId: step.changeIds[0] } : {}),
      })
    }
  },
})
