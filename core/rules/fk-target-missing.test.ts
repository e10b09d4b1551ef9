import { removeColumn } from '../model/edits.ts'
import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './fk-target-missing.ts'

const good = schema({ customers: table({ id: col('bigint').primaryKey(), code: col('text').unique() }), orders: table({ id: col('bigint').primaryKey(), customer_id: col('bigint').references('customers.id') }) })
const customers = good.tables[0]!
// Dropping a table removes the keys to it (DROP ... CASCADE); a dangling id is what is left by a broken file.
const dangling = { ...good, tables: good.tables.slice(1) }
const noColumn = { ...good, tables: [{ ...customers, columns: customers.columns.slice(1), primaryKey: undefined, uniques: [] }, good.tables[1]!] }

ruleTester.run(rule, {
  valid: [good, removeColumn(good, customers.id, customers.columns[1]!.id)],
  invalid: [
    { name: 'the table is gone', schema: dangling, errors: [{ messageId: 'missing', target: { table: 'orders' }, message: 'table that does not exist' }] },
    { name: 'the column is gone', schema: noColumn, errors: [{ messageId: 'missing', target: { table: 'orders' }, message: 'column of "customers"' }] },
  ],
})
