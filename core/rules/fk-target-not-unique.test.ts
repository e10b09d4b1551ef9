import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './fk-target-not-unique.ts'

const variants = (uniques: Array<{ columns: string[] }>) =>
  schema({
    product_variants: table({ id: col('bigint').primaryKey(), product_id: col('bigint').notNull() }, { uniques }),
    order_items: table(
      { id: col('bigint').primaryKey(), product_id: col('bigint').notNull(), variant_id: col('bigint').notNull() },
      { foreignKeys: [{ columns: ['product_id', 'variant_id'], references: 'product_variants', targetColumns: ['product_id', 'id'] }] },
    ),
  })

ruleTester.run(rule, {
  valid: [variants([{ columns: ['product_id', 'id'] }]), { name: 'the UNIQUE lists the columns in another order', schema: variants([{ columns: ['id', 'product_id'] }]) }],
  invalid: [{ name: "S0's composite key to product_variants", schema: variants([]), errors: [{ messageId: 'notUnique', target: { table: 'order_items' }, fixes: 1 }] }],
})
