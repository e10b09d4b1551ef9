import { updateIndex } from '../model/edits.ts'
import { defineRule, docsPath } from './define-rule.ts'
import { columnById } from './utils/model.ts'

/**
 * A btree on a boolean (S3's `@@index([isDefault])`, `@@index([isActive])`) or on a column with a
 * handful of values rarely beats a table scan and costs every write (S4 §When NOT to Index); a
 * partial index on the rare value does the job. A btree on jsonb or an array cannot answer
 * containment queries at all: those need GIN.
 */
export default defineRule({
  meta: {
    id: 'low-selectivity-index',
    category: 'indexing',
    scope: 'model',
    severity: 'info',
    granularity: 'table',
    description: 'A standalone btree on a boolean or low-cardinality column, or a btree on jsonb/array.',
    messages: {
      lowCardinality: 'Index "{{index}}" on "{{table}}" covers only "{{column}}", which has {{values}}; it rarely beats a scan. Use a partial index (WHERE {{column}} = <rare value>) or drop it.',
      useGin: 'Index "{{index}}" on "{{table}}" is a btree on {{type}} column "{{column}}", which cannot answer containment (@>, ?) queries; use GIN.',
    },
    options: {
      maxEnumValues: { type: 'number', default: 3, min: 2, integer: true, description: 'Enums with at most this many values count as low-cardinality.' },
    },
    docs: docsPath('low-selectivity-index'),
  },
  checkTable(table, ctx) {
    for (const index of table.indexes) {
      const first = index.keys[0]
      if (index.method !== 'btree' || index.unique || first?.kind !== 'column') continue
      const column = columnById(table, first.columnId)
      if (!column) continue
      const t = column.type
      const name = ctx.names.indexes.get(index.id) ?? ''
      const data = { index: name, table: table.name, column: column.name }
      if (t.arrayDims > 0 || (t.kind === 'builtin' && t.name === 'jsonb')) {
        const plain = index.keys.length === 1 && !first.order && !first.nulls && !first.opclass && !first.collation && index.include.length === 0
        ctx.report({
          messageId: 'useGin',
          target: { table, index, column },
          data: { ...data, type: t.arrayDims > 0 ? 'an array' : 'a jsonb' },
          ...(plain ? { fixes: [{ title: 'Make it a GIN index', apply: (s) => updateIndex(s, table.id, index.id, { method: 'gin' }) }] } : {}),
        })
        continue
      }
      if (index.keys.length !== 1 || index.where !== undefined) continue
      const e = t.kind === 'enum' ? ctx.index.enums.get(t.enumId) : undefined
      const few = t.kind === 'builtin' && t.name === 'boolean' ? 'two values' : e && e.values.length <= ctx.options.maxEnumValues ? `${e.values.length} values` : undefined
      if (few) ctx.report({ messageId: 'lowCardinality', target: { table, index, column }, data: { ...data, values: few } })
    }
  },
})
