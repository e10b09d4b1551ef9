import { accounts, C, edits, T, withNewTable } from '../testing/migration-fixtures.ts'
import { diffRuleTester } from '../testing/diff-rule-tester.ts'
import rule from './index-not-concurrent.ts'

const s = accounts
const withIndex = edits.addIndex(s, T(s, 'users'), { id: 'ix_email' as never, name: 'idx_users_email', unique: false, method: 'btree', keys: [{ kind: 'column', columnId: C(s, 'users', 'email') }], include: [] })
diffRuleTester.run(rule, {
  valid: [
    { name: 'CREATE INDEX CONCURRENTLY (safe plan)', before: s, after: withIndex },
    { name: 'DROP INDEX CONCURRENTLY (safe plan)', before: withIndex, after: s },
    { name: 'an index on a new table', before: s, after: withNewTable(s), plan: { mode: 'simple' } },
  ],
  invalid: [
    { name: 'a plain CREATE INDEX', before: s, after: withIndex, plan: { mode: 'simple' }, errors: [{ messageId: 'create', target: { table: 'users', index: 'idx_users_email' } }] },
    { name: 'a plain DROP INDEX', before: withIndex, after: s, plan: { mode: 'simple' }, errors: [{ messageId: 'drop', target: { table: 'users' } }] },
    {
      name: 'an index on a partitioned table',
      before: edits.updateTable(s, T(s, 'orders'), (t) => ({ ...t, partitionBy: { strategy: 'hash', key: 'id' }, foreignKeys: [], indexes: [] })),
      after: edits.updateTable(s, T(s, 'orders'), (t) => ({ ...t, partitionBy: { strategy: 'hash', key: 'id' }, foreignKeys: [] })),
      errors: [{ messageId: 'partitioned', target: { table: 'orders' } }],
    },
  ],
})
