import { removeIndex } from '../model/edits.ts'
import type { Index } from '../model/schema.ts'
import { defineRule, docsPath } from './define-rule.ts'
import { keyedIndexes, normalizeSql, sameKey } from './utils/model.ts'
import type { KeyedIndex } from './utils/model.ts'

/**
 * An index whose keys are a leading prefix of another btree index with the same predicate (or
 * an exact duplicate of any index, or of a PRIMARY KEY / UNIQUE index) costs writes and buys
 * nothing: the other index answers the same lookups. S1's and S2's `idx_users_email` duplicate the
 * UNIQUE on email. A unique index is kept when the wider one is not unique: it enforces something.
 */
export default defineRule({
  meta: {
    id: 'redundant-index',
    category: 'indexing',
    scope: 'model',
    severity: 'warning',
    granularity: 'table',
    description: 'An index is an exact duplicate or a left prefix of another index or of a PK/UNIQUE index.',
    messages: {
      duplicate: 'Index "{{index}}" on "{{table}}" duplicates {{other}}; drop it.',
      prefix: 'Index "{{index}}" on "{{table}}" is a leading prefix of {{other}}, which serves the same lookups; drop it.',
    },
    docs: docsPath('redundant-index'),
  },
  checkTable(table, ctx) {
    const all = keyedIndexes(table)
    const describe = (k: KeyedIndex) =>
      k.source === 'primaryKey' ? 'the primary key' : k.source === 'unique' ? 'a UNIQUE constraint' : `index "${ctx.names.indexes.get(k.index!.id)}"`
    all.forEach((a, ai) => {
      if (a.source !== 'index') return
      const index = a.index as Index
      for (let bi = 0; bi < all.length; bi++) {
        const b = all[bi]!
        if (bi === ai) continue
        const relation = compare(a, b)
        // Of two identical indexes, the later one is reported, so exactly one goes.
        if (!relation || (relation === 'duplicate' && b.source === 'index' && bi > ai)) continue
        ctx.report({
          messageId: relation,
          target: { table, index },
          data: { index: ctx.names.indexes.get(index.id) ?? '', table: table.name, other: describe(b) },
          fixes: [{ title: `Drop index "${ctx.names.indexes.get(index.id)}"`, apply: (s) => removeIndex(s, table.id, index.id) }],
        })
        return
      }
    })
  },
})

function compare(a: KeyedIndex, b: KeyedIndex): 'duplicate' | 'prefix' | undefined {
  if (a.method !== b.method || a.keys.length > b.keys.length) return undefined
  if (a.where !== b.where && (a.where === undefined || b.where === undefined || normalizeSql(a.where) !== normalizeSql(b.where))) return undefined
  for (let i = 0; i < a.keys.length; i++) if (!sameKey(a.keys[i]!, b.keys[i]!)) return undefined
  // INCLUDE columns the other index does not carry make this one cover more.
  const bColumns = new Set([...b.keys.flatMap((k) => (k.kind === 'column' ? [k.columnId] : [])), ...b.include])
  if (!a.include.every((c) => bColumns.has(c))) return undefined
  if (a.keys.length === b.keys.length) {
    if (a.unique && !b.unique) return undefined
    return 'duplicate'
  }
  if (a.unique || a.method !== 'btree') return undefined
  return 'prefix'
}
