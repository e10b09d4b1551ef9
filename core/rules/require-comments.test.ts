import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './require-comments.ts'

ruleTester.run(rule, {
  valid: [
    schema({ invoices: table({ id: col('bigint').primaryKey(), total: col('numeric(10,2)').comment('Amount due.'), created_at: col('timestamptz') }, { comment: 'A bill.' }) }),
    { name: 'tables only', options: { columns: false }, schema: schema({ invoices: table({ id: col('bigint').primaryKey(), total: col('numeric(10,2)') }, { comment: 'A bill.' }) }) },
  ],
  invalid: [
    {
      schema: schema({ invoices: table({ id: col('bigint').primaryKey(), total: col('numeric(10,2)'), due_on: col('date') }) }),
      errors: [
        { messageId: 'table', target: { table: 'invoices' } },
        { messageId: 'columns', target: { table: 'invoices', column: 'total' }, message: '2 column(s) of "invoices" have no description: "total", "due_on"' },
      ],
    },
    { name: 'a blank comment counts as none', schema: schema({ t: table({ id: col('bigint').primaryKey() }, { comment: '  ' }) }), errors: [{ messageId: 'table' }] },
  ],
})
