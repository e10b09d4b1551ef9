import type { ColumnType } from '../model/schema.ts'
import { storageTypeName } from '../model/types.ts'
import { defineRule, docsPath } from './define-rule.ts'
import { retypeFix } from './utils/fixes.ts'
import { columnById } from './utils/model.ts'
import { matchesAny } from './utils/naming.ts'

/**
 * A 4-byte key runs out at 2,147,483,647 rows (S0 §Data Types: BIGINT "for IDs that might exceed
 * INT"); widening it later rewrites the table and every table referencing it. Small lookup tables
 * can be listed in `ignore`. The fix widens the key and every foreign key column that references it.
 */
export default defineRule({
  meta: {
    id: 'int-key-overflow',
    category: 'types',
    scope: 'model',
    severity: 'info',
    granularity: 'table',
    description: 'int4 primary keys (and the foreign keys to them) on tables expected to grow -> bigint.',
    messages: { int4: 'The key "{{table}}.{{column}}" is {{type}} and stops at about 2.1 billion rows; use bigint unless the table stays small.' },
    options: {
      ignore: { type: 'string[]', default: [], description: 'Tables (names or globs) that stay small, e.g. lookup tables.' },
    },
    docs: docsPath('int-key-overflow'),
  },
  checkTable(table, ctx) {
    const pk = table.primaryKey
    if (!pk || pk.columns.length !== 1) return
    const column = columnById(table, pk.columns[0]!)
    if (!column || column.type.kind !== 'builtin' || column.type.arrayDims !== 0) return
    const storage = storageTypeName(column.type)
    if (storage !== 'integer' && storage !== 'smallint') return
    // A key that is itself a foreign key follows its parent, where the finding is reported.
    if (table.foreignKeys.some((f) => f.columns.includes(column.id))) return
    const ns = ctx.index.namespaces.get(table.namespaceId)?.name ?? ''
    if (matchesAny(ctx.options.ignore, table.name, `${ns}.${table.name}`)) return
    ctx.report({
      messageId: 'int4',
      target: { table, column },
      data: { table: table.name, column: column.name, type: column.type.name },
      fixes: () => retypeFix(ctx.index, table, column, `Change "${column.name}" to bigint`, (c) => widen(c.type)),
    })
  },
})

function widen(t: ColumnType): ColumnType {
  if (t.kind !== 'builtin') return t
  if (t.name === 'serial' || t.name === 'smallserial') return { ...t, name: 'bigserial' }
  if (t.name === 'integer' || t.name === 'smallint') return { ...t, name: 'bigint' }
  return t
}
