import { col, schema, sql, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './pk-column-name.ts'

ruleTester.run(rule, {
  valid: [
    schema({ orders: table({ id: col('uuid').primaryKey() }) }),
    { name: 'S2 style', options: { style: 'table_id' }, schema: schema({ orders: table({ order_id: col('uuid').primaryKey() }) }) },
    { name: 'a natural key', schema: schema({ countries: table({ iso_code: col('char(2)').primaryKey() }) }) },
    { name: 'a 1:1 extension keyed by its parent', schema: schema({ users: table({ id: col('uuid').primaryKey() }), profiles: table({ user_id: col('uuid').primaryKey().references('users.id') }) }) },
  ],
  invalid: [
    { name: "S2's order_id", schema: schema({ orders: table({ order_id: col('uuid').primaryKey().default(sql`gen_random_uuid()`) }) }), errors: [{ messageId: 'name', target: { table: 'orders', column: 'order_id' }, fixes: 1 }] },
    { name: 'id under the table_id style', options: { style: 'table_id' }, schema: schema({ categories: table({ id: col('bigint').primaryKey() }) }), errors: [{ messageId: 'name', message: '"category_id"', fixes: 1 }] },
  ],
})
