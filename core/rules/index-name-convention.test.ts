import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './index-name-convention.ts'

const orders = (indexes: NonNullable<Parameters<typeof table>[1]>['indexes']) =>
  schema({ orders: table({ id: col('bigint').primaryKey(), placed_at: col('timestamptz'), number: col('text') }, { indexes }) })

ruleTester.run(rule, {
  valid: [
    orders([{ name: 'idx_orders_placed_at', keys: ['placed_at'] }, { name: 'uq_orders_number', unique: true, keys: ['number'] }]),
    { name: 'a purpose instead of the columns', schema: orders([{ name: 'idx_orders_recent', keys: ['placed_at'] }]) },
    { name: 'unnamed indexes follow PostgreSQL', schema: orders([{ keys: ['placed_at'] }]) },
  ],
  invalid: [
    { schema: orders([{ name: 'orders_by_date', keys: ['placed_at'] }]), errors: [{ messageId: 'name', target: { table: 'orders', index: 'orders_by_date' }, message: '"idx_orders_placed_at"', fixes: 1 }] },
    { name: 'a unique index', schema: orders([{ name: 'orders_number_key', unique: true, keys: ['number'] }]), errors: [{ messageId: 'name', message: '"uq_orders_number"', fixes: 1 }] },
    { name: 'unnamed, with checkUnnamed', options: { checkUnnamed: true }, schema: orders([{ keys: ['placed_at'] }]), errors: [{ messageId: 'name', target: { index: 'orders_placed_at_idx' }, fixes: 1 }] },
    {
      name: 'other templates',
      options: { templates: { index: 'ix_{table}_{columns}' } },
      schema: orders([{ name: 'idx_orders_placed_at', keys: ['placed_at'] }]),
      errors: [{ messageId: 'name', message: '"ix_orders_placed_at"' }],
    },
  ],
})
