import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './reserved-word-identifier.ts'

ruleTester.run(rule, {
  valid: [
    schema({ users: table({ id: col('bigint').primaryKey(), sort_order: col('int') }) }),
    { name: 'unreserved keywords are fine (name, value, type)', schema: schema({ items: table({ id: col('bigint').primaryKey(), name: col('text'), value: col('text'), type: col('text') }) }) },
  ],
  invalid: [
    {
      schema: schema({ user: table({ id: col('bigint').primaryKey(), order: col('int') }) }),
      errors: [
        { messageId: 'reserved', severity: 'error', target: { table: 'user' }, message: 'USER' },
        { messageId: 'reserved', severity: 'error', target: { table: 'user', column: 'order' } },
      ],
    },
    {
      name: 'a warning when every query is quoted by a generator',
      options: { alwaysQuoted: true },
      schema: schema({ groups: table({ id: col('bigint').primaryKey(), check: col('boolean') }) }),
      errors: [{ messageId: 'reserved', severity: 'warning', target: { table: 'groups', column: 'check' } }],
    },
    {
      name: 'a type named like a column-name keyword',
      schema: schema({ t: table({ id: col('bigint').primaryKey() }) }, { enums: { time: ['a'] } }),
      errors: [{ messageId: 'reserved', message: 'Type "time"' }],
    },
  ],
})
