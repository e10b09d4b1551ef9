import { col, schema, table } from '../testing/build.ts'
import type { TableExtras } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './junction-key.ts'

const roles = (extras: TableExtras, id = true) =>
  schema({
    users: table({ id: col('bigint').primaryKey() }),
    roles: table({ id: col('bigint').primaryKey() }),
    user_roles: table({ ...(id ? { id: col('bigint').primaryKey() } : {}), user_id: col('bigint').notNull().references('users.id'), role_id: col('bigint').notNull().references('roles.id') }, extras),
  })

ruleTester.run(rule, {
  valid: [
    roles({ primaryKey: ['user_id', 'role_id'] }, false),
    { name: 'a surrogate id plus UNIQUE (S4)', schema: roles({ uniques: [{ columns: ['role_id', 'user_id'] }] }) },
    { name: 'a unique index', schema: roles({ indexes: [{ unique: true, keys: ['user_id', 'role_id'] }] }) },
    {
      name: 'comments link posts and users, but are entities of their own',
      schema: schema({ posts: table({ id: col('bigint').primaryKey() }), users: table({ id: col('bigint').primaryKey() }), comments: table({ id: col('bigint').primaryKey(), post_id: col('bigint').notNull().references('posts.id'), user_id: col('bigint').notNull().references('users.id'), body: col('text') }) }),
    },
    { name: 'a tree is not a junction', schema: schema({ posts: table({ id: col('bigint').primaryKey() }), comments: table({ id: col('bigint').primaryKey(), post_id: col('bigint').references('posts.id'), parent_id: col('bigint').references('comments.id') }) }) },
  ],
  invalid: [
    { schema: roles({}), errors: [{ messageId: 'noKey', target: { table: 'user_roles' }, message: 'UNIQUE (user_id, role_id)', fixes: 1 }] },
    {
      name: 'a link table with an attribute, named after both sides',
      schema: schema({ products: table({ id: col('bigint').primaryKey() }), categories: table({ id: col('bigint').primaryKey() }), product_categories: table({ id: col('bigint').primaryKey(), product_id: col('bigint').notNull().references('products.id'), category_id: col('bigint').notNull().references('categories.id'), position: col('int') }) }),
      errors: [{ messageId: 'noKey', target: { table: 'product_categories' } }],
    },
    { name: 'a partial unique does not count', schema: roles({ indexes: [{ unique: true, keys: ['user_id', 'role_id'], where: 'user_id > 0' }] }), errors: [{ messageId: 'noKey' }] },
  ],
})
