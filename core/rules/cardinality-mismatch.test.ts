import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './cardinality-mismatch.ts'

const sessions = (userId: ReturnType<typeof col>) => schema({ users: table({ id: col('uuid').primaryKey() }), sessions: table({ id: col('uuid').primaryKey(), user_id: userId }) })

ruleTester.run(rule, {
  valid: [
    sessions(col('uuid').notNull().references('users.id', { onDelete: 'cascade' })),
    { name: 'an optional key that is cleared', schema: sessions(col('uuid').references('users.id', { onDelete: 'set null' })) },
    { name: 'a tree: replies cascade, roots have no parent', schema: schema({ comments: table({ id: col('bigint').primaryKey(), parent_id: col('bigint').references('comments.id', { onDelete: 'cascade' }) }) }) },
    {
      name: 'an exclusive arc: one of several cascading keys is set',
      schema: schema({ images: table({ id: col('bigint').primaryKey() }), posts: table({ id: col('bigint').primaryKey() }), collection_items: table({ id: col('bigint').primaryKey(), image_id: col('bigint').references('images.id', { onDelete: 'cascade' }), post_id: col('bigint').references('posts.id', { onDelete: 'cascade' }) }) }),
    },
  ],
  invalid: [
    { name: "S1's nullable sessions.user_id with ON DELETE CASCADE", schema: sessions(col('uuid').references('users.id', { onDelete: 'cascade' })), errors: [{ messageId: 'cascadeNullable', target: { table: 'sessions', column: 'user_id' }, fixes: 1 }] },
    {
      name: "a junction with a nullable side (S0's user_roles before its key)",
      schema: schema({ users: table({ id: col('uuid').primaryKey() }), roles: table({ id: col('uuid').primaryKey() }), user_roles: table({ user_id: col('uuid').references('users.id'), role_id: col('uuid').notNull().references('roles.id') }) }),
      errors: [{ messageId: 'junctionNullable', target: { table: 'user_roles', column: 'user_id' }, fixes: 1 }],
    },
    {
      name: 'no NOT NULL fix when another key clears the column',
      schema: schema({
        users: table({ id: col('uuid').primaryKey(), alt: col('uuid').unique() }),
        sessions: table({ id: col('uuid').primaryKey(), user_id: col('uuid').references('users.id', { onDelete: 'cascade' }) }, { foreignKeys: [{ columns: ['user_id'], references: 'users', targetColumns: ['alt'], onDelete: 'set null' }] }),
      }),
      errors: [{ messageId: 'cascadeNullable', fixes: 0 }],
    },
  ],
})
