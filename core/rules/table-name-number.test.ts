import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './table-name-number.ts'

const link = (name: string) =>
  schema({
    users: table({ id: col('bigint').primaryKey() }),
    groups: table({ id: col('bigint').primaryKey() }),
    [name]: table({ user_id: col('bigint').notNull().references('users.id'), group_id: col('bigint').notNull().references('groups.id') }, { primaryKey: ['user_id', 'group_id'] }),
  })

ruleTester.run(rule, {
  valid: [
    schema({ users: table({ id: col('bigint').primaryKey() }), categories: table({ id: col('bigint').primaryKey() }), settings: table({ id: col('bigint').primaryKey() }) }),
    { name: 'singular style', options: { style: 'singular' }, schema: schema({ user: table({ id: col('bigint').primaryKey() }) }) },
    { name: 'a junction named after its sides', schema: link('user_groups') },
    { name: 'a declared prefix', options: { allowPrefix: ['tenant_'] }, schema: link('tenant_user_groups') },
    { name: 'partitions and one-letter names', schema: schema({ events_2024_01: table({ id: col('bigint').primaryKey() }), a: table({ id: col('bigint').primaryKey() }) }) },
  ],
  invalid: [
    { name: "S4's audit_log", schema: schema({ audit_log: table({ id: col('uuid').primaryKey() }) }), errors: [{ messageId: 'plural', target: { table: 'audit_log' }, message: '"audit_logs"', fixes: 1 }] },
    { name: 'plural under the singular style', options: { style: 'singular' }, schema: schema({ invoices: table({ id: col('bigint').primaryKey() }) }), errors: [{ messageId: 'singular', message: '"invoice"', fixes: 1 }] },
    { name: 'no fix towards a reserved word', options: { style: 'singular' }, schema: schema({ orders: table({ id: col('bigint').primaryKey() }) }), errors: [{ messageId: 'singular', message: '"order"', fixes: 0 }] },
    { name: 'a junction named after neither side', schema: link('memberships'), errors: [{ messageId: 'junction', target: { table: 'memberships' }, message: '"user_groups"', fixes: 1 }] },
  ],
})
