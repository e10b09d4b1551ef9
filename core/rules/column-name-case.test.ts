import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './column-name-case.ts'

ruleTester.run(rule, {
  valid: [
    schema({ users: table({ id: col('bigint').primaryKey(), first_name: col('text'), is_active: col('boolean'), has_paid: col('boolean') }) }),
    { name: 'another prefix list', options: { booleanPrefixes: ['is', 'flag'] }, schema: schema({ t: table({ id: col('bigint').primaryKey(), flag_x: col('boolean') }) }) },
  ],
  invalid: [
    {
      name: 'camelCase and a boolean without a prefix',
      schema: schema({ users: table({ id: col('bigint').primaryKey(), firstName: col('text'), verified: col('boolean') }) }),
      errors: [
        { messageId: 'case', target: { table: 'users', column: 'firstName' }, severity: 'warning', message: '"first_name"', fixes: 1 },
        { messageId: 'booleanPrefix', target: { column: 'verified' }, severity: 'info', message: '"is_verified"', fixes: 1 },
      ],
    },
    {
      name: 'no rename fix when a CHECK names the column',
      schema: schema({ t: table({ id: col('bigint').primaryKey(), Price: col('numeric(10,2)') }, { checks: [{ name: 'ck_t_price', expression: '"Price" > 0' }] }) }),
      errors: [{ messageId: 'case', fixes: 0 }],
    },
  ],
})
