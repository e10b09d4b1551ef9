import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './sensitive-plaintext.ts'

const users = (columns: Record<string, ReturnType<typeof col>>) => schema({ users: table({ id: col('bigint').primaryKey(), ...columns }) })

ruleTester.run(rule, {
  valid: [
    users({ password_hash: col('varchar(255)'), encrypted_card_number: col('text'), card_last_four: col('varchar(4)'), token_type: col('text'), password_changed_at: col('timestamptz') }),
    { name: 'a comment says it is hashed', schema: users({ api_key: col('text').comment('SHA-256 digest of the key') }) },
    { name: 'Prisma passwordHash', schema: users({ passwordHash: col('text') }) },
  ],
  invalid: [
    { name: "S1's sessions.token", schema: schema({ sessions: table({ id: col('uuid').primaryKey(), token: col('varchar(255)').notNull() }) }), errors: [{ messageId: 'plaintext', target: { table: 'sessions', column: 'token' } }] },
    { name: 'password, ssn, card_number', schema: users({ password: col('text'), ssn: col('char(11)'), card_number: col('varchar(19)') }), errors: [{ messageId: 'plaintext', target: { column: 'password' } }, { messageId: 'plaintext', target: { column: 'ssn' } }, { messageId: 'plaintext', target: { column: 'card_number' } }] },
  ],
})
