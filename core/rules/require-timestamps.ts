import { addColumn, updateColumn } from '../model/edits.ts'
import { defineRule, docsPath } from './define-rule.ts'
import { matchesAny } from './utils/naming.ts'
import { defaultsToNow, findColumnLike, isTimestampType, nowDefault, timestamptz } from './utils/timestamps.ts'

/**
 * Every table records when rows were created and last changed (S0 §Timestamp Standards, S3
 * §3.1.3, S4). `timestamp` instead of `timestamptz` is left to prefer-timestamptz.
 */
export default defineRule({
  meta: {
    id: 'require-timestamps',
    category: 'integrity',
    scope: 'model',
    severity: 'warning',
    granularity: 'table',
    description: 'Every table has created_at/updated_at as TIMESTAMPTZ NOT NULL DEFAULT now().',
    messages: {
      missing: 'Table "{{table}}" has no {{columns}}; add {{them}} as TIMESTAMPTZ NOT NULL DEFAULT now().',
      shape: '"{{table}}.{{column}}" should be a NOT NULL timestamp with DEFAULT now(), but it {{problem}}; fix the column.',
    },
    options: {
      columns: { type: 'string[]', default: ['created_at', 'updated_at'], description: 'The audit columns every table needs.' },
      ignore: { type: 'string[]', default: [], description: 'Tables (names or globs) that need no audit columns, e.g. lookup tables.' },
    },
    docs: docsPath('require-timestamps'),
  },
  checkTable(table, ctx) {
    const ns = ctx.index.namespaces.get(table.namespaceId)?.name ?? ''
    if (matchesAny(ctx.options.ignore, table.name, `${ns}.${table.name}`)) return
    const missing: string[] = []
    for (const name of ctx.options.columns) {
      const column = findColumnLike(table, name)
      if (!column) {
        missing.push(name)
        continue
      }
      const problems: string[] = []
      if (!isTimestampType(column.type)) problems.push('is not a timestamp')
      if (column.nullable) problems.push('is nullable')
      if (!defaultsToNow(column) && !column.generated) problems.push('has no DEFAULT now()')
      if (problems.length === 0) continue
      ctx.report({
        messageId: 'shape',
        target: { table, column },
        data: { table: table.name, column: column.name, problem: problems.join(' and ') },
        fixes: () => [
          {
            title: `Make "${column.name}" ${isTimestampType(column.type) ? '' : 'TIMESTAMPTZ '}NOT NULL DEFAULT now()`,
            apply: (s) => updateColumn(s, table.id, column.id, { ...(isTimestampType(column.type) ? {} : { type: timestamptz }), nullable: false, default: nowDefault }),
          },
        ],
      })
    }
    if (missing.length === 0) return
    const list = missing.map((m) => `"${m}"`).join(' and ')
    ctx.report({
      messageId: 'missing',
      target: { table },
      data: { table: table.name, columns: list, them: missing.length > 1 ? 'them' : 'it' },
      fixes: () => [
        {
          title: `Add ${list}`,
          apply: (s) => missing.reduce((acc, name) => addColumn(acc, table.id, { name, type: timestamptz, nullable: false, default: nowDefault }), s),
        },
      ],
    })
  },
})
