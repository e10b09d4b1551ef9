import { col, schema, table } from '../testing/build.ts'
import type { TableExtras } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './low-selectivity-index.ts'

const products = (extras: TableExtras) =>
  schema({ products: table({ id: col('bigint').primaryKey(), is_active: col('boolean').notNull(), tags: col('text[]'), data: col('jsonb'), kind: col('kind'), name: col('text') }, extras) }, { enums: { kind: ['a', 'b'] } })

ruleTester.run(rule, {
  valid: [
    products({ indexes: [{ keys: ['id'], where: 'NOT is_active' }, { keys: ['tags'], method: 'gin' }, { keys: ['is_active', 'name'] }] }),
    { name: 'a partial index on the boolean', schema: products({ indexes: [{ keys: ['is_active'], where: 'is_active' }] }) },
  ],
  invalid: [
    { name: "S3's @@index([isActive])", schema: products({ indexes: [{ name: 'idx_products_is_active', keys: ['is_active'] }] }), errors: [{ messageId: 'lowCardinality', target: { table: 'products', index: 'idx_products_is_active' }, message: 'two values' }] },
    { name: 'a two-value enum', schema: products({ indexes: [{ keys: ['kind'] }] }), errors: [{ messageId: 'lowCardinality', message: '2 values' }] },
    { name: 'btree on an array and on jsonb', schema: products({ indexes: [{ keys: ['tags'] }, { keys: ['data'] }] }), errors: [{ messageId: 'useGin', fixes: 1 }, { messageId: 'useGin', fixes: 1 }] },
  ],
})
