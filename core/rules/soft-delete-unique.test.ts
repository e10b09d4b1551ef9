import { col, schema, table } from '../testing/build.ts'
import type { TableExtras } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './soft-delete-unique.ts'

const users = (extras: TableExtras, email = col('text').notNull()) => schema({ users: table({ id: col('bigint').primaryKey(), email, deleted_at: col('timestamptz') }, extras) })

ruleTester.run(rule, {
  valid: [
    users({ indexes: [{ name: 'uq_users_email', unique: true, keys: ['email'], where: 'deleted_at IS NULL' }] }),
    { name: 'no soft delete', schema: schema({ users: table({ id: col('bigint').primaryKey(), email: col('text').unique() }) }) },
    { name: 'a key that foreign keys reference stays', schema: schema({ users: table({ id: col('bigint').primaryKey(), email: col('text').notNull().unique(), deleted_at: col('timestamptz') }), logins: table({ id: col('bigint').primaryKey(), email: col('text').references('users.email') }) }) },
  ],
  invalid: [
    { name: 'a plain UNIQUE (email)', schema: users({}, col('text').notNull().unique()), errors: [{ messageId: 'countsDeleted', target: { table: 'users' }, fixes: 1 }] },
    { name: "S3's UNIQUE(deleted_at, email)", schema: users({ uniques: [{ columns: ['deleted_at', 'email'] }] }), errors: [{ messageId: 'nullsDistinct', fixes: 1 }] },
    { name: 'a full unique index', schema: users({ indexes: [{ name: 'uq_users_email', unique: true, keys: ['email'] }] }), errors: [{ messageId: 'countsDeleted', target: { index: 'uq_users_email' }, fixes: 1 }] },
    { name: "Prisma's deletedAt", schema: schema({ User: table({ id: col('text').primaryKey(), email: col('text').unique(), deletedAt: col('timestamp(3)') }) }), errors: [{ messageId: 'countsDeleted', message: '"deletedAt" IS NULL' }] },
  ],
})
