import { accounts, edits, enumNamed, labelNamed, withNewTable } from '../testing/migration-fixtures.ts'
import { diffRuleTester } from '../testing/diff-rule-tester.ts'
import rule from './enum-value-removed.ts'

const s = accounts
const plan = enumNamed(s, 'plan').id
diffRuleTester.run(rule, {
  valid: [
    { name: 'a label added', before: s, after: edits.addEnumValue(s, plan, { id: 'ev_x' as never, name: 'enterprise' }) },
    { name: 'a label renamed (RENAME VALUE)', before: s, after: edits.renameEnumValue(s, plan, labelNamed(s, 'plan', 'team').id, 'business') },
    { name: 'a new table', before: s, after: withNewTable(s) },
  ],
  invalid: [
    { name: 'a label removed', before: s, after: edits.removeEnumValue(s, plan, labelNamed(s, 'plan', 'team').id), errors: [{ messageId: 'removed', target: { enum: 'public.plan' }, message: '1 column rewritten' }] },
    { name: 'labels reordered', before: s, after: edits.moveEnumValue(s, plan, labelNamed(s, 'plan', 'team').id, 0), errors: [{ messageId: 'reordered' }] },
  ],
})
