import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './check-invalid.ts'

const payments = (expression: string, columns: Record<string, ReturnType<typeof col>> = {}) =>
  schema({ payments: table({ id: col('bigint').primaryKey(), amount: col('bigint').notNull(), ...columns }, { checks: [{ name: 'ck_payments_amount', expression }] }) })

ruleTester.run(rule, {
  valid: [
    payments('amount > 0'),
    { name: 'functions, casts, literals and keywords', schema: payments("amount BETWEEN 1 AND 99999999 AND (note IS NULL OR char_length(note::text) > 0) AND note ~* '^[a-z]+$'::text", { note: col('varchar(20)') }) },
    { name: 'a quoted mixed-case column', schema: payments('"shippingCost" >= 0', { shippingCost: col('bigint') }) },
    { name: 'pg_dump style ANY(ARRAY[...])', schema: payments("(state)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])", { state: col('varchar(10)') }) },
    { name: 'EXTRACT fields and typed literals', schema: payments("extract(year FROM at) > 2000 AND at > date '2020-01-01' AND at < now() + interval '1 day'", { at: col('timestamptz') }) },
    { name: 'the own table as qualifier', schema: payments('payments.amount > 0') },
  ],
  invalid: [
    { name: "S3's amount <= order.total + 100", schema: payments('amount <= orders.total + 100'), errors: [{ messageId: 'otherTable', target: { table: 'payments', constraint: 'ck_payments_amount' } }] },
    { name: 'a subquery', schema: payments('amount < (SELECT max(total) FROM orders)'), errors: [{ messageId: 'subquery' }] },
    { name: 'an unknown column', schema: payments('total > 0'), errors: [{ messageId: 'unknownColumn', message: '"total"' }] },
    { name: "S3's @@check with Prisma field names", schema: payments('total = subtotal + shippingCost', { total: col('bigint'), subtotal: col('bigint'), shippingCost: col('bigint') }), errors: [{ messageId: 'caseFolded', message: 'shippingcost' }] },
    { name: 'not valid SQL', schema: payments('amount > (0'), errors: [{ messageId: 'syntax' }] },
  ],
})
