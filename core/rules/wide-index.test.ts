import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './wide-index.ts'

const orders = (keys: string[], unique = false) =>
  schema({ orders: table({ id: col('bigint').primaryKey(), a: col('int'), b: col('int'), c: col('int'), d: col('int') }, { indexes: [{ name: 'idx_orders_lookup', keys, unique }] }) })

ruleTester.run(rule, {
  valid: [orders(['a', 'b', 'c']), { name: 'a unique key may be wide', schema: orders(['a', 'b', 'c', 'd'], true) }, { name: 'a higher limit', options: { max: 4 }, schema: orders(['a', 'b', 'c', 'd']) }],
  invalid: [{ schema: orders(['a', 'b', 'c', 'd']), errors: [{ messageId: 'wide', target: { table: 'orders', index: 'idx_orders_lookup' }, message: '4 key columns' }] }],
})
