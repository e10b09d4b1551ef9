import { setPrimaryKey, updateConstraint, updateIndex } from '../model/edits.ts'
import { singularize } from '../model/inflect.ts'
import type { ColumnId } from '../model/ids.ts'
import type { Column, Index, PrimaryKey, Table, UniqueConstraint } from '../model/schema.ts'
import { defineRule, docsPath } from './define-rule.ts'
import type { Fix } from './types.ts'
import { partitionKeyColumns } from './utils/partition.ts'

/**
 * PostgreSQL enforces uniqueness per partition, so a PRIMARY KEY or UNIQUE of a partitioned table
 * must contain every partition-key column (CREATE fails otherwise). A partitioned table without a
 * primary key is flagged too: S0's and S2's partitioned `events` and S2's `users` have none.
 */
export default defineRule({
  meta: {
    id: 'partition-key-in-unique',
    category: 'integrity',
    scope: 'model',
    severity: 'error',
    granularity: 'table',
    description: 'A PRIMARY KEY or UNIQUE of a partitioned table lacks the partition key, or the table has no primary key.',
    messages: {
      noPrimaryKey: 'Partitioned table "{{table}}" has no primary key; add one that includes the partition key ({{key}}).',
      missingKey: '{{what}} of partitioned table "{{table}}" does not include the partition key column(s) {{missing}}; PostgreSQL rejects it. Add them to the key.',
      expressionKey: '{{what}} of "{{table}}" cannot be enforced: the table is partitioned by an expression ({{key}}), which no UNIQUE can include. Partition by columns instead.',
    },
    docs: docsPath('partition-key-in-unique'),
  },
  checkTable(table, ctx) {
    if (!table.partitionBy) return
    const keyCols = partitionKeyColumns(table)
    const key = table.partitionBy.key
    const referenced = (ctx.index.referencedBy.get(table.id) ?? []).map(([, fk]) => fk)
    if (!table.primaryKey) {
      const candidate = keyCols && surrogate(table)
      const columns = candidate && keyCols ? dedupe([candidate.id, ...keyCols.map((c) => c.id)]) : undefined
      const names = columns?.map((id) => table.columns.find((c) => c.id === id)!.name).join(', ')
      ctx.report({
        messageId: 'noPrimaryKey',
        target: { table },
        data: { table: table.name, key },
        ...(columns ? { fixes: [{ title: `Add PRIMARY KEY (${names})`, apply: (s) => setPrimaryKey(s, table.id, columns) }] } : {}),
      })
    }
    const uniques: Array<[PrimaryKey | UniqueConstraint | Index, readonly ColumnId[] | undefined, string]> = []
    if (table.primaryKey) uniques.push([table.primaryKey, table.primaryKey.columns, 'The primary key'])
    for (const u of table.uniques) uniques.push([u, u.columns, `Unique constraint "${ctx.names.constraints.get(u.id)}"`])
    for (const i of table.indexes)
      if (i.unique) uniques.push([i, i.keys.every((k) => k.kind === 'column') ? i.keys.map((k) => (k as { columnId: ColumnId }).columnId) : undefined, `Unique index "${ctx.names.indexes.get(i.id)}"`])
    for (const [object, cols, what] of uniques) {
      const target = 'kind' in object ? { table, constraint: object } : { table, index: object }
      if (!keyCols) {
        ctx.report({ messageId: 'expressionKey', target, data: { what, table: table.name, key } })
        continue
      }
      const missing = keyCols.filter((c) => !(cols ?? []).includes(c.id))
      if (missing.length === 0 || !cols) continue
      // Children referencing the old column set would lose the key they need.
      const isReferenced = referenced.some((fk) => fk.target.columns.length === cols.length && fk.target.columns.every((c) => cols.includes(c)))
      ctx.report({
        messageId: 'missingKey',
        target,
        data: { what, table: table.name, missing: missing.map((c) => c.name).join(', ') },
        fixes: isReferenced ? [] : [widen(table, object, cols, missing)],
      })
    }
  },
})

function widen(table: Table, object: PrimaryKey | UniqueConstraint | Index, cols: readonly ColumnId[], missing: readonly Column[]): Fix {
  const columns = [...cols, ...missing.map((c) => c.id)]
  const title = `Add ${missing.map((c) => `"${c.name}"`).join(', ')} to the key`
  if (!('kind' in object)) return { title, apply: (s) => updateIndex(s, table.id, object.id, { keys: [...object.keys, ...missing.map((c) => ({ kind: 'column' as const, columnId: c.id }))] }) }
  if (object.kind === 'primaryKey') return { title, apply: (s) => setPrimaryKey(s, table.id, columns) }
  return { title, apply: (s) => updateConstraint(s, table.id, object.id, { columns }) }
}

function surrogate(table: Table): Column | undefined {
  const own = `${singularize(table.name)}_id`
  return table.columns.find((c) => c.name === 'id') ?? table.columns.find((c) => c.name === own)
}

function dedupe<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)]
}
