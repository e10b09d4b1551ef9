import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './transitive-dependency.ts'

const departments = table({ id: col('bigint').primaryKey(), name: col('varchar(255)'), budget: col('numeric(10,2)') })

ruleTester.run(rule, {
  valid: [
    schema({ departments, employees: table({ id: col('bigint').primaryKey(), name: col('text'), department_id: col('bigint').references('departments.id') }) }),
    {
      name: 'created_by reaches the actor, whose created_at is not copied',
      schema: schema({ users: table({ id: col('bigint').primaryKey(), created_at: col('timestamptz') }), files: table({ id: col('bigint').primaryKey(), created_by: col('bigint').references('users.id'), created_at: col('timestamptz') }) }),
    },
    { name: 'an attribute the parent does not have', schema: schema({ departments, employees: table({ id: col('bigint').primaryKey(), department_id: col('bigint').references('departments.id'), department_role: col('text') }) }) },
  ],
  invalid: [
    {
      name: "S0's employees_bad (no foreign key, matched by name)",
      schema: schema({ departments, employees_bad: table({ id: col('bigint').primaryKey(), department_id: col('bigint'), department_name: col('varchar(255)'), department_budget: col('numeric(10,2)') }) }),
      errors: [
        { messageId: 'copy', target: { table: 'employees_bad', column: 'department_name' }, message: '"departments.name"' },
        { messageId: 'copy', target: { column: 'department_budget' } },
      ],
    },
    {
      name: 'through a foreign key',
      schema: schema({ customers: table({ id: col('bigint').primaryKey(), email: col('text') }), orders: table({ id: col('bigint').primaryKey(), customer_id: col('bigint').references('customers.id'), customer_email: col('text') }) }),
      errors: [{ messageId: 'copy', message: '"customers.email"' }],
    },
  ],
})
