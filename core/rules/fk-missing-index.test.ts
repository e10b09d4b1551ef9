import { col, schema, table } from '../testing/build.ts'
import type { TableExtras } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './fk-missing-index.ts'

const posts = (extras: TableExtras = {}, userId = col('bigint').notNull().references('users.id', { onDelete: 'cascade' })) =>
  schema({ users: table({ id: col('bigint').primaryKey() }), posts: table({ id: col('bigint').primaryKey(), user_id: userId, created_at: col('timestamptz') }, extras) })

ruleTester.run(rule, {
  valid: [
    posts({ indexes: [{ name: 'idx_posts_user_id', keys: ['user_id'] }] }),
    { name: 'the leading column of a wider index', schema: posts({ indexes: [{ keys: ['user_id', 'created_at'] }] }) },
    { name: 'the leading column of a UNIQUE', schema: posts({ uniques: [{ columns: ['user_id', 'created_at'] }] }) },
    { name: 'a partial index that leaves out NULL keys', schema: posts({ indexes: [{ keys: ['user_id'], where: 'user_id IS NOT NULL' }] }, col('bigint').references('users.id')) },
    {
      name: 'a composite key, columns in another order',
      schema: schema({
        variants: table({ product_id: col('bigint').notNull(), id: col('bigint').notNull() }, { primaryKey: ['product_id', 'id'] }),
        items: table({ id: col('bigint').primaryKey(), p: col('bigint'), v: col('bigint') }, { foreignKeys: [{ columns: ['p', 'v'], references: 'variants', targetColumns: ['product_id', 'id'] }], indexes: [{ keys: ['v', 'p'] }] }),
      }),
    },
  ],
  invalid: [
    { schema: posts(), errors: [{ messageId: 'missing', target: { table: 'posts', constraint: 'posts_user_id_fkey' }, message: '(user_id)', fixes: 1 }] },
    { name: 'not the leading column', schema: posts({ indexes: [{ keys: ['created_at', 'user_id'] }] }), errors: [{ messageId: 'missing' }] },
    { name: 'a partial index on something else', schema: posts({ indexes: [{ keys: ['user_id'], where: 'created_at > now()' }] }), errors: [{ messageId: 'missing' }] },
    { name: 'a GIN index does not serve the lookup', schema: posts({ indexes: [{ keys: ['user_id'], method: 'gin' }] }), errors: [{ messageId: 'missing' }] },
  ],
})
