import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './no-float-money.ts'

const products = (columns: Record<string, ReturnType<typeof col>>) => schema({ products: table({ id: col('bigint').primaryKey(), ...columns }) })

ruleTester.run(rule, {
  valid: [
    products({ price: col('numeric(10,2)'), weight: col('double precision'), tax_rate: col('real'), total_count: col('double precision') }),
    { name: 'S0 FLOAT for a measurement', schema: products({ weight: col('float') }) },
  ],
  invalid: [
    { schema: products({ price: col('double precision').notNull().default(0) }), errors: [{ messageId: 'float', target: { table: 'products', column: 'price' }, message: 'numeric(10,2)', fixes: 1 }] },
    { name: 'the money type, whatever the name', schema: products({ deposit: col('money') }), errors: [{ messageId: 'moneyType', fixes: 1 }] },
    { name: 'real on a total', schema: products({ order_total: col('real') }), errors: [{ messageId: 'float' }] },
  ],
})
