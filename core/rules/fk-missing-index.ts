import { addIndex } from '../model/edits.ts'
import type { ForeignKey } from '../model/schema.ts'
import { defineRule, docsPath } from './define-rule.ts'
import { columnsOf, keyedIndexes, relationNames, usableName } from './utils/model.ts'
import type { KeyedIndex } from './utils/model.ts'
import { renderTemplate } from './utils/naming.ts'
import { simplePredicate } from './utils/sql.ts'
import { conjuncts } from './utils/sql-split.ts'

/**
 * Deleting or re-keying a parent row makes PostgreSQL look up the children by the FK columns;
 * without an index that lookup scans the child table, under lock. The columns must lead a btree
 * index (in any order among themselves); the PRIMARY KEY and UNIQUE indexes count, and so does a
 * partial index whose predicate only excludes NULL foreign keys.
 */
export default defineRule({
  meta: {
    id: 'fk-missing-index',
    category: 'indexing',
    scope: 'model',
    severity: 'warning',
    granularity: 'table',
    description: 'Foreign key columns are not the leading columns of a btree index.',
    messages: { missing: 'Foreign key "{{name}}" on "{{table}}" ({{columns}}) has no index starting with its columns, so deleting a "{{parent}}" row scans "{{table}}"; add an index on ({{columns}}).' },
    docs: docsPath('fk-missing-index'),
  },
  checkTable(table, ctx) {
    const indexes = keyedIndexes(table)
    for (const fk of table.foreignKeys) {
      if (fk.columns.length === 0 || indexes.some((i) => covers(i, fk))) continue
      const cols = columnsOf(table, fk.columns)
      const columns = cols.map((c) => c.name).join(', ')
      ctx.report({
        messageId: 'missing',
        target: { table, constraint: fk },
        data: { name: ctx.names.constraints.get(fk.id) ?? '', table: table.name, columns, parent: ctx.index.tables.get(fk.target.tableId)?.name ?? '?' },
        fixes: () => {
          const template = String((ctx.optionsOf('index-name-convention').templates as Record<string, string> | undefined)?.index ?? 'idx_{table}_{columns}')
          const name = renderTemplate(template, table.name, cols.map((c) => c.name))
          const named = usableName(name, relationNames(ctx.schema, ctx.names, table.namespaceId))
          return [
            {
              title: `Add index ${named ? `"${name}" ` : ''}on (${columns})`,
              apply: (s) => addIndex(s, table.id, { ...(named ? { name } : {}), unique: false, method: 'btree', keys: fk.columns.map((columnId) => ({ kind: 'column' as const, columnId })), include: [] }),
            },
          ]
        },
      })
    }
  },
})

function covers(index: KeyedIndex, fk: ForeignKey): boolean {
  if (index.method !== 'btree' || index.keys.length < fk.columns.length) return false
  const lead = index.keys.slice(0, fk.columns.length)
  if (!lead.every((k) => k.kind === 'column' && fk.columns.includes(k.columnId))) return false
  if (index.where === undefined) return true
  // Only a predicate that drops rows with a NULL foreign key keeps every row a lookup can need.
  return conjuncts(index.where).every((p) => {
    const simple = simplePredicate(p)
    return simple?.op === 'is not null'
  })
}

