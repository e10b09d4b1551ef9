import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './duplicate-constraint-name.ts'

const products = (second: string) =>
  schema({
    products: table(
      { id: col('bigint').primaryKey(), price: col('numeric(10,2)') },
      { checks: [{ name: 'ck_products_price', expression: 'price > 0' }, { name: second, expression: 'price < 100000' }] },
    ),
  })

ruleTester.run(rule, {
  valid: [products('ck_products_price_cap')],
  invalid: [{ schema: products('ck_products_price'), errors: [{ messageId: 'duplicate', target: { table: 'products', constraint: 'ck_products_price' } }] }],
})
