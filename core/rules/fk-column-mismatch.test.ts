import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './fk-column-mismatch.ts'

ruleTester.run(rule, {
  valid: [
    schema({ users: table({ id: col('bigint').primaryKey() }), orders: table({ id: col('bigint').primaryKey(), user_id: col('bigint').references('users.id') }) }),
    { name: 'serial references as integer', schema: schema({ users: table({ id: col('serial').primaryKey() }), orders: table({ id: col('serial').primaryKey(), user_id: col('integer').references('users.id') }) }) },
  ],
  invalid: [
    {
      name: 'int4 referencing int8 (same family)',
      schema: schema({ users: table({ id: col('bigint').primaryKey() }), orders: table({ id: col('bigint').primaryKey(), user_id: col('integer').references('users.id') }) }),
      errors: [{ messageId: 'mismatch', severity: 'warning', target: { table: 'orders', column: 'user_id' }, fixes: 1 }],
    },
    {
      name: 'text referencing uuid',
      schema: schema({ users: table({ id: col('uuid').primaryKey() }), orders: table({ id: col('uuid').primaryKey(), user_id: col('text').references('users.id') }) }),
      errors: [{ messageId: 'mismatch', severity: 'error', target: { table: 'orders', column: 'user_id' }, fixes: 0 }],
    },
    {
      name: 'varchar lengths differ',
      schema: schema({ a: table({ id: col('varchar(10)').primaryKey() }), b: table({ id: col('integer').primaryKey(), a_id: col('varchar(50)').references('a.id') }) }),
      errors: [{ messageId: 'modifiers', severity: 'warning', target: { table: 'b', column: 'a_id' }, message: 'varchar(50)', fixes: 1 }],
    },
  ],
})
