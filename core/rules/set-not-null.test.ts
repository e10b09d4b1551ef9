import { accounts, C, edits, T, withNewTable } from '../testing/migration-fixtures.ts'
import { diffRuleTester } from '../testing/diff-rule-tester.ts'
import rule from './set-not-null.ts'

const s = accounts
const notNull = edits.updateColumn(s, T(s, 'users'), C(s, 'users', 'name'), { nullable: false })
diffRuleTester.run(rule, {
  valid: [
    { name: 'the safe plan (CHECK NOT VALID, VALIDATE, SET NOT NULL)', before: s, after: notNull },
    { name: 'a NOT NULL column of a new table', before: s, after: withNewTable(s), plan: { mode: 'simple' } },
    { name: 'dropping NOT NULL', before: notNull, after: s, plan: { mode: 'simple' } },
  ],
  invalid: [{ name: 'a plain SET NOT NULL (simple mode)', before: s, after: notNull, plan: { mode: 'simple' }, errors: [{ messageId: 'scan', target: { table: 'users', column: 'name' } }] }],
})
