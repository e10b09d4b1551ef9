import { col, schema, table } from '../testing/build.ts'
import type { TableExtras } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './redundant-index.ts'

const users = (extras: TableExtras, email = col('varchar(255)').notNull()) =>
  schema({ users: table({ id: col('bigint').primaryKey(), email, status: col('text'), created_at: col('timestamptz') }, extras) })

ruleTester.run(rule, {
  valid: [
    users({ indexes: [{ keys: ['email'] }, { keys: ['status', 'email'] }] }),
    { name: 'a unique prefix of a non-unique index enforces something', schema: users({ indexes: [{ unique: true, keys: ['email'] }, { keys: ['email', 'status'] }] }) },
    { name: 'different predicates', schema: users({ indexes: [{ keys: ['email'] }, { keys: ['email', 'status'], where: 'status = \'active\'' }] }) },
    { name: 'INCLUDE columns make it cover more', schema: users({ indexes: [{ keys: ['email'], include: ['created_at'] }, { keys: ['email', 'status'] }] }) },
    { name: 'descending differs', schema: users({ indexes: [{ keys: [{ column: 'created_at', order: 'desc' }] }, { keys: ['created_at', 'status'] }] }) },
  ],
  invalid: [
    { name: "S1's idx_users_email next to UNIQUE (email)", schema: users({ indexes: [{ name: 'idx_users_email', keys: ['email'] }] }, col('varchar(255)').notNull().unique()), errors: [{ messageId: 'duplicate', target: { table: 'users', index: 'idx_users_email' }, message: 'UNIQUE constraint', fixes: 1 }] },
    { name: 'a prefix of a composite index', schema: users({ indexes: [{ name: 'a', keys: ['status'] }, { name: 'b', keys: ['status', 'created_at'] }] }), errors: [{ messageId: 'prefix', target: { index: 'a' }, message: 'index "b"', fixes: 1 }] },
    { name: 'two identical indexes: the second goes', schema: users({ indexes: [{ name: 'a', keys: ['status'] }, { name: 'b', keys: ['status'] }] }), errors: [{ messageId: 'duplicate', target: { index: 'b' } }] },
    { name: 'a prefix of the primary key', schema: schema({ t: table({ a: col('int').notNull(), b: col('int').notNull() }, { primaryKey: ['a', 'b'], indexes: [{ name: 'ia', keys: ['a'] }] }) }), errors: [{ messageId: 'prefix', message: 'the primary key' }] },
  ],
})
