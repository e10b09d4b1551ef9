import { accounts, C, edits, enumNamed, labelNamed, T, withNewTable } from '../testing/migration-fixtures.ts'
import { diffRuleTester } from '../testing/diff-rule-tester.ts'
import rule from './backfill-required.ts'

const s = accounts
const notNull = edits.updateColumn(s, T(s, 'users'), C(s, 'users', 'name'), { nullable: false })
const removed = edits.removeEnumValue(s, enumNamed(s, 'plan').id, labelNamed(s, 'plan', 'team').id)
diffRuleTester.run(rule, {
  valid: [
    { name: 'NOT NULL with a backfill value', before: s, after: notNull, plan: { inputs: { [`columnNullabilityChanged:${C(s, 'users', 'name')}`]: "'?'" } } },
    { name: 'a removed label with its replacement', before: s, after: removed, plan: { inputs: { [`enumValueRemoved:${labelNamed(s, 'plan', 'team').id}`]: 'pro' } } },
    { name: 'a unique key of a new table', before: s, after: withNewTable(s) },
  ],
  invalid: [
    { name: 'NOT NULL with nothing to fill NULLs with', before: s, after: notNull, errors: [{ messageId: 'backfill', target: { table: 'users', column: 'name' } }] },
    { name: 'a removed label with no replacement', before: s, after: removed, errors: [{ messageId: 'replacement', target: { enum: 'public.plan' } }] },
    { name: 'a new UNIQUE on a table with rows', before: s, after: edits.addUnique(s, T(s, 'users'), { id: 'cn_email' as never, kind: 'unique', columns: [C(s, 'users', 'email')] }), errors: [{ messageId: 'duplicates', message: '(email)' }] },
  ],
})
