import { addIndex, removeConstraint, updateIndex } from '../model/edits.ts'
import type { ColumnId } from '../model/ids.ts'
import type { Index, Table, UniqueConstraint } from '../model/schema.ts'
import { quoteIdent } from '../sql/quote.ts'
import { defineRule, docsPath } from './define-rule.ts'
import type { Fix } from './types.ts'
import { columnsOf } from './utils/model.ts'
import { analyzeExpression } from './utils/sql.ts'
import { findColumnLike } from './utils/timestamps.ts'

/**
 * On a soft-delete table a plain UNIQUE (email) also counts deleted rows, so a deleted user's
 * address can never be reused; S3's suggested `UNIQUE(deleted_at, email)` is worse: NULLs are
 * distinct, so duplicates among live rows pass. The key must be a partial unique index
 * `WHERE deleted_at IS NULL`. Primary keys and keys that foreign keys reference are left alone.
 */
export default defineRule({
  meta: {
    id: 'soft-delete-unique',
    category: 'indexing',
    scope: 'model',
    severity: 'warning',
    granularity: 'table',
    description: 'A soft-delete table has a UNIQUE business key without WHERE deleted_at IS NULL.',
    messages: {
      countsDeleted: 'On soft-delete table "{{table}}", {{what}} on ({{columns}}) also counts deleted rows; make it a unique index WHERE {{predicate}}.',
      nullsDistinct: 'On "{{table}}", {{what}} on ({{columns}}) includes "{{column}}", whose NULLs are all distinct, so duplicate live rows pass; use a unique index on the other columns WHERE {{predicate}}.',
    },
    options: {
      column: { type: 'string', default: 'deleted_at', description: 'The soft-delete column.' },
    },
    docs: docsPath('soft-delete-unique'),
  },
  checkTable(table, ctx) {
    const deleted = findColumnLike(table, ctx.options.column)
    if (!deleted) return
    const predicate = `${quoteIdent(deleted.name)} IS NULL`
    const referenced = (ctx.index.referencedBy.get(table.id) ?? []).map(([, fk]) => fk.target.columns)
    const candidates: Array<[UniqueConstraint | Index, readonly ColumnId[], string]> = []
    for (const u of table.uniques) if (!u.nullsNotDistinct) candidates.push([u, u.columns, `unique constraint "${ctx.names.constraints.get(u.id)}"`])
    for (const i of table.indexes) {
      if (!i.unique || i.nullsNotDistinct || !i.keys.every((k) => k.kind === 'column')) continue
      if (i.where !== undefined && analyzeExpression(i.where).columns.some((c) => c.name === deleted.name)) continue
      candidates.push([i, i.keys.map((k) => (k as { columnId: ColumnId }).columnId), `unique index "${ctx.names.indexes.get(i.id)}"`])
    }
    for (const [object, cols, what] of candidates) {
      const isReferenced = referenced.some((r) => r.length === cols.length && r.every((c) => cols.includes(c)))
      if (isReferenced) continue
      const withDeleted = cols.includes(deleted.id)
      const keyCols = cols.filter((c) => c !== deleted.id)
      if (keyCols.length === 0) continue
      const target = 'kind' in object ? { table, constraint: object } : { table, index: object }
      ctx.report({
        messageId: withDeleted ? 'nullsDistinct' : 'countsDeleted',
        target,
        data: { table: table.name, what, columns: columnsOf(table, cols).map((c) => c.name).join(', '), column: deleted.name, predicate },
        fixes: () => [partialUnique(table, object, keyCols, predicate, ctx.names.constraints.get(object.id as never) ?? ctx.names.indexes.get(object.id as never))],
      })
    }
  },
})

function partialUnique(table: Table, object: UniqueConstraint | Index, keyCols: readonly ColumnId[], where: string, name: string | undefined): Fix {
  const keys = keyCols.map((columnId) => ({ kind: 'column' as const, columnId }))
  const title = `Make it a unique index WHERE ${where}`
  if (!('kind' in object)) return { title, apply: (s) => updateIndex(s, table.id, object.id, { keys, where }) }
  return {
    title,
    apply: (s) => addIndex(removeConstraint(s, table.id, object.id), table.id, { ...(name ? { name } : {}), unique: true, method: 'btree', keys, include: [], where }),
  }
}
