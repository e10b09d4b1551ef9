import { accounts, C, edits, T, withNewTable } from '../testing/migration-fixtures.ts'
import { diffRuleTester } from '../testing/diff-rule-tester.ts'
import rule from './lock-timeouts.ts'

const s = accounts
const changed = edits.updateColumn(s, T(s, 'orders'), C(s, 'orders', 'note'), { comment: 'free text' })
diffRuleTester.run(rule, {
  valid: [
    { name: 'the safe plan sets both', before: s, after: changed },
    { name: 'only new tables', before: s, after: withNewTable(s), plan: { mode: 'simple' } },
  ],
  invalid: [
    { name: 'simple mode', before: s, after: changed, plan: { mode: 'simple' }, errors: [{ messageId: 'missing', severity: 'info', message: 'lock_timeout or statement_timeout' }] },
    { name: 'lock_timeout switched off', before: s, after: changed, plan: { lockTimeout: '0' }, errors: [{ messageId: 'missing', message: 'not set lock_timeout:' }] },
  ],
})
