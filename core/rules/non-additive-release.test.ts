import { accounts, C, edits, T } from '../testing/migration-fixtures.ts'
import { diffRuleTester } from '../testing/diff-rule-tester.ts'
import rule from './non-additive-release.ts'

const s = accounts
const text = { kind: 'builtin', name: 'text', arrayDims: 0 } as const
const added = edits.addColumn(s, T(s, 'orders'), { id: 'co_x' as never, name: 'memo', type: text, nullable: true })
diffRuleTester.run(rule, {
  valid: [
    { name: 'only additions', before: s, after: added },
    { name: 'an addition here, a removal elsewhere', before: s, after: edits.removeColumn(added, T(s, 'users'), C(s, 'users', 'name')) },
  ],
  invalid: [
    { name: 'a column added and another dropped on one table', before: s, after: edits.removeColumn(added, T(s, 'orders'), C(s, 'orders', 'note')), errors: [{ messageId: 'mixed', target: { table: 'orders' }, message: 'column added' }] },
  ],
})
