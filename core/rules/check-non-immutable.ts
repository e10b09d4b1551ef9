import { defineRule, docsPath } from './define-rule.ts'
import { analyzeExpression } from './utils/sql.ts'

/**
 * A CHECK is evaluated when a row is written, never again: `date_of_birth <= CURRENT_DATE -
 * INTERVAL '13 years'` (S2 `chk_age_restriction`) or `created_at <= NOW()` (S3) say nothing about
 * the rows later, and a restore re-checks old rows against a new clock and can fail.
 */
const clockCalls = new Set([
  'now', 'clock_timestamp', 'statement_timestamp', 'transaction_timestamp', 'timeofday', 'random', 'gen_random_uuid',
  'uuid_generate_v1', 'uuid_generate_v4', 'uuidv7', 'txid_current', 'current_setting', 'age', 'pg_backend_pid', 'inet_client_addr',
])

export default defineRule({
  meta: {
    id: 'check-non-immutable',
    category: 'integrity',
    scope: 'model',
    severity: 'warning',
    granularity: 'table',
    description: 'A CHECK depends on the clock or the session (now(), CURRENT_DATE, random()).',
    messages: {
      volatile: 'Check "{{name}}" on "{{table}}" uses {{what}}, so it holds only at write time and a restore can fail; compare with a column or enforce it in a trigger or the application.',
    },
    docs: docsPath('check-non-immutable'),
  },
  checkTable(table, ctx) {
    for (const check of table.checks) {
      const facts = analyzeExpression(check.expression)
      const what = facts.valueFunctions[0]?.toUpperCase() ?? facts.calls.find((c) => clockCalls.has(c))
      if (what) ctx.report({ messageId: 'volatile', target: { table, constraint: check }, data: { name: check.name, table: table.name, what: /^[a-z_]+$/.test(what) ? `${what}()` : what } })
    }
  },
})
