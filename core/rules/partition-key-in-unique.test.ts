import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './partition-key-in-unique.ts'

const byRange = { strategy: 'range' as const, key: 'created_at' }
const events = (extras: Parameters<typeof table>[1] = {}, id = col('uuid').notNull()) =>
  schema({ events: table({ id, event_type: col('varchar(50)'), created_at: col('timestamptz').notNull() }, { partitionBy: byRange, ...extras }) })

ruleTester.run(rule, {
  valid: [
    events({ primaryKey: ['id', 'created_at'] }),
    { name: 'a unique index with the key', schema: events({ primaryKey: ['id', 'created_at'], indexes: [{ unique: true, keys: ['event_type', 'created_at'] }] }) },
    { name: 'not partitioned', schema: schema({ events: table({ id: col('uuid').primaryKey() }) }) },
  ],
  invalid: [
    { name: "S0's and S2's partitioned events have no primary key", schema: events(), errors: [{ messageId: 'noPrimaryKey', target: { table: 'events' }, fixes: 1 }] },
    { name: 'a primary key without the partition key', schema: events({ primaryKey: ['id'] }), errors: [{ messageId: 'missingKey', target: { table: 'events' }, message: 'created_at', fixes: 1 }] },
    {
      name: 'a unique constraint and a unique index without it',
      schema: events({ primaryKey: ['id', 'created_at'], uniques: [{ columns: ['event_type'] }], indexes: [{ unique: true, keys: ['event_type'] }] }),
      errors: [
        { messageId: 'missingKey', target: { table: 'events' }, fixes: 1 },
        { messageId: 'missingKey', target: { table: 'events' }, fixes: 1 },
      ],
    },
    {
      name: 'an expression key can never be in a UNIQUE',
      schema: schema({ t: table({ id: col('bigint').notNull(), region: col('text') }, { primaryKey: ['id'], partitionBy: { strategy: 'list', key: 'lower(region)' } }) }),
      errors: [{ messageId: 'expressionKey', target: { table: 't' } }],
    },
  ],
})

ruleTester.run(rule, {
  valid: [
    {
      name: 'a key column named like a keyword (PostgREST fixtures partition by year)',
      schema: schema({ car_models: table({ name: col('text').notNull(), year: col('int').notNull() }, { primaryKey: ['name', 'year'], partitionBy: { strategy: 'list', key: 'year' } }) }),
    },
  ],
  invalid: [],
})
