import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './enum-vs-check-policy.ts'

const withEnum = schema({ orders: table({ id: col('bigint').primaryKey(), status: col('order_status').notNull() }) }, { enums: { order_status: ['pending', 'paid'] } })
const withCheck = schema({ orders: table({ id: col('bigint').primaryKey(), status: col('text').notNull() }, { checks: [{ name: 'ck_orders_status', expression: "status IN ('pending', 'paid')" }] }) })

ruleTester.run(rule, {
  valid: [withCheck, { name: 'enums under the enum policy', options: { prefer: 'enum' }, schema: withEnum }],
  invalid: [
    { name: 'an enum under the check policy (S2 vs S0)', schema: withEnum, errors: [{ messageId: 'useCheck', target: { table: 'orders', column: 'status' } }] },
    { name: 'a CHECK list under the enum policy', options: { prefer: 'enum' }, schema: withCheck, errors: [{ messageId: 'useEnum', target: { constraint: 'ck_orders_status' } }] },
    { name: 'both under the lookup-table policy', options: { prefer: 'lookup-table' }, schema: { ...withEnum, tables: [...withEnum.tables, { ...withCheck.tables[0]!, id: 'tb_other' as never, name: 'other_orders' }] }, errors: [{ messageId: 'useLookup' }, { messageId: 'useLookup' }] },
  ],
})
