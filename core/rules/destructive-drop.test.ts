import { accounts, C, edits, enumNamed, T, withNewTable } from '../testing/migration-fixtures.ts'
import { diffRuleTester } from '../testing/diff-rule-tester.ts'
import rule from './destructive-drop.ts'

const s = accounts
diffRuleTester.run(rule, {
  valid: [
    { name: 'a new table', before: s, after: withNewTable(s) },
    { name: 'a renamed column (ids keep it)', before: s, after: edits.renameColumn(s, T(s, 'orders'), C(s, 'orders', 'note'), 'remark') },
  ],
  invalid: [
    { name: 'a dropped table', before: s, after: edits.removeTable(s, T(s, 'orders')), errors: [{ messageId: 'table', target: { table: 'orders' } }] },
    { name: 'a dropped column', before: s, after: edits.removeColumn(s, T(s, 'orders'), C(s, 'orders', 'note')), errors: [{ messageId: 'column', target: { table: 'orders', column: 'note' } }] },
    {
      name: 'a dropped enum (its column becomes text)',
      before: s,
      after: edits.removeEnum(s, enumNamed(s, 'plan').id),
      errors: [{ messageId: 'enum', target: { enum: 'public.plan' } }],
    },
    {
      name: 'a table recreated for a new partitioning',
      before: s,
      after: edits.updateTable(s, T(s, 'orders'), (t) => ({ ...t, partitionBy: { strategy: 'hash', key: 'id' } })),
      errors: [{ messageId: 'recreated', target: { table: 'orders' } }],
    },
  ],
})
