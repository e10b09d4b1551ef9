import { col, schema, sql, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './default-invalid.ts'

const one = (c: ReturnType<typeof col>, enums?: Record<string, string[]>) => schema({ t: table({ id: col('bigint').primaryKey(), c }) }, enums ? { enums } : {})

ruleTester.run(rule, {
  valid: [
    one(col('integer').default(0)),
    one(col('boolean').default('yes')),
    one(col('uuid').default('A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11')),
    one(col('jsonb').default('{"a": 1}')),
    one(col('timestamptz').default('now')),
    one(col('numeric(10,2)').default('-1.5e3')),
    { name: 'an enum label', schema: one(col('status').default('open'), { status: ['open', 'closed'] }) },
    { name: 'an expression is left to the database', schema: one(col('integer').default(sql`nextval('s')`)) },
  ],
  invalid: [
    { name: 'text for an integer', schema: one(col('integer').default('none')), errors: [{ messageId: 'badValue', target: { table: 't', column: 'c' } }] },
    { name: 'out of range', schema: one(col('smallint').default(40000)), errors: [{ messageId: 'badValue' }] },
    { name: 'not a boolean', schema: one(col('boolean').default('maybe')), errors: [{ messageId: 'badValue' }] },
    { name: 'not JSON', schema: one(col('jsonb').default('{a}')), errors: [{ messageId: 'badValue' }] },
    { name: 'not an enum label', schema: one(col('status').default('deleted'), { status: ['open', 'closed'] }), errors: [{ messageId: 'notALabel', message: 'open, closed' }] },
    { name: 'a cast string that is not a label', schema: one(col('status').default(sql`'gone'::status`), { status: ['open'] }), errors: [{ messageId: 'notALabel' }] },
  ],
})

const base = schema({ t: table({ id: col('bigint').primaryKey() }) }, { enums: { status: ['open', 'closed'] } })
const e = base.enums[0]!
ruleTester.run(rule, {
  valid: [],
  invalid: [
    {
      name: 'an enum with a duplicate label',
      schema: { ...base, enums: [{ ...e, values: [...e.values, { id: 'ev_dup' as never, name: 'open' }] }] },
      errors: [{ messageId: 'duplicateLabel', message: 'twice' }],
    },
  ],
})
