import { col, schema, sql, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './soft-delete-consistency.ts'

const posts = (columns: Record<string, ReturnType<typeof col>>) => schema({ posts: table({ id: col('bigint').primaryKey(), ...columns }) })

ruleTester.run(rule, {
  valid: [
    posts({ deleted_at: col('timestamptz') }),
    { name: 'no soft delete, not required', schema: posts({ title: col('text') }) },
    { name: 'required and present', options: { requireOn: ['*'] }, schema: posts({ deleted_at: col('timestamptz') }) },
    { name: 'is_active alone', schema: posts({ is_active: col('boolean') }) },
  ],
  invalid: [
    { name: 'timestamp, NOT NULL, with a default', schema: posts({ deleted_at: col('timestamp').notNull().default(sql`now()`) }), errors: [{ messageId: 'shape', target: { table: 'posts', column: 'deleted_at' }, message: 'is not a TIMESTAMPTZ and is NOT NULL and has a default', fixes: 1 }] },
    { name: 'mixed with is_active', schema: posts({ is_active: col('boolean').notNull(), deleted_at: col('timestamptz') }), errors: [{ messageId: 'mixed', target: { column: 'is_active' } }] },
    { name: 'required everywhere (S3)', options: { requireOn: ['*'] }, schema: posts({ title: col('text') }), errors: [{ messageId: 'missing', target: { table: 'posts' }, fixes: 1 }] },
    { name: 'required by pattern', options: { requireOn: ['public.post*'] }, schema: posts({}), errors: [{ messageId: 'missing' }] },
  ],
})
