import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './constraint-name-convention.ts'

const subs = (name: string) =>
  schema({
    subscriptions: table(
      { id: col('bigint').primaryKey(), start_date: col('date').notNull(), end_date: col('date') },
      { checks: [{ name, expression: 'end_date IS NULL OR end_date > start_date' }] },
    ),
  })

ruleTester.run(rule, {
  valid: [
    subs('ck_subscriptions_dates'),
    { name: 'a name PostgreSQL generated', schema: subs('subscriptions_end_date_check') },
    { name: "S2's chk_ prefix as an option", options: { templates: { check: 'chk_{table}_{columns}' } }, schema: subs('chk_subscriptions_dates') },
    { name: 'unnamed keys follow PostgreSQL', schema: schema({ users: table({ id: col('bigint').primaryKey() }), posts: table({ id: col('bigint').primaryKey(), user_id: col('bigint').references('users.id') }) }) },
  ],
  invalid: [
    { name: "S0's ck_subscription_dates (singular table name)", schema: subs('ck_subscription_dates'), errors: [{ messageId: 'name', target: { table: 'subscriptions', constraint: 'ck_subscription_dates' }, message: '"ck_subscriptions_end_date_start_date"', fixes: 1 }] },
    {
      name: "S0's fk_employee_manager and a named primary key",
      schema: schema({ employees: table({ id: col('bigint').notNull(), manager_id: col('bigint') }, { primaryKey: { columns: ['id'], name: 'employees_pk' }, foreignKeys: [{ name: 'fk_employee_manager', columns: ['manager_id'], references: 'employees', targetColumns: ['id'] }] }) }),
      errors: [
        { messageId: 'name', target: { constraint: 'employees_pk' }, message: '"pk_employees"', fixes: 1 },
        { messageId: 'name', target: { constraint: 'fk_employee_manager' }, message: '"fk_employees_manager_id"', fixes: 1 },
      ],
    },
    {
      name: 'unnamed, with checkUnnamed',
      options: { checkUnnamed: true },
      schema: schema({ users: table({ id: col('bigint').primaryKey(), email: col('text').unique() }) }),
      errors: [
        { messageId: 'name', target: { constraint: 'users_pkey' } },
        { messageId: 'name', target: { constraint: 'users_email_key' }, message: '"uq_users_email"' },
      ],
    },
  ],
})
