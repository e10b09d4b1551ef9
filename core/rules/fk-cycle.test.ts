import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './fk-cycle.ts'

const pair = (managerNullable: boolean, deferrable?: 'initially deferred') =>
  schema({
    departments: table({ id: col('bigint').primaryKey(), manager_id: managerNullable ? col('bigint') : col('bigint').notNull() }, { foreignKeys: [{ columns: ['manager_id'], references: 'employees', targetColumns: ['id'], ...(deferrable ? { deferrable } : {}) }] }),
    employees: table({ id: col('bigint').primaryKey(), department_id: col('bigint').notNull().references('departments.id') }),
  })

// A chain of 2,000 tables closed into one cycle: path enumeration would explode, SCC stays linear.
const chain = schema(
  Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`t${i}`, table({ id: col('bigint').primaryKey(), next_id: col('bigint').notNull().references(`t${(i + 1) % 2000}.id`) })])),
)

ruleTester.run(rule, {
  valid: [
    pair(true),
    { name: 'a deferrable key breaks the cycle', schema: pair(false, 'initially deferred') },
    { name: "S0's nullable self-reference employees.manager_id", schema: schema({ employees: table({ id: col('uuid').primaryKey(), manager_id: col('uuid').references('employees.id') }) }) },
  ],
  invalid: [
    { name: 'two tables', schema: pair(false), errors: [{ messageId: 'cycle', target: { table: 'departments' }, message: '"departments", "employees"', fixes: 1 }] },
    { name: 'a NOT NULL self-reference', schema: schema({ nodes: table({ id: col('bigint').primaryKey(), parent_id: col('bigint').notNull().references('nodes.id') }) }), errors: [{ messageId: 'selfCycle', target: { table: 'nodes' }, fixes: 1 }] },
    { name: 'a 2,000-table cycle', schema: chain, errors: [{ messageId: 'cycle', target: { table: 't0' }, message: 'and 1994 more', fixes: 1 }] },
  ],
})
