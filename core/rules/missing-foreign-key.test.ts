import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './missing-foreign-key.ts'

ruleTester.run(rule, {
  valid: [
    schema({ customers: table({ id: col('bigint').primaryKey() }), orders: table({ id: col('bigint').primaryKey(), customer_id: col('bigint').references('customers.id') }) }),
    { name: 'a different type is not a reference', schema: schema({ customers: table({ id: col('uuid').primaryKey() }), orders: table({ id: col('bigint').primaryKey(), customer_id: col('text') }) }) },
    { name: 'no such table', schema: schema({ orders: table({ id: col('bigint').primaryKey(), external_id: col('bigint') }) }) },
    { name: "S2's own key users.user_id", schema: schema({ users: table({ user_id: col('uuid').primaryKey() }) }) },
    { name: 'an ignored column', options: { ignore: ['customer_id'] }, schema: schema({ customers: table({ id: col('bigint').primaryKey() }), orders: table({ id: col('bigint').primaryKey(), customer_id: col('bigint') }) }) },
  ],
  invalid: [
    {
      schema: schema({ customers: table({ id: col('bigint').primaryKey() }), orders: table({ id: col('bigint').primaryKey(), customer_id: col('bigint').notNull() }) }),
      errors: [{ messageId: 'missing', target: { table: 'orders', column: 'customer_id' }, message: '"customers.id"', fixes: 1 }],
    },
    {
      name: "S3's createdBy points at the actor table",
      schema: schema({ User: table({ id: col('text').primaryKey() }), InventoryTransaction: table({ id: col('text').primaryKey(), createdBy: col('text').notNull() }) }, {}),
      options: { actorTable: 'User' },
      errors: [{ messageId: 'missing', target: { column: 'createdBy' } }],
    },
    {
      name: 'a serial key matches an integer column',
      schema: schema({ departments: table({ id: col('serial').primaryKey() }), employees: table({ id: col('serial').primaryKey(), department_id: col('integer') }) }),
      errors: [{ messageId: 'missing', fixes: 1 }],
    },
  ],
})
