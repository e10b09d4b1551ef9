import { col, schema, sql, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './require-timestamps.ts'

const now = () => col('timestamptz').notNull().default(sql`now()`)

ruleTester.run(rule, {
  valid: [
    schema({ invoices: table({ id: col('bigint').primaryKey(), created_at: now(), updated_at: now() }) }),
    { name: 'CURRENT_TIMESTAMP and camelCase names', schema: schema({ Invoice: table({ id: col('bigint').primaryKey(), createdAt: col('timestamp(3)').notNull().default(sql`CURRENT_TIMESTAMP`), updatedAt: now() }) }) },
    { name: 'an ignored lookup table', options: { ignore: ['countries'] }, schema: schema({ countries: table({ code: col('char(2)').primaryKey() }) }) },
    { name: 'another column list', options: { columns: ['created_at'] }, schema: schema({ logs: table({ id: col('bigint').primaryKey(), created_at: now() }) }) },
  ],
  invalid: [
    { name: 'both missing', schema: schema({ invoices: table({ id: col('bigint').primaryKey() }) }), errors: [{ messageId: 'missing', target: { table: 'invoices' }, message: '"created_at" and "updated_at"', fixes: 1 }] },
    {
      name: "S0's nullable created_at (DEFAULT CURRENT_TIMESTAMP, no NOT NULL) and no updated_at",
      schema: schema({ orders: table({ id: col('uuid').primaryKey(), created_at: col('timestamptz').default(sql`CURRENT_TIMESTAMP`) }) }),
      errors: [
        { messageId: 'shape', target: { table: 'orders', column: 'created_at' }, message: 'is nullable', fixes: 1 },
        { messageId: 'missing', target: { table: 'orders' }, message: '"updated_at"' },
      ],
    },
    {
      name: 'a date, with no default',
      schema: schema({ t: table({ id: col('bigint').primaryKey(), created_at: col('date').notNull(), updated_at: now() }) }),
      errors: [{ messageId: 'shape', message: 'is not a timestamp and has no DEFAULT now()' }],
    },
  ],
})
