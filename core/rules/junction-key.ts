import { addUnique } from '../model/edits.ts'
import type { ColumnId } from '../model/ids.ts'
import { defineRule, docsPath } from './define-rule.ts'
import { columnsOf, keyedIndexes } from './utils/model.ts'
import { linkForeignKeys } from './utils/relations.ts'

/**
 * A junction table without a key over its two foreign keys lets the same pair be linked twice.
 * Either form satisfies it: a composite primary key (S0's `user_roles`) or a surrogate id plus
 * UNIQUE (S4's `order_items`, S3's "never composite PKs").
 */
export default defineRule({
  meta: {
    id: 'junction-key',
    category: 'relationships',
    scope: 'model',
    severity: 'warning',
    granularity: 'table',
    description: 'An M:N junction table has no PRIMARY KEY or UNIQUE over its foreign key pair.',
    messages: { noKey: 'Junction table "{{table}}" has no PRIMARY KEY or UNIQUE over ({{columns}}), so the same pair can be linked twice; add UNIQUE ({{columns}}).' },
    docs: docsPath('junction-key'),
  },
  checkTable(table, ctx) {
    const pair = linkForeignKeys(table, ctx.index)
    if (!pair) return
    const cols: ColumnId[] = [pair[0].columns[0]!, pair[1].columns[0]!]
    const keyed = keyedIndexes(table).some(
      (i) => i.unique && i.where === undefined && i.keys.length === 2 && i.keys.every((k) => k.kind === 'column' && cols.includes(k.columnId)),
    )
    if (keyed) return
    const columns = columnsOf(table, cols).map((c) => c.name).join(', ')
    ctx.report({
      messageId: 'noKey',
      target: { table },
      data: { table: table.name, columns },
      // A UNIQUE on a partitioned table would also need the partition key.
      ...(table.partitionBy ? {} : { fixes: [{ title: `Add UNIQUE (${columns})`, apply: (s) => addUnique(s, table.id, { kind: 'unique', columns: cols }) }] }),
    })
  },
})
