import { updateColumn } from '../model/edits.ts'
import type { Column, ForeignKey, Table } from '../model/schema.ts'
import { defineRule, docsPath } from './define-rule.ts'
import type { Fix } from './types.ts'
import { columnsOf } from './utils/model.ts'
import { linkForeignKeys } from './utils/relations.ts'

/**
 * Cardinality is derived from the constraints, so a contradiction between what the constraints
 * say and what the design means shows as a nullable foreign key on a mandatory side: a child that
 * is deleted with its parent (ON DELETE CASCADE) cannot exist without one, and neither can a row
 * of an M:N junction. S1's `sessions.user_id` is nullable with ON DELETE CASCADE. Trees (a nullable
 * self-reference) and exclusive arcs (several nullable cascading keys, one of them set) are meant so.
 */
export default defineRule({
  meta: {
    id: 'cardinality-mismatch',
    category: 'relationships',
    scope: 'model',
    severity: 'warning',
    granularity: 'table',
    description: 'The derived cardinality contradicts the design: a mandatory side (cascade-owned, junction) has a nullable FK.',
    messages: {
      cascadeNullable: '"{{table}}" rows are deleted with their "{{parent}}" (ON DELETE CASCADE), so each needs one, but {{columns}} may be NULL; make it NOT NULL.',
      junctionNullable: 'Junction table "{{table}}" links rows of "{{parent}}", but {{columns}} may be NULL, which makes a half-link; make it NOT NULL.',
    },
    docs: docsPath('cardinality-mismatch'),
  },
  checkTable(table, ctx) {
    if (table.foreignKeys.length === 0) return
    const junction = linkForeignKeys(table, ctx.index)
    // An exclusive arc (CollectionItem with a nullable, cascading articleId, imageId, postId: one
    // of them set) makes every single key optional by design.
    const arc = table.foreignKeys.filter((f) => f.onDelete === 'cascade' && columnsOf(table, f.columns).some((c) => c.nullable)).length > 1
    for (const fk of table.foreignKeys) {
      const isJunction = junction?.includes(fk) ?? false
      // A tree's root has no parent: a nullable self-reference is how trees are drawn.
      if (fk.target.tableId === table.id) continue
      if (arc || (fk.onDelete !== 'cascade' && !isJunction)) continue
      const nullable = columnsOf(table, fk.columns).filter((c) => c.nullable)
      if (nullable.length === 0) continue
      const parent = ctx.index.tables.get(fk.target.tableId)
      ctx.report({
        messageId: fk.onDelete === 'cascade' ? 'cascadeNullable' : 'junctionNullable',
        target: { table, constraint: fk, column: nullable[0] },
        data: { table: table.name, parent: parent?.name ?? '?', columns: nullable.map((c) => `"${c.name}"`).join(', ') },
        fixes: () => notNullFix(table, nullable),
      })
    }
  },
})

/** NOT NULL, unless another key clears the column with SET NULL (that would become impossible). */
function notNullFix(table: Table, columns: Column[]): Fix[] {
  const setsNull = (f: ForeignKey) => f.onDelete === 'set null' || f.onUpdate === 'set null'
  if (table.foreignKeys.some((f) => setsNull(f) && columns.some((c) => f.columns.includes(c.id)))) return []
  return [
    {
      title: `Make ${columns.map((c) => `"${c.name}"`).join(', ')} NOT NULL`,
      apply: (s) => columns.reduce((acc, c) => updateColumn(acc, table.id, c.id, { nullable: false }), s),
    },
  ]
}
