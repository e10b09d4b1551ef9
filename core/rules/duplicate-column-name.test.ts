import { renameColumn } from '../model/edits.ts'
import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './duplicate-column-name.ts'

const base = schema({ users: table({ id: col('bigint').primaryKey(), email: col('text'), backup_email: col('text') }) })
const users = base.tables[0]!
const duplicated = renameColumn(base, users.id, users.columns[2]!.id, 'email')

ruleTester.run(rule, {
  valid: [base, { name: 'names that differ only in case are distinct (quoted)', schema: schema({ t: table({ id: col('int').primaryKey(), Email: col('text'), email: col('text') }) }) }],
  invalid: [{ schema: duplicated, errors: [{ messageId: 'duplicate', target: { table: 'users', column: 'email' }, message: 'two columns named "email"' }] }],
})
