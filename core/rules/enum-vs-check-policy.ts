import { defineRule, docsPath } from './define-rule.ts'
import { valueListOf } from './utils/sql.ts'

/**
 * How a fixed set of values is modelled: a PostgreSQL ENUM (S2), `CHECK (col IN (...))` (S0), or a
 * lookup table with a foreign key. S1 allows either and S3 splits by how often the set changes,
 * so the seeds tie; the default follows S0 and the linters (schemalint's
 * prefer-text-with-check-to-enum): removing an enum value needs a type swap and a rewrite, while a
 * CHECK is replaced in place.
 */
export default defineRule({
  meta: {
    id: 'enum-vs-check-policy',
    category: 'types',
    scope: 'model',
    severity: 'info',
    granularity: 'table',
    description: 'Fixed value sets are modelled one way: enum, check or lookup-table (option).',
    messages: {
      useCheck: '"{{table}}.{{column}}" uses the enum "{{enum}}"; this design lists allowed values in a CHECK (col IN (...)), which can change without a type swap.',
      useEnum: 'Check "{{name}}" on "{{table}}" lists the values of "{{column}}"; this design uses an enum type for fixed value sets.',
      useLookup: '"{{table}}.{{column}}" has a fixed value list; this design keeps such lists in a lookup table referenced by a foreign key.',
    },
    options: {
      prefer: { type: 'string', enum: ['check', 'enum', 'lookup-table'], default: 'check', description: 'How fixed value sets are modelled.' },
    },
    docs: docsPath('enum-vs-check-policy'),
  },
  checkTable(table, ctx) {
    const prefer = ctx.options.prefer
    if (prefer !== 'enum') {
      for (const column of table.columns) {
        if (column.type.kind !== 'enum') continue
        const e = ctx.index.enums.get(column.type.enumId)
        if (!e) continue
        const data = { table: table.name, column: column.name, enum: e.name }
        ctx.report({ messageId: prefer === 'check' ? 'useCheck' : 'useLookup', target: { table, column }, data })
      }
    }
    if (prefer === 'check') return
    for (const check of table.checks) {
      const list = valueListOf(check.expression)
      const column = list && table.columns.find((c) => c.name === list.column)
      if (!column) continue
      const data = { table: table.name, column: column.name, name: check.name }
      ctx.report(prefer === 'enum' ? { messageId: 'useEnum', target: { table, constraint: check }, data } : { messageId: 'useLookup', target: { table, column }, data })
    }
  },
})
