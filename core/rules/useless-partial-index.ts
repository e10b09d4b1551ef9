import { updateIndex } from '../model/edits.ts'
import { defineRule, docsPath } from './define-rule.ts'
import { columnById } from './utils/model.ts'
import { simplePredicate } from './utils/sql.ts'
import { conjuncts } from './utils/sql-split.ts'

/**
 * Two partial-index mistakes. The predicate can pin the only key column to one value: S2's
 * `users(deleted_at) WHERE deleted_at IS NULL` and S1's `users(status) WHERE status = 'active'`
 * index a constant, so every entry is equal and the index only counts rows; index the column
 * queries look up instead (often the primary key). Or the predicate excludes NULLs from a NOT NULL
 * column and filters nothing.
 */
export default defineRule({
  meta: {
    id: 'useless-partial-index',
    category: 'indexing',
    scope: 'model',
    severity: 'warning',
    granularity: 'table',
    description: 'A partial index whose predicate makes the key constant, or whose WHERE col IS NOT NULL is on a NOT NULL column.',
    messages: {
      constantKey: 'Index "{{index}}" on "{{table}}" indexes "{{column}}" WHERE {{predicate}}, so every entry has the same key; index the column queries look up (e.g. the primary key) with that predicate instead.',
      noopPredicate: 'Index "{{index}}" on "{{table}}" has WHERE {{predicate}}, but "{{column}}" is NOT NULL, so the predicate filters nothing; drop the WHERE.',
    },
    docs: docsPath('useless-partial-index'),
  },
  checkTable(table, ctx) {
    for (const index of table.indexes) {
      if (index.where === undefined) continue
      const name = ctx.names.indexes.get(index.id) ?? ''
      const parts = conjuncts(index.where).map((p) => [p, simplePredicate(p)] as const)
      const key = index.keys.length === 1 && index.keys[0]!.kind === 'column' ? columnById(table, index.keys[0]!.columnId) : undefined
      const pin = key && parts.find(([, s]) => s && s.column === key.name && (s.op === 'is null' || s.op === '='))
      if (key && pin) {
        ctx.report({ messageId: 'constantKey', target: { table, index, column: key }, data: { index: name, table: table.name, column: key.name, predicate: pin[0] } })
        continue
      }
      const noop = parts.find(([, s]) => s?.op === 'is not null' && table.columns.find((c) => c.name === s.column)?.nullable === false)
      if (!noop || parts.length !== 1) continue
      const column = table.columns.find((c) => c.name === noop[1]!.column)!
      ctx.report({
        messageId: 'noopPredicate',
        target: { table, index, column },
        data: { index: name, table: table.name, column: column.name, predicate: noop[0] },
        fixes: [{ title: 'Drop the WHERE clause', apply: (s) => updateIndex(s, table.id, index.id, { where: undefined }) }],
      })
    }
  },
})
