import { accounts, C, edits, T } from '../testing/migration-fixtures.ts'
import { diffRuleTester } from '../testing/diff-rule-tester.ts'
import rule from './type-change-unsafe-cast.ts'

const s = accounts
const toInt = edits.setColumnType(s, T(s, 'orders'), C(s, 'orders', 'note'), { kind: 'builtin', name: 'integer', arrayDims: 0 })
diffRuleTester.run(rule, {
  valid: [
    { name: 'a widening', before: s, after: edits.setColumnType(s, T(s, 'orders'), C(s, 'orders', 'id'), { kind: 'builtin', name: 'numeric', arrayDims: 0 }) },
    { name: 'integer to bigint', before: edits.setColumnType(s, T(s, 'orders'), C(s, 'orders', 'id'), { kind: 'builtin', name: 'integer', arrayDims: 0 }), after: s },
  ],
  invalid: [
    { name: 'text to integer with no USING', before: s, after: toInt, errors: [{ messageId: 'noCast', severity: 'error', target: { table: 'orders', column: 'note' }, message: 'note::integer' }] },
    {
      name: 'text to integer with the USING given: the cast can still reject rows',
      before: s,
      after: toInt,
      plan: { inputs: { [`columnRetyped:${C(s, 'orders', 'note')}`]: "nullif(note, '')::integer" } },
      errors: [{ messageId: 'risky', severity: 'warning' }],
    },
    { name: 'a shorter varchar', before: s, after: edits.setColumnType(s, T(s, 'users'), C(s, 'users', 'email'), { kind: 'builtin', name: 'varchar', length: 50, arrayDims: 0 }), errors: [{ messageId: 'risky', severity: 'warning', message: 'longer than 50' }] },
    { name: 'numeric to integer', before: s, after: edits.setColumnType(s, T(s, 'orders'), C(s, 'orders', 'total'), { kind: 'builtin', name: 'integer', arrayDims: 0 }), errors: [{ messageId: 'risky', message: 'rounded' }] },
  ],
})
