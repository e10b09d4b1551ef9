import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './fk-missing-on-delete.ts'

const posts = (userId: ReturnType<typeof col>) => schema({ users: table({ id: col('bigint').primaryKey() }), posts: table({ id: col('bigint').primaryKey(), user_id: userId }) })

ruleTester.run(rule, {
  valid: [posts(col('bigint').notNull().references('users.id', { onDelete: 'restrict' })), posts(col('bigint').references('users.id', { onDelete: 'no action' }))],
  invalid: [
    { name: 'a NOT NULL reference', schema: posts(col('bigint').notNull().references('users.id')), errors: [{ messageId: 'implicit', target: { table: 'posts', constraint: 'posts_user_id_fkey' }, message: 'ON DELETE RESTRICT', fixes: 2 }] },
    { name: 'an optional reference offers SET NULL first', schema: posts(col('bigint').references('users.id')), errors: [{ messageId: 'implicit', message: 'ON DELETE SET NULL', fixes: 3 }] },
    {
      name: 'an owned child offers CASCADE first',
      schema: schema({ orders: table({ id: col('bigint').primaryKey() }), order_items: table({ id: col('bigint').primaryKey(), order_id: col('bigint').notNull().references('orders.id') }) }),
      errors: [{ messageId: 'implicit', message: 'ON DELETE CASCADE', fixes: 2 }],
    },
  ],
})
