import { accounts, edits, enumNamed, labelNamed } from '../testing/migration-fixtures.ts'
import { diffRuleTester } from '../testing/diff-rule-tester.ts'
import rule from './enum-value-added.ts'

const s = accounts
const plan = enumNamed(s, 'plan').id
diffRuleTester.run(rule, {
  valid: [
    { name: 'a new enum', before: s, after: edits.addEnum(s, { id: 'en_new' as never, namespaceId: s.namespaces[0]!.id, name: 'tier', values: [{ id: 'ev_a' as never, name: 'a' }] }) },
    { name: 'a label added while another is removed (the type is swapped instead)', before: s, after: edits.addEnumValue(edits.removeEnumValue(s, plan, labelNamed(s, 'plan', 'team').id), plan, { id: 'ev_x' as never, name: 'x' }) },
  ],
  invalid: [
    { name: 'a label added in the middle', before: s, after: edits.addEnumValue(s, plan, { id: 'ev_x' as never, name: 'plus' }, 1), errors: [{ messageId: 'added', severity: 'info', message: 'AFTER "free"' }] },
  ],
})
