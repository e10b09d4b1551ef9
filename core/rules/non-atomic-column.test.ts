import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './non-atomic-column.ts'

const users = (columns: Record<string, ReturnType<typeof col>>) => schema({ users: table({ id: col('bigint').primaryKey(), ...columns }) })

ruleTester.run(rule, {
  valid: [
    users({ phone_number: col('varchar(20)'), tags: col('text[]'), notes: col('text') }),
    { name: "S3's line1/line2 are two, not a repeating group", schema: users({ line1: col('text'), line2: col('text') }) },
  ],
  invalid: [
    { name: "S0's users_bad.phone_numbers", schema: users({ phone_numbers: col('varchar(255)') }), errors: [{ messageId: 'list', target: { table: 'users', column: 'phone_numbers' } }] },
    { name: 'ids in text', schema: users({ tag_ids: col('text') }), errors: [{ messageId: 'list' }] },
    { name: 'phone1, phone2, phone3', schema: users({ phone1: col('text'), phone2: col('text'), phone3: col('text') }), errors: [{ messageId: 'repeated', target: { column: 'phone1' }, message: '"phone1", "phone2", "phone3"' }] },
  ],
})
