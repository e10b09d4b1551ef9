import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './fk-action-impossible.ts'

const comments = (userId: ReturnType<typeof col>) => schema({ users: table({ id: col('uuid').primaryKey() }), comments: table({ id: col('uuid').primaryKey(), user_id: userId }) })

ruleTester.run(rule, {
  valid: [
    comments(col('uuid').references('users.id', { onDelete: 'set null' })),
    { name: 'SET DEFAULT with a default', schema: comments(col('uuid').notNull().default('00000000-0000-0000-0000-000000000000').references('users.id', { onDelete: 'set default' })) },
    { name: 'CASCADE on NOT NULL', schema: comments(col('uuid').notNull().references('users.id', { onDelete: 'cascade' })) },
  ],
  invalid: [
    {
      name: "S0's fk_comments_user: SET NULL on a NOT NULL column",
      schema: comments(col('uuid').notNull().references('users.id', { onDelete: 'set null', onUpdate: 'cascade' })),
      errors: [{ messageId: 'deleteSetNull', target: { table: 'comments', column: 'user_id' }, fixes: 3 }],
    },
    {
      name: 'SET DEFAULT with no default, on update too',
      schema: comments(col('uuid').notNull().references('users.id', { onDelete: 'set default', onUpdate: 'set null' })),
      errors: [
        { messageId: 'deleteSetDefault', target: { table: 'comments', column: 'user_id' }, fixes: 2 },
        { messageId: 'updateSetNull', target: { table: 'comments', column: 'user_id' }, fixes: 3 },
      ],
    },
    {
      name: 'a key column cannot become nullable, so that fix is not offered',
      schema: schema({ users: table({ id: col('uuid').primaryKey() }), profiles: table({ user_id: col('uuid').primaryKey().references('users.id', { onDelete: 'set null' }) }) }),
      errors: [{ messageId: 'deleteSetNull', fixes: 2 }],
    },
  ],
})
