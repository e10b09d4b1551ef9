import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './prefer-jsonb.ts'

ruleTester.run(rule, {
  valid: [schema({ events: table({ id: col('bigint').primaryKey(), payload: col('jsonb') }) })],
  invalid: [
    { schema: schema({ events: table({ id: col('bigint').primaryKey(), payload: col('json').default('{}') }) }), errors: [{ messageId: 'json', target: { table: 'events', column: 'payload' }, fixes: 1 }] },
    { name: 'an array of json', schema: schema({ events: table({ id: col('bigint').primaryKey(), parts: col('json[]') }) }), errors: [{ messageId: 'json', fixes: 1 }] },
  ],
})
