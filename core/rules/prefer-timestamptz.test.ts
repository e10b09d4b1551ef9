import { col, schema, sql, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './prefer-timestamptz.ts'

ruleTester.run(rule, {
  valid: [schema({ sessions: table({ id: col('bigint').primaryKey(), expires_at: col('timestamptz').notNull(), on_date: col('date') }) })],
  invalid: [
    {
      name: "S1's TIMESTAMP DEFAULT CURRENT_TIMESTAMP",
      schema: schema({ sessions: table({ id: col('bigint').primaryKey(), created_at: col('timestamp(3)').default(sql`CURRENT_TIMESTAMP`) }) }),
      errors: [{ messageId: 'timestamp', severity: 'warning', target: { table: 'sessions', column: 'created_at' }, fixes: 1 }],
    },
    { name: 'assumeUtc lowers it to info', options: { assumeUtc: true }, schema: schema({ t: table({ id: col('bigint').primaryKey(), at: col('timestamp') }) }), errors: [{ messageId: 'timestamp', severity: 'info' }] },
    {
      name: 'the fix follows the foreign key',
      schema: schema({ slots: table({ starts_at: col('timestamp').primaryKey() }), bookings: table({ id: col('bigint').primaryKey(), slot: col('timestamp').references('slots.starts_at') }) }),
      errors: [
        { messageId: 'timestamp', target: { table: 'slots' }, fixes: 1 },
        { messageId: 'timestamp', target: { table: 'bookings' }, fixes: 1 },
      ],
    },
  ],
})
