import { addColumn, updateColumn } from '../model/edits.ts'
import { defineRule, docsPath } from './define-rule.ts'
import { matchesAny, nameKey } from './utils/naming.ts'
import { findColumnLike, timestamptz } from './utils/timestamps.ts'

/**
 * Soft delete means a nullable `deleted_at TIMESTAMPTZ` (NULL = live). Which tables need it is a
 * project decision the seeds disagree on (S3: every table; S0: where appropriate; S2: important
 * data), so `requireOn` lists them (`["*"]` for all). A table with both `is_active` and
 * `deleted_at` has two truths about being deleted.
 */
export default defineRule({
  meta: {
    id: 'soft-delete-consistency',
    category: 'integrity',
    scope: 'model',
    severity: 'info',
    granularity: 'table',
    description: 'deleted_at is a nullable TIMESTAMPTZ, is present where required, and is not mixed with is_active.',
    messages: {
      shape: '"{{table}}.{{column}}" marks soft deletes but {{problem}}; make it a nullable TIMESTAMPTZ.',
      mixed: 'Table "{{table}}" has both "{{flag}}" and "{{column}}"; keep one way of marking deleted rows.',
      missing: 'Table "{{table}}" needs soft delete under this project\'s policy but has no "{{column}}"; add it as a nullable TIMESTAMPTZ.',
    },
    options: {
      column: { type: 'string', default: 'deleted_at', description: 'The soft-delete column.' },
      requireOn: { type: 'string[]', default: [], description: 'Tables (names or globs; `*` for all) that must have the soft-delete column.' },
      flags: { type: 'string[]', default: ['is_active', 'active', 'is_deleted', 'deleted'], description: 'Boolean columns that must not coexist with the soft-delete column.' },
    },
    docs: docsPath('soft-delete-consistency'),
  },
  checkTable(table, ctx) {
    const name = ctx.options.column
    const column = findColumnLike(table, name)
    if (!column) {
      const ns = ctx.index.namespaces.get(table.namespaceId)?.name ?? ''
      if (matchesAny(ctx.options.requireOn, table.name, `${ns}.${table.name}`))
        ctx.report({
          messageId: 'missing',
          target: { table },
          data: { table: table.name, column: name },
          fixes: [{ title: `Add "${name}" TIMESTAMPTZ`, apply: (s) => addColumn(s, table.id, { name, type: timestamptz, nullable: true }) }],
        })
      return
    }
    const problems: string[] = []
    const t = column.type
    if (!(t.kind === 'builtin' && t.name === 'timestamptz' && t.arrayDims === 0)) problems.push('is not a TIMESTAMPTZ')
    if (!column.nullable) problems.push('is NOT NULL')
    if (column.default) problems.push('has a default')
    if (problems.length > 0) {
      const pk = table.primaryKey?.columns.includes(column.id)
      ctx.report({
        messageId: 'shape',
        target: { table, column },
        data: { table: table.name, column: column.name, problem: problems.join(' and ') },
        ...(pk ? {} : { fixes: [{ title: `Make "${column.name}" a nullable TIMESTAMPTZ`, apply: (s) => updateColumn(s, table.id, column.id, { type: timestamptz, nullable: true, default: undefined }) }] }),
      })
    }
    const flagKeys = new Set(ctx.options.flags.map(nameKey))
    const flag = table.columns.find((c) => c !== column && flagKeys.has(nameKey(c.name)) && c.type.kind === 'builtin' && c.type.name === 'boolean')
    if (flag) ctx.report({ messageId: 'mixed', target: { table, column: flag }, data: { table: table.name, flag: flag.name, column: column.name } })
  },
})
