import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './money-representation.ts'

const orders = (columns: Record<string, ReturnType<typeof col>>) => schema({ orders: table({ id: col('bigint').primaryKey(), ...columns }) })

ruleTester.run(rule, {
  valid: [
    orders({ total_amount: col('numeric(10,2)'), price: col('numeric(12,2)'), item_count: col('integer') }),
    { name: 'S3 bigint cents under minor-units', options: { style: 'minor-units' }, schema: orders({ total: col('bigint'), price_cents: col('bigint') }) },
    { name: "S1's DECIMAL(19,4) as an option", options: { precision: 19, scale: 4 }, schema: orders({ amount: col('numeric(19,4)') }) },
  ],
  invalid: [
    { name: "S3's BIGINT cents under the decimal default", schema: orders({ total: col('bigint') }), errors: [{ messageId: 'useDecimal', target: { table: 'orders', column: 'total' }, message: 'numeric(10,2)', fixes: 1 }] },
    { name: 'numeric without precision', schema: orders({ price: col('numeric') }), errors: [{ messageId: 'unbounded', fixes: 1 }] },
    { name: "S1's DECIMAL(19,4) under scale 2", schema: orders({ amount: col('numeric(19,4)') }), errors: [{ messageId: 'scale', message: 'numeric(17,2)', fixes: 1 }] },
    { name: 'decimal under minor-units', options: { style: 'minor-units' }, schema: orders({ amount: col('numeric(10,2)'), fee: col('integer') }), errors: [{ messageId: 'useMinorUnits' }, { messageId: 'useMinorUnits', target: { column: 'fee' } }] },
  ],
})
