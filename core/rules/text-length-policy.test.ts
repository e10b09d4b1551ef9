import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './text-length-policy.ts'

ruleTester.run(rule, {
  valid: [
    schema({ users: table({ id: col('bigint').primaryKey(), nickname: col('text') }, { checks: [{ name: 'ck', expression: 'char_length(nickname) <= 40' }] }) }),
    { name: 'bounded text under the varchar policy', options: { prefer: 'varchar' }, schema: schema({ users: table({ id: col('bigint').primaryKey(), nickname: col('varchar(40)') }) }) },
  ],
  invalid: [
    { schema: schema({ users: table({ id: col('bigint').primaryKey(), nickname: col('varchar(40)') }) }), errors: [{ messageId: 'useText', target: { table: 'users', column: 'nickname' }, message: 'char_length(nickname) <= 40', fixes: 1 }] },
    { name: 'char(n)', schema: schema({ countries: table({ code: col('char(2)').primaryKey() }) }), errors: [{ messageId: 'useText', fixes: 1 }] },
    { name: 'no fix on a foreign-key column', schema: schema({ a: table({ code: col('varchar(10)').primaryKey() }), b: table({ id: col('bigint').primaryKey(), a_code: col('varchar(10)').references('a.code') }) }), errors: [{ messageId: 'useText', fixes: 0 }, { messageId: 'useText', fixes: 0 }] },
    { name: 'unbounded text under the varchar policy', options: { prefer: 'varchar' }, schema: schema({ users: table({ id: col('bigint').primaryKey(), bio: col('text') }) }), errors: [{ messageId: 'unbounded' }] },
  ],
})
