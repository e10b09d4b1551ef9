import { updateColumn, updateConstraint } from '../model/edits.ts'
import type { FkAction, ForeignKey, Table } from '../model/schema.ts'
import { defineRule, docsPath } from './define-rule.ts'
import type { Fix } from './types.ts'
import { columnsOf, hasDbDefault } from './utils/model.ts'

/**
 * PostgreSQL accepts `ON DELETE SET NULL` on a NOT NULL column (and SET DEFAULT on a NOT NULL
 * column without a default), then fails every delete of a referenced parent row. S0's
 * `fk_comments_user` is such a key.
 */
export default defineRule({
  meta: {
    id: 'fk-action-impossible',
    category: 'integrity',
    scope: 'model',
    severity: 'error',
    granularity: 'table',
    description: 'SET NULL on a NOT NULL column, or SET DEFAULT where a NOT NULL column has no default.',
    messages: {
      deleteSetNull: 'Foreign key "{{name}}" says ON DELETE SET NULL but "{{column}}" is NOT NULL, so every delete of a referenced "{{parent}}" row fails; make the column nullable or use another action.',
      updateSetNull: 'Foreign key "{{name}}" says ON UPDATE SET NULL but "{{column}}" is NOT NULL, so every key update of a referenced "{{parent}}" row fails; make the column nullable or use another action.',
      deleteSetDefault: 'Foreign key "{{name}}" says ON DELETE SET DEFAULT but "{{column}}" is NOT NULL with no default, so every delete of a referenced "{{parent}}" row fails; give it a default or use another action.',
      updateSetDefault: 'Foreign key "{{name}}" says ON UPDATE SET DEFAULT but "{{column}}" is NOT NULL with no default, so every key update of a referenced "{{parent}}" row fails; give it a default or use another action.',
    },
    docs: docsPath('fk-action-impossible'),
  },
  checkTable(table, ctx) {
    for (const fk of table.foreignKeys) {
      const parent = ctx.index.tables.get(fk.target.tableId)
      for (const event of ['delete', 'update'] as const) {
        const action = event === 'delete' ? fk.onDelete : fk.onUpdate
        if (action !== 'set null' && action !== 'set default') continue
        const bad = columnsOf(table, fk.columns).find((c) => !c.nullable && (action === 'set null' || !hasDbDefault(c)))
        if (!bad) continue
        ctx.report({
          messageId: `${event}${action === 'set null' ? 'SetNull' : 'SetDefault'}` as const,
          target: { table, constraint: fk, column: bad },
          data: { name: ctx.names.constraints.get(fk.id) ?? '', column: bad.name, parent: parent?.name ?? '?' },
          fixes: () => fixesFor(table, fk, event, action),
        })
      }
    }
  },
})

function fixesFor(table: Table, fk: ForeignKey, event: 'delete' | 'update', action: FkAction): Fix[] {
  const key = event === 'delete' ? 'onDelete' : 'onUpdate'
  const fixes: Fix[] = (['cascade', 'restrict'] as const).map((a) => ({
    title: `Use ON ${event.toUpperCase()} ${a.toUpperCase()}`,
    apply: (s) => updateConstraint(s, table.id, fk.id, { [key]: a }),
  }))
  const pk = table.primaryKey?.columns ?? []
  const notNull = columnsOf(table, fk.columns).filter((c) => !c.nullable)
  // A primary-key column cannot become nullable.
  if (action === 'set null' && notNull.every((c) => !pk.includes(c.id)))
    fixes.unshift({
      title: `Make ${notNull.map((c) => `"${c.name}"`).join(', ')} nullable`,
      apply: (s) => notNull.reduce((acc, c) => updateColumn(acc, table.id, c.id, { nullable: true }), s),
    })
  return fixes
}
