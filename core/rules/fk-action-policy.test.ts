import type { FkAction } from '../model/schema.ts'
import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './fk-action-policy.ts'

const shop = (orders: FkAction, items: FkAction, coupon: FkAction) =>
  schema({
    customers: table({ id: col('bigint').primaryKey() }),
    coupons: table({ id: col('bigint').primaryKey() }),
    orders: table({ id: col('bigint').primaryKey(), total: col('numeric(10,2)'), placed_at: col('timestamptz'), customer_id: col('bigint').notNull().references('customers.id', { onDelete: orders }), coupon_id: col('bigint').references('coupons.id', { onDelete: coupon }) }),
    order_items: table({ id: col('bigint').primaryKey(), order_id: col('bigint').notNull().references('orders.id', { onDelete: items }) }),
  })

ruleTester.run(rule, {
  valid: [
    shop('restrict', 'cascade', 'set null'),
    { name: 'NO ACTION counts as RESTRICT', schema: shop('no action', 'cascade', 'set null') },
    { name: "S3 bans SET NULL", options: { optional: 'restrict' }, schema: shop('restrict', 'cascade', 'restrict') },
  ],
  invalid: [
    {
      name: "S4's orders ON DELETE CASCADE from customers",
      schema: shop('cascade', 'cascade', 'set null'),
      errors: [{ messageId: 'policy', target: { table: 'orders', constraint: 'orders_customer_id_fkey' }, message: 'reference', fixes: 1 }],
    },
    {
      name: 'an owned child that blocks, and an optional key that cascades',
      schema: shop('restrict', 'restrict', 'cascade'),
      errors: [
        { messageId: 'policy', target: { table: 'orders', constraint: 'orders_coupon_id_fkey' }, message: 'optional' },
        { messageId: 'policy', target: { table: 'order_items' }, message: 'owned' },
      ],
    },
    { name: 'SET NULL where the project bans it', options: { optional: 'restrict' }, schema: shop('restrict', 'cascade', 'set null'), errors: [{ messageId: 'policy', message: 'ON DELETE RESTRICT' }] },
  ],
})
