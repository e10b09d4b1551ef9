import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './check-non-immutable.ts'

const users = (expression: string) =>
  schema({ users: table({ id: col('bigint').primaryKey(), date_of_birth: col('date'), created_at: col('timestamptz'), signed_up_on: col('date') }, { checks: [{ name: 'ck', expression }] }) })

ruleTester.run(rule, {
  valid: [users("date_of_birth <= signed_up_on - INTERVAL '13 years'"), users('created_at IS NOT NULL')],
  invalid: [
    { name: "S2's chk_age_restriction", schema: users("date_of_birth IS NULL OR date_of_birth <= CURRENT_DATE - INTERVAL '13 years'"), errors: [{ messageId: 'volatile', message: 'CURRENT_DATE' }] },
    { name: "S3's created_at <= NOW()", schema: users('created_at <= NOW()'), errors: [{ messageId: 'volatile', message: 'now()' }] },
    { name: 'random()', schema: users('random() < 2'), errors: [{ messageId: 'volatile' }] },
  ],
})
