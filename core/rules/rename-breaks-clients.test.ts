import { accounts, C, edits, enumNamed, labelNamed, T, withNewTable } from '../testing/migration-fixtures.ts'
import { diffRuleTester } from '../testing/diff-rule-tester.ts'
import rule from './rename-breaks-clients.ts'

const s = accounts
diffRuleTester.run(rule, {
  valid: [
    { name: 'a new table', before: s, after: withNewTable(s) },
    { name: 'a renamed index (no client names it)', before: s, after: edits.updateIndex(s, T(s, 'orders'), s.tables[1]!.indexes[0]!.id, { name: 'orders_by_user' }) },
  ],
  invalid: [
    { name: 'a renamed table', before: s, after: edits.renameTable(s, T(s, 'orders'), 'purchases'), errors: [{ messageId: 'table', target: { table: 'purchases' }, message: '"orders" is renamed to "purchases"' }] },
    { name: 'a renamed column', before: s, after: edits.renameColumn(s, T(s, 'users'), C(s, 'users', 'name'), 'full_name'), errors: [{ messageId: 'column', target: { table: 'users', column: 'full_name' } }] },
    { name: 'a renamed label', before: s, after: edits.renameEnumValue(s, enumNamed(s, 'plan').id, labelNamed(s, 'plan', 'team').id, 'business'), errors: [{ messageId: 'label', target: { enum: 'public.plan' } }] },
    {
      name: 'a table moved to another schema',
      before: s,
      after: (() => {
        const [next, ns] = edits.ensureNamespace(s, 'sales', 'ns_sales' as never)
        return edits.moveTableToNamespace(next, T(s, 'orders'), ns)
      })(),
      errors: [{ messageId: 'moved', target: { table: 'sales.orders' } }],
    },
  ],
})
