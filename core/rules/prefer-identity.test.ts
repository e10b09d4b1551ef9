import { col, schema, sql, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './prefer-identity.ts'

ruleTester.run(rule, {
  valid: [schema({ products: table({ id: col('integer').identity('by-default').primaryKey() }) }), schema({ products: table({ id: col('uuid').primaryKey().default(sql`gen_random_uuid()`) }) })],
  invalid: [
    { schema: schema({ products: table({ id: col('serial').primaryKey() }) }), errors: [{ messageId: 'serial', target: { table: 'products', column: 'id' }, message: 'integer GENERATED', fixes: 1 }] },
    { name: 'bigserial', schema: schema({ products: table({ id: col('bigserial').primaryKey() }) }), errors: [{ messageId: 'serial', message: 'bigint GENERATED' }] },
    { name: "pg_dump's nextval default", schema: schema({ products: table({ id: col('integer').notNull().default(sql`nextval('products_id_seq'::regclass)`) }, { primaryKey: ['id'] }) }), errors: [{ messageId: 'nextval', fixes: 1 }] },
  ],
})
