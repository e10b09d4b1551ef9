import { defineRule, docsPath } from './define-rule.ts'
import { retypeFix } from './utils/fixes.ts'

/**
 * `timestamp` (without time zone) stores wall-clock time with no zone: the same instant reads
 * differently per session, and DST makes some values ambiguous. S0 says TIMESTAMPTZ "ALWAYS";
 * S1's text says so while its DDL uses TIMESTAMP. A design that keeps every value in UTC (S3,
 * Prisma's DateTime) can set `assumeUtc`, which lowers the finding to info.
 */
export default defineRule({
  meta: {
    id: 'prefer-timestamptz',
    category: 'types',
    scope: 'model',
    severity: 'warning',
    granularity: 'table',
    description: 'Flags `timestamp` without time zone.',
    messages: { timestamp: '"{{table}}.{{column}}" is a timestamp without time zone; use timestamptz so every session reads the same instant.' },
    options: {
      assumeUtc: { type: 'boolean', default: false, description: 'Every timestamp is written in UTC by convention: report as info.' },
    },
    docs: docsPath('prefer-timestamptz'),
  },
  checkTable(table, ctx) {
    for (const column of table.columns) {
      const t = column.type
      if (t.kind !== 'builtin' || t.name !== 'timestamp') continue
      ctx.report({
        messageId: 'timestamp',
        severity: ctx.options.assumeUtc ? 'info' : 'warning',
        target: { table, column },
        data: { table: table.name, column: column.name },
        fixes: () => retypeFix(ctx.index, table, column, `Change "${column.name}" to timestamptz`, (c) => (c.type.kind === 'builtin' && c.type.name === 'timestamp' ? { ...c.type, name: 'timestamptz' } : c.type)),
      })
    }
  },
})
