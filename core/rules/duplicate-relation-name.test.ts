import { addEnum, renameTable } from '../model/edits.ts'
import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './duplicate-relation-name.ts'

const two = schema({ orders: table({ id: col('bigint').primaryKey() }), invoices: table({ id: col('bigint').primaryKey() }) })
const sameName = renameTable(two, two.tables[1]!.id, 'orders')
const typeAndTable = addEnum(schema({ orders: table({ id: col('bigint').primaryKey() }) }), { name: 'orders', values: [{ name: 'open' }] as never })
const indexLikeTable = schema({ users: table({ id: col('bigint').primaryKey(), email: col('text') }, { indexes: [{ name: 'users', keys: ['email'] }] }) })

ruleTester.run(rule, {
  valid: [two, { name: 'the same table name in two schemas', schema: schema({ orders: table({ id: col('bigint').primaryKey() }), 'billing.orders': table({ id: col('bigint').primaryKey() }) }) }],
  invalid: [
    { name: 'two tables', schema: sameName, errors: [{ messageId: 'clash', target: { table: 'orders' } }] },
    { name: 'an enum named like a table', schema: typeAndTable, errors: [{ messageId: 'clash', target: { table: 'orders' }, message: 'row type' }] },
    { name: 'an index named like its table', schema: indexLikeTable, errors: [{ messageId: 'clash', target: { table: 'users', index: 'users' } }] },
  ],
})
