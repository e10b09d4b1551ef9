import { accounts, edits, T, withNewTable } from '../testing/migration-fixtures.ts'
import { diffRuleTester } from '../testing/diff-rule-tester.ts'
import rule from './volatile-default.ts'

const s = accounts
const uuid = { kind: 'builtin', name: 'uuid', arrayDims: 0 } as const
const ts = { kind: 'builtin', name: 'timestamptz', arrayDims: 0 } as const
const token = edits.addColumn(s, T(s, 'orders'), { id: 'co_tok' as never, name: 'token', type: uuid, nullable: true, default: { kind: 'expression', sql: 'gen_random_uuid()' } })
diffRuleTester.run(rule, {
  valid: [
    { name: 'the safe plan (set the default, backfill in batches)', before: s, after: token },
    { name: 'a stable default: now() is computed once', before: s, after: edits.addColumn(s, T(s, 'orders'), { id: 'co_at' as never, name: 'at', type: ts, nullable: false, default: { kind: 'expression', sql: 'now()' } }), plan: { mode: 'simple' } },
    { name: 'a new table', before: s, after: withNewTable(s), plan: { mode: 'simple' } },
  ],
  invalid: [
    { name: 'gen_random_uuid() in simple mode', before: s, after: token, plan: { mode: 'simple' }, errors: [{ messageId: 'volatile', target: { table: 'orders', column: 'token' } }] },
    {
      name: 'an identity column added',
      before: s,
      after: edits.addColumn(s, T(s, 'orders'), { id: 'co_seq' as never, name: 'seq', type: { kind: 'builtin', name: 'bigint', arrayDims: 0 }, nullable: false, identity: 'always' }),
      errors: [{ messageId: 'computed', message: 'identity' }],
    },
  ],
})
