import { accounts, constraintOf, edits, T, withNewTable } from '../testing/migration-fixtures.ts'
import { diffRuleTester } from '../testing/diff-rule-tester.ts'
import rule from './constraint-not-valid.ts'

const s = accounts
const checked = edits.addCheck(s, T(s, 'orders'), { id: 'cn_pos' as never, kind: 'check', name: 'orders_total_positive', expression: 'total >= 0' })
const action = edits.updateConstraint(s, T(s, 'orders'), constraintOf(s, 'orders', 'foreignKey').id, { onDelete: 'restrict' })
diffRuleTester.run(rule, {
  valid: [
    { name: 'CHECK NOT VALID then VALIDATE (safe plan)', before: s, after: checked },
    { name: 'a foreign key action changed, NOT VALID (safe plan)', before: s, after: action },
    { name: 'constraints of a new table', before: s, after: withNewTable(s), plan: { mode: 'simple' } },
  ],
  invalid: [
    { name: 'a plain CHECK', before: s, after: checked, plan: { mode: 'simple' }, errors: [{ messageId: 'check', target: { table: 'orders' } }] },
    { name: 'a foreign key action changed by drop and add', before: s, after: action, plan: { mode: 'simple' }, errors: [{ messageId: 'foreignKey', target: { table: 'orders', constraint: 'orders_user_id_fkey' } }] },
  ],
})
