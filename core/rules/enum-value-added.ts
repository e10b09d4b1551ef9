import { defineDiffRule, docsPath } from './define-rule.ts'
import { changeTarget, stepOf } from './utils/migration.ts'

/**
 * ALTER TYPE ... ADD VALUE places the label with BEFORE/AFTER (appending by default), and the new
 * label cannot be used (as a default, in a backfill, in a CHECK) until the transaction that added
 * it commits. The plan adds labels in a step of their own that commits first; a hand-edited
 * migration that uses the label in the same transaction fails.
 */
export default defineDiffRule({
  meta: {
    id: 'enum-value-added',
    category: 'migration',
    scope: 'diff',
    severity: 'info',
    description: 'A label is added to an existing enum: it must be placed with BEFORE/AFTER and committed before anything uses it.',
    messages: {
      added: 'Label "{{value}}" is added to enum "{{enum}}" {{where}}, in its own transaction: it cannot be used until that transaction commits.',
    },
    docs: docsPath('enum-value-added'),
  },
  check(diff, ctx) {
    for (const c of diff.changes) {
      if (c.kind !== 'enumValueAdded') continue
      const step = stepOf(diff, c.id)
      // A label of a type created or swapped by the plan is part of CREATE TYPE, not ADD VALUE.
      if (!step || !step.statements.some((s) => s.kind === 'addEnumValue')) continue
      const where = c.after !== undefined ? `AFTER "${c.after}"` : c.before !== undefined ? `BEFORE "${c.before}"` : 'at the end'
      ctx.report({ messageId: 'added', target: changeTarget(diff, c), data: { value: c.value, enum: c.enum, where }, changeId: c.id, stepId: step.id })
    }
  },
})
