import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './numeric-precision.ts'

ruleTester.run(rule, {
  valid: [
    schema({ m: table({ id: col('bigint').primaryKey(), weight_kg: col('numeric(8,3)') }) }),
    { name: 'money is money-representation\'s', schema: schema({ m: table({ id: col('bigint').primaryKey(), price: col('numeric') }) }) },
  ],
  invalid: [{ schema: schema({ m: table({ id: col('bigint').primaryKey(), weight_kg: col('numeric') }) }), errors: [{ messageId: 'unbounded', target: { table: 'm', column: 'weight_kg' } }] }],
})
