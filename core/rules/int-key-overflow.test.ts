import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './int-key-overflow.ts'

ruleTester.run(rule, {
  valid: [
    schema({ page_views: table({ id: col('bigint').identity().primaryKey() }) }),
    { name: 'an ignored lookup table', options: { ignore: ['countries'] }, schema: schema({ countries: table({ id: col('smallint').primaryKey() }) }) },
    { name: 'a uuid key', schema: schema({ t: table({ id: col('uuid').primaryKey() }) }) },
  ],
  invalid: [
    { schema: schema({ page_views: table({ id: col('integer').identity().primaryKey() }) }), errors: [{ messageId: 'int4', target: { table: 'page_views', column: 'id' }, fixes: 1 }] },
    {
      name: 'a serial key referenced by another table (the fix widens both)',
      schema: schema({ tags: table({ id: col('serial').primaryKey() }), post_tags: table({ id: col('bigint').primaryKey(), tag_id: col('integer').references('tags.id') }) }),
      errors: [{ messageId: 'int4', target: { table: 'tags' }, fixes: 1 }],
    },
  ],
})
