import type { ColumnType } from '../model/schema.ts'
import { formatColumnType } from '../model/types.ts'
import { defineRule, docsPath } from './define-rule.ts'
import { retypeFix } from './utils/fixes.ts'
import { checkMentions, isStringType } from './utils/model.ts'
import { words } from './utils/naming.ts'

const inet: ColumnType = { kind: 'builtin', name: 'inet', arrayDims: 0 }
const uuid: ColumnType = { kind: 'builtin', name: 'uuid', arrayDims: 0 }

/**
 * PostgreSQL has types that validate and compare what text cannot: `inet` for addresses (S0, S4;
 * S3 uses VARCHAR(45)), `uuid` for UUIDs, and for e-mail either `citext` (case-insensitive
 * uniqueness) or a CHECK on the format. Primary keys are pk-type-policy's business.
 */
export default defineRule({
  meta: {
    id: 'semantic-type',
    category: 'types',
    scope: 'model',
    severity: 'info',
    granularity: 'table',
    description: 'IP -> inet; email -> citext or CHECK; UUID-looking text -> uuid.',
    messages: {
      ip: '"{{table}}.{{column}}" holds IP addresses as {{type}}; use inet, which validates them and supports subnet queries.',
      email: '"{{table}}.{{column}}" holds e-mail addresses as {{type}} with no check; use citext (case-insensitive) or add a CHECK on the format.',
      uuid: '"{{table}}.{{column}}" holds UUIDs as {{type}}; use uuid (16 bytes, validated).',
    },
    docs: docsPath('semantic-type'),
  },
  checkTable(table, ctx) {
    const pk = table.primaryKey?.columns ?? []
    for (const column of table.columns) {
      const t = column.type
      if (!isStringType(t) || pk.includes(column.id)) continue
      const w = words(column.name)
      const last = w[w.length - 1] ?? ''
      const data = { table: table.name, column: column.name, type: formatColumnType(t) }
      if (last === 'ip' || (w.includes('ip') && (last === 'address' || last === 'addr')) || column.name === 'remote_addr') {
        ctx.report({ messageId: 'ip', target: { table, column }, data, fixes: () => retypeFix(ctx.index, table, column, `Change "${column.name}" to inet`, () => inet) })
      } else if ((last === 'email' || (last === 'address' && w.includes('email'))) && !(t.kind === 'custom' && t.name === 'citext') && !checkMentions(table, column)) {
        ctx.report({ messageId: 'email', target: { table, column }, data })
      } else if (last === 'uuid' || last === 'guid' || (last === 'id' && t.kind === 'builtin' && t.length === 36)) {
        ctx.report({ messageId: 'uuid', target: { table, column }, data, fixes: () => retypeFix(ctx.index, table, column, `Change "${column.name}" to uuid`, () => uuid) })
      }
    }
  },
})
