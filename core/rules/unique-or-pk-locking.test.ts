import { accounts, C, edits, T, withNewTable } from '../testing/migration-fixtures.ts'
import { diffRuleTester } from '../testing/diff-rule-tester.ts'
import rule from './unique-or-pk-locking.ts'

const s = accounts
const unique = edits.addUnique(s, T(s, 'users'), { id: 'cn_email' as never, kind: 'unique', columns: [C(s, 'users', 'email')] })
diffRuleTester.run(rule, {
  valid: [
    { name: 'a concurrent unique index attached USING INDEX (safe plan)', before: s, after: unique },
    { name: 'keys of a new table', before: s, after: withNewTable(s), plan: { mode: 'simple' } },
  ],
  invalid: [
    { name: 'a plain ADD UNIQUE', before: s, after: unique, plan: { mode: 'simple' }, errors: [{ messageId: 'locking', target: { table: 'users', constraint: 'users_email_key' } }] },
    {
      name: 'a plain ADD PRIMARY KEY',
      before: edits.setPrimaryKey(s, T(s, 'orders'), []),
      after: s,
      plan: { mode: 'simple' },
      errors: [{ messageId: 'locking', message: 'PRIMARY KEY' }],
    },
  ],
})
