import { updateConstraint } from '../model/edits.ts'
import type { FkAction } from '../model/schema.ts'
import { defineRule, docsPath } from './define-rule.ts'
import type { Fix } from './types.ts'
import { relationshipKind } from './utils/relations.ts'

/**
 * Without ON DELETE the key silently means NO ACTION; S2 and S0's checklist ask for the behaviour
 * to be stated. The fixes offer what fk-action-policy expects for this kind of relationship first.
 */
export default defineRule({
  meta: {
    id: 'fk-missing-on-delete',
    category: 'relationships',
    scope: 'model',
    severity: 'warning',
    granularity: 'table',
    description: 'A foreign key does not say what happens ON DELETE.',
    messages: { implicit: 'Foreign key "{{name}}" from "{{table}}" to "{{parent}}" does not say what happens ON DELETE (so NO ACTION); state it, e.g. ON DELETE {{suggestion}}.' },
    docs: docsPath('fk-missing-on-delete'),
  },
  checkTable(table, ctx) {
    const policy = ctx.optionsOf('fk-action-policy') as { owned?: string; reference?: string; optional?: string }
    for (const fk of table.foreignKeys) {
      if (fk.onDelete !== undefined) continue
      const parent = ctx.index.tables.get(fk.target.tableId)
      const kind = relationshipKind(table, fk, parent)
      const preferred = actionOf(kind === 'owned' ? policy.owned : kind === 'optional' ? policy.optional : policy.reference, kind)
      const fixes = (): Fix[] =>
        [...new Set<FkAction>([preferred, 'cascade', 'restrict', ...(kind === 'optional' ? (['set null'] as const) : [])])].map((a) => ({
          title: `Add ON DELETE ${a.toUpperCase()}`,
          apply: (s) => updateConstraint(s, table.id, fk.id, { onDelete: a }),
        }))
      ctx.report({
        messageId: 'implicit',
        target: { table, constraint: fk },
        data: { name: ctx.names.constraints.get(fk.id) ?? '', table: table.name, parent: parent?.name ?? '?', suggestion: preferred.toUpperCase() },
        fixes,
      })
    }
  },
})

function actionOf(policy: string | undefined, kind: string): FkAction {
  if (policy === 'cascade') return 'cascade'
  if (policy === 'set-null' && kind === 'optional') return 'set null'
  if (policy === 'no-action') return 'no action'
  return 'restrict'
}
