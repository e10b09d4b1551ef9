import { defineRule, docsPath } from './define-rule.ts'
import { findColumnLike } from './utils/timestamps.ts'

/**
 * Rows of many tenants in one table are kept apart by every query's WHERE, unless row-level
 * security enforces it (S2 §Row-Level Security). The model does not hold policies yet, so a table
 * declares its policy by a comment marker ("RLS"), or `tables` lists those that have one.
 */
export default defineRule({
  meta: {
    id: 'tenant-rls',
    category: 'security',
    scope: 'model',
    severity: 'info',
    granularity: 'table',
    description: 'The table has a tenant_id column but no row-level security policy.',
    messages: { noPolicy: 'Table "{{table}}" holds rows of many tenants ("{{column}}") but the design declares no row-level security for it; enable RLS with a tenant policy and note "RLS" in the table comment.' },
    options: {
      column: { type: 'string', default: 'tenant_id', description: 'The tenant column.' },
      markers: { type: 'string[]', default: ['rls', 'row level security', 'row-level security'], description: 'Table comment text (case-insensitive) that declares a policy.' },
      tables: { type: 'string[]', default: [], description: 'Tables that have a policy outside the design.' },
    },
    docs: docsPath('tenant-rls'),
  },
  checkTable(table, ctx) {
    const column = findColumnLike(table, ctx.options.column)
    if (!column || ctx.options.tables.includes(table.name)) return
    // The tenants table itself, keyed by the tenant id, is not shared between tenants.
    if (table.primaryKey?.columns.length === 1 && table.primaryKey.columns[0] === column.id) return
    const comment = (table.comment ?? '').toLowerCase()
    if (ctx.options.markers.some((m) => comment.includes(m.toLowerCase()))) return
    ctx.report({ messageId: 'noPolicy', target: { table, column }, data: { table: table.name, column: column.name } })
  },
})
