import { col, schema, sql, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './pk-type-policy.ts'

const one = (id: ReturnType<typeof col>) => schema({ users: table({ id }) })

ruleTester.run(rule, {
  valid: [
    one(col('uuid').primaryKey().default(sql`gen_random_uuid()`)),
    one(col('bigint').identity().primaryKey()),
    { name: 'a natural key', schema: schema({ countries: table({ iso_code: col('char(2)').primaryKey() }) }) },
    { name: 'cuid allowed', options: { allow: ['cuid'] }, schema: one(col('text').primaryKey()) },
    { name: 'no default required', options: { requireDbDefault: false }, schema: one(col('uuid').primaryKey()) },
  ],
  invalid: [
    { name: 'a UUID kept as varchar(36)', schema: one(col('varchar(36)').primaryKey()), errors: [{ messageId: 'uuidAsText', target: { table: 'users', column: 'id' }, fixes: 1 }] },
    { name: "S3's cuid with no database default", schema: one(col('text').primaryKey()), errors: [{ messageId: 'notAllowed', message: 'cuid' }] },
    { name: "S0's posts.id UUID PRIMARY KEY without a default", schema: one(col('uuid').primaryKey()), errors: [{ messageId: 'noDefault', message: 'gen_random_uuid()', fixes: 1 }] },
    { name: 'an integer key without identity', schema: one(col('integer').primaryKey()), errors: [{ messageId: 'noDefault', message: 'IDENTITY', fixes: 1 }] },
    { name: 'a ULID when only uuid is allowed', options: { allow: ['uuid'] }, schema: one(col('varchar(26)').primaryKey().default(sql`generate_ulid()`)), errors: [{ messageId: 'notAllowed', message: 'ulid' }] },
  ],
})
