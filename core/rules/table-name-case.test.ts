import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './table-name-case.ts'

ruleTester.run(rule, {
  valid: [schema({ order_items: table({ id: col('bigint').primaryKey() }) }), schema({ t2: table({ id: col('bigint').primaryKey() }) })],
  invalid: [
    { name: 'PascalCase Prisma model', schema: schema({ OrderItem: table({ id: col('bigint').primaryKey() }) }), errors: [{ messageId: 'case', target: { table: 'OrderItem' }, message: '"order_items"', fixes: 1 }] },
    { name: 'spaces', schema: schema({ 'Invoice Lines': table({ id: col('bigint').primaryKey() }) }), errors: [{ messageId: 'case', message: '"invoice_lines"', fixes: 1 }] },
    {
      name: 'no fix when the snake name is taken',
      schema: schema({ Users: table({ id: col('bigint').primaryKey() }), users: table({ id: col('bigint').primaryKey() }) }),
      errors: [{ messageId: 'case', target: { table: 'Users' }, fixes: 0 }],
    },
    { name: 'a name in another script has no snake_case spelling', schema: schema({ 注文: table({ id: col('bigint').primaryKey() }) }), errors: [{ messageId: 'case', fixes: 0 }] },
  ],
})
