import { accounts, edits, T, withNewTable } from '../testing/migration-fixtures.ts'
import { diffRuleTester } from '../testing/diff-rule-tester.ts'
import rule from './add-required-column.ts'

const s = accounts
const text = { kind: 'builtin', name: 'text', arrayDims: 0 } as const
const required = edits.addColumn(s, T(s, 'orders'), { id: 'co_ref' as never, name: 'ref', type: text, nullable: false })
diffRuleTester.run(rule, {
  valid: [
    { name: 'a nullable column', before: s, after: edits.addColumn(s, T(s, 'orders'), { id: 'co_ref' as never, name: 'ref', type: text, nullable: true }) },
    { name: 'NOT NULL with a default', before: s, after: edits.addColumn(s, T(s, 'orders'), { id: 'co_ref' as never, name: 'ref', type: text, nullable: false, default: { kind: 'literal', value: '' } }) },
    { name: 'NOT NULL with a backfill value given', before: s, after: required, plan: { inputs: { 'columnAdded:co_ref': "'n/a'" } } },
    { name: 'a new table', before: s, after: withNewTable(s) },
  ],
  invalid: [{ name: 'NOT NULL, no default, no value', before: s, after: required, errors: [{ messageId: 'required', target: { table: 'orders', column: 'ref' } }] }],
})
