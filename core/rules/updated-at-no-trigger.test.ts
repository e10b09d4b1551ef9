import { col, schema, sql, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './updated-at-no-trigger.ts'

const users = (comment?: string, tableComment?: string) => {
  const updated = col('timestamptz').notNull().default(sql`now()`)
  return schema({ users: table({ id: col('bigint').primaryKey(), updated_at: comment ? updated.comment(comment) : updated }, tableComment ? { comment: tableComment } : {}) })
}

ruleTester.run(rule, {
  valid: [
    users('Maintained by trigger users_updated_at.'),
    users(undefined, 'People. updated_at is app-managed.'),
    { name: 'Prisma @updatedAt noted', schema: users('@updatedAt') },
    { name: 'the application sets it everywhere', options: { appManaged: true }, schema: users() },
    { name: 'no updated_at', schema: schema({ logs: table({ id: col('bigint').primaryKey() }) }) },
  ],
  invalid: [
    { schema: users(), errors: [{ messageId: 'unmaintained', target: { table: 'users', column: 'updated_at' } }] },
    { name: 'camelCase', schema: schema({ User: table({ id: col('text').primaryKey(), updatedAt: col('timestamp(3)').notNull() }) }), errors: [{ messageId: 'unmaintained', target: { column: 'updatedAt' } }] },
  ],
})
