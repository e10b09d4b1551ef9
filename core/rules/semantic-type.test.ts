import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './semantic-type.ts'

ruleTester.run(rule, {
  valid: [
    schema({ logins: table({ id: col('bigint').primaryKey(), ip_address: col('inet'), request_uuid: col('uuid') }) }),
    { name: 'e-mail with a CHECK (S0)', schema: schema({ users: table({ id: col('bigint').primaryKey(), email: col('varchar(255)') }, { checks: [{ name: 'ck', expression: "email ~* '@'" }] }) }) },
    { name: 'e-mail as citext', schema: schema({ users: table({ id: col('bigint').primaryKey(), email: col('citext') }) }) },
  ],
  invalid: [
    { name: "S3's VARCHAR(45) address", schema: schema({ logins: table({ id: col('bigint').primaryKey(), ip_address: col('varchar(45)') }) }), errors: [{ messageId: 'ip', target: { table: 'logins', column: 'ip_address' }, fixes: 1 }] },
    { name: "S4's unchecked email", schema: schema({ users: table({ id: col('uuid').primaryKey(), email: col('varchar(255)').notNull() }) }), errors: [{ messageId: 'email' }] },
    { name: 'a UUID kept as text', schema: schema({ events: table({ id: col('bigint').primaryKey(), correlation_uuid: col('text') }) }), errors: [{ messageId: 'uuid', fixes: 1 }] },
    { name: 'no retype fix when a default would no longer fit', schema: schema({ logins: table({ id: col('bigint').primaryKey(), client_ip: col('text').default('unknown') }) }), errors: [{ messageId: 'ip', fixes: 0 }] },
  ],
})
