import { accounts, C, edits, T, withNewTable } from '../testing/migration-fixtures.ts'
import { diffRuleTester } from '../testing/diff-rule-tester.ts'
import rule from './type-change-rewrite.ts'

const s = accounts
const retype = (t: string, c: string, type: Parameters<typeof edits.setColumnType>[3]) => edits.setColumnType(s, T(s, t), C(s, t, c), type)
const stamp = edits.addColumn(s, T(s, 'orders'), { id: 'co_at' as never, name: 'at', type: { kind: 'builtin', name: 'timestamp', arrayDims: 0 }, nullable: true })
diffRuleTester.run(rule, {
  valid: [
    { name: 'varchar made longer', before: s, after: retype('users', 'email', { kind: 'builtin', name: 'varchar', length: 320, arrayDims: 0 }) },
    { name: 'varchar to text', before: s, after: retype('users', 'email', { kind: 'builtin', name: 'text', arrayDims: 0 }) },
    { name: 'numeric precision up, same scale', before: s, after: retype('orders', 'total', { kind: 'builtin', name: 'numeric', precision: 14, scale: 2, arrayDims: 0 }) },
    { name: 'a new table', before: s, after: withNewTable(s) },
    {
      name: 'timestamp to timestamptz with assumeUtc',
      before: stamp,
      after: edits.setColumnType(stamp, T(s, 'orders'), 'co_at' as never, { kind: 'builtin', name: 'timestamptz', arrayDims: 0 }),
      options: { assumeUtc: true },
    },
  ],
  invalid: [
    { name: 'bigint to integer', before: s, after: retype('orders', 'id', { kind: 'builtin', name: 'integer', arrayDims: 0 }), errors: [{ messageId: 'rewrite', target: { table: 'orders', column: 'id' } }] },
    { name: 'text to jsonb', before: s, after: retype('orders', 'note', { kind: 'builtin', name: 'jsonb', arrayDims: 0 }), errors: [{ messageId: 'rewrite' }] },
    {
      name: 'timestamp to timestamptz',
      before: stamp,
      after: edits.setColumnType(stamp, T(s, 'orders'), 'co_at' as never, { kind: 'builtin', name: 'timestamptz', arrayDims: 0 }),
      errors: [{ messageId: 'rewrite', message: 'from timestamp to timestamptz' }],
    },
  ],
})
