import { col, schema, table } from '../testing/build.ts'
import type { TableExtras } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './derived-column-unguarded.ts'

const items = (lineTotal: ReturnType<typeof col>, extras: TableExtras = {}) =>
  schema({ order_items: table({ id: col('bigint').primaryKey(), quantity: col('integer').notNull(), unit_price: col('numeric(10,2)').notNull(), line_total: lineTotal }, extras) })

ruleTester.run(rule, {
  valid: [
    items(col('numeric(10,2)').generated('quantity * unit_price')),
    { name: 'a CHECK relating it to its parts (S3)', schema: items(col('numeric(10,2)'), { checks: [{ name: 'ck', expression: 'line_total = quantity * unit_price' }] }) },
    { name: 'a text column named total', schema: schema({ t: table({ id: col('bigint').primaryKey(), total_label: col('text') }) }) },
  ],
  invalid: [
    { name: "S3's lineTotal with only lineTotal > 0", schema: items(col('numeric(10,2)'), { checks: [{ name: 'ck', expression: 'line_total > 0' }] }), errors: [{ messageId: 'unguarded', target: { table: 'order_items', column: 'line_total' } }] },
    { name: "S0's item_count", schema: schema({ orders: table({ id: col('bigint').primaryKey(), item_count: col('integer') }) }), errors: [{ messageId: 'unguarded', target: { column: 'item_count' } }] },
  ],
})
