import { updateConstraint } from '../model/edits.ts'
import type { FkAction } from '../model/schema.ts'
import { defineRule, docsPath } from './define-rule.ts'
import { relationshipKind } from './utils/relations.ts'

const toAction: Record<string, FkAction> = { cascade: 'cascade', restrict: 'restrict', 'no-action': 'no action', 'set-null': 'set null' }

/**
 * What a parent delete does, by kind of relationship: owned children go with the parent (CASCADE:
 * order_items of orders), references block the delete (RESTRICT: an order's customer), optional
 * ones are cleared (SET NULL, S2 and S0) or, where the project bans SET NULL (S3 "DON'T USE"),
 * block too. NO ACTION counts as RESTRICT. Keys that say nothing are fk-missing-on-delete's.
 */
export default defineRule({
  meta: {
    id: 'fk-action-policy',
    category: 'relationships',
    scope: 'model',
    severity: 'info',
    granularity: 'table',
    description: 'ON DELETE follows the policy per relationship kind: owned, reference, optional.',
    messages: { policy: 'Foreign key "{{name}}" ({{kind}}: "{{table}}" -> "{{parent}}") is ON DELETE {{actual}}; this design uses ON DELETE {{expected}} for {{kind}} relationships.' },
    options: {
      owned: { type: 'string', enum: ['cascade', 'restrict'], default: 'cascade', description: 'Children that cannot exist without the parent (part of its key, a junction, named after it).' },
      reference: { type: 'string', enum: ['restrict', 'cascade', 'no-action'], default: 'restrict', description: 'Other NOT NULL references.' },
      optional: { type: 'string', enum: ['set-null', 'restrict'], default: 'set-null', description: 'Nullable references: SET NULL, or RESTRICT where SET NULL is banned.' },
    },
    docs: docsPath('fk-action-policy'),
  },
  checkTable(table, ctx) {
    for (const fk of table.foreignKeys) {
      if (fk.onDelete === undefined) continue
      const parent = ctx.index.tables.get(fk.target.tableId)
      const kind = relationshipKind(table, fk, parent)
      const expected = toAction[ctx.options[kind]]!
      const norm = (a: FkAction) => (a === 'no action' ? 'restrict' : a)
      if (norm(fk.onDelete) === norm(expected) || fk.onDelete === 'set default') continue
      ctx.report({
        messageId: 'policy',
        target: { table, constraint: fk },
        data: { name: ctx.names.constraints.get(fk.id) ?? '', kind, table: table.name, parent: parent?.name ?? '?', actual: fk.onDelete.toUpperCase(), expected: expected.toUpperCase() },
        fixes: [{ title: `Use ON DELETE ${expected.toUpperCase()}`, apply: (s) => updateConstraint(s, table.id, fk.id, { onDelete: expected }) }],
      })
    }
  },
})
