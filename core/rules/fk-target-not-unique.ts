import { addUnique } from '../model/edits.ts'
import type { ForeignKey } from '../model/schema.ts'
import { defineRule, docsPath } from './define-rule.ts'
import { partitionKeyColumns } from './utils/partition.ts'
import { structuralFindings, targetOf } from './utils/structure.ts'

/**
 * PostgreSQL only lets a foreign key reference a column set that is exactly a primary key or a
 * non-partial UNIQUE (S0's composite FK to `product_variants(product_id, id)` needs one).
 */
export default defineRule({
  meta: {
    id: 'fk-target-not-unique',
    category: 'integrity',
    scope: 'model',
    severity: 'error',
    granularity: 'schema',
    description: 'The referenced columns are not exactly a primary key or a non-partial UNIQUE.',
    messages: { notUnique: '{{message}}' },
    docs: docsPath('fk-target-not-unique'),
  },
  check(schema, ctx) {
    for (const d of structuralFindings(schema, 'fk-target-not-unique')) {
      const target = targetOf(ctx.index, d.target)
      const fk = target.constraint as ForeignKey | undefined
      const parent = fk && ctx.index.tables.get(fk.target.tableId)
      // On a partitioned parent the new UNIQUE would need the partition key as well.
      const fixable = fk && parent && (!parent.partitionBy || partitionKeyColumns(parent)?.every((c) => fk.target.columns.includes(c.id)))
      ctx.report({
        messageId: 'notUnique',
        target,
        data: { message: d.message },
        ...(fixable
          ? { fixes: [{ title: `Add UNIQUE on the referenced columns of "${parent.name}"`, apply: (s) => addUnique(s, parent.id, { kind: 'unique', columns: fk.target.columns }) }] }
          : {}),
      })
    }
  },
})
