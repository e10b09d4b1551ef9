import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './identifier-too-long.ts'

const long = 'customer_subscription_invoice_adjustments'
const parent = 'customer_subscription_billing_periods'

ruleTester.run(rule, {
  valid: [
    schema({ periods: table({ id: col('bigint').primaryKey() }), items: table({ id: col('bigint').primaryKey(), period_id: col('bigint').references('periods.id') }) }),
    { name: 'a long generated name that is named explicitly', schema: schema({ [parent]: table({ id: col('bigint').primaryKey() }), [long]: table({ id: col('bigint').primaryKey(), period_id: col('bigint') }, { foreignKeys: [{ name: 'fk_items_period', columns: ['period_id'], references: parent, targetColumns: ['id'] }] }) }) },
  ],
  invalid: [
    {
      name: 'an explicit name over 63 bytes (multi-byte characters count)',
      schema: schema({ ['名'.repeat(22)]: table({ id: col('bigint').primaryKey() }) }),
      errors: [{ messageId: 'tooLong', severity: 'error', message: '66 bytes' }],
    },
    {
      name: 'a generated foreign key name PostgreSQL would cut',
      schema: schema({ [parent]: table({ id: col('bigint').primaryKey() }), [long]: table({ id: col('bigint').primaryKey(), customer_subscription_billing_period_id: col('bigint').references(`${parent}.id`) }) }),
      errors: [{ messageId: 'generated', severity: 'warning', target: { table: long }, fixes: 1 }],
    },
  ],
})
