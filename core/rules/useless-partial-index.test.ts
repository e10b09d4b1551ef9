import { col, schema, table } from '../testing/build.ts'
import type { TableExtras } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './useless-partial-index.ts'

const users = (extras: TableExtras) => schema({ users: table({ id: col('bigint').primaryKey(), email: col('text').notNull(), status: col('varchar(20)'), deleted_at: col('timestamptz') }, extras) })

ruleTester.run(rule, {
  valid: [
    users({ indexes: [{ keys: ['email'], where: 'deleted_at IS NULL' }] }),
    { name: "S4's resources(id) WHERE deleted_at IS NULL", schema: users({ indexes: [{ keys: ['id'], where: 'deleted_at IS NULL' }] }) },
    { name: 'IS NOT NULL on a nullable column', schema: users({ indexes: [{ keys: ['status'], where: 'status IS NOT NULL' }] }) },
  ],
  invalid: [
    { name: "S2's (deleted_at) WHERE deleted_at IS NULL", schema: users({ indexes: [{ name: 'idx_users_deleted_at', keys: ['deleted_at'], where: 'deleted_at IS NULL' }] }), errors: [{ messageId: 'constantKey', target: { table: 'users', index: 'idx_users_deleted_at' } }] },
    { name: "S1's (status) WHERE status = 'active', as pg_dump prints it", schema: users({ indexes: [{ keys: ['status'], where: "((status)::text = 'active'::text)" }] }), errors: [{ messageId: 'constantKey', target: { column: 'status' } }] },
    { name: 'IS NOT NULL on a NOT NULL column', schema: users({ indexes: [{ keys: ['id'], where: 'email IS NOT NULL' }] }), errors: [{ messageId: 'noopPredicate', target: { column: 'email' }, fixes: 1 }] },
  ],
})
