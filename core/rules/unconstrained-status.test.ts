import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './unconstrained-status.ts'

ruleTester.run(rule, {
  valid: [
    schema({ users: table({ id: col('bigint').primaryKey(), role: col('varchar(50)') }, { checks: [{ name: 'ck', expression: "role IN ('user', 'admin')" }] }) }),
    schema({ users: table({ id: col('bigint').primaryKey(), role: col('user_role') }) }, { enums: { user_role: ['user'] } }),
    { name: 'a lookup table', schema: schema({ roles: table({ name: col('text').primaryKey() }), users: table({ id: col('bigint').primaryKey(), role: col('text').references('roles.name') }) }) },
    { name: 'free-text types', schema: schema({ files: table({ id: col('bigint').primaryKey(), mime_type: col('text') }) }) },
  ],
  invalid: [
    {
      name: "S4's users.role and orders.status",
      schema: schema({ users: table({ id: col('uuid').primaryKey(), role: col('varchar(50)').notNull().default('user') }), orders: table({ id: col('uuid').primaryKey(), status: col('varchar(50)') }) }),
      errors: [{ messageId: 'free', target: { table: 'users', column: 'role' } }, { messageId: 'free', target: { table: 'orders', column: 'status' } }],
    },
    { name: 'a suffix', schema: schema({ orders: table({ id: col('uuid').primaryKey(), payment_state: col('text') }) }), errors: [{ messageId: 'free' }] },
  ],
})
