import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './require-primary-key.ts'

ruleTester.run(rule, {
  valid: [
    schema({ users: table({ id: col('uuid').primaryKey() }) }),
    { name: 'an ignored table', options: { ignore: ['audit_*'] }, schema: schema({ audit_log: table({ msg: col('text') }) }) },
    { name: 'a partitioned table is partition-key-in-unique\'s', schema: schema({ events: table({ at: col('date') }, { partitionBy: { strategy: 'range', key: 'at' } }) }) },
  ],
  invalid: [
    { name: 'no key, no id', schema: schema({ logs: table({ msg: col('text') }) }), errors: [{ messageId: 'missing', target: { table: 'logs' }, fixes: 0 }] },
    { name: 'an id column that is not the key', schema: schema({ logs: table({ id: col('bigint'), msg: col('text') }) }), errors: [{ messageId: 'missing', target: { table: 'logs' }, fixes: 1 }] },
  ],
})
