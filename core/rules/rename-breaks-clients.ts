import { defineDiffRule, docsPath } from './define-rule.ts'
import { changeTarget, stepOf } from './utils/migration.ts'

/**
 * A rename takes effect at once, and every running client that uses the old name fails. Ids make
 * the rename exact; only the rollout can make it safe: expand (add the new name, keep both in
 * sync, or a view under the old name), switch the clients, contract later.
 */
export default defineDiffRule({
  meta: {
    id: 'rename-breaks-clients',
    category: 'migration',
    scope: 'diff',
    severity: 'warning',
    description: 'A table, column or enum label is renamed (or a table moved to another schema) under running clients.',
    messages: {
      table: 'Table "{{from}}" is renamed to "{{to}}": clients that use the old name fail until they are deployed with the new one.',
      moved: 'Table "{{table}}" moves from schema "{{from}}" to "{{to}}": clients that name the schema fail.',
      column: 'Column "{{table}}.{{from}}" is renamed to "{{to}}": running clients that use the old name fail; add the new column, keep both in sync, switch, then drop.',
      label: 'Enum label "{{from}}" of "{{enum}}" is renamed to "{{to}}": clients that write the old label fail.',
    },
    docs: docsPath('rename-breaks-clients'),
  },
  check(diff, ctx) {
    for (const c of diff.changes) {
      const stepId = stepOf(diff, c.id)?.id
      const at = { changeId: c.id, ...(stepId ? { stepId } : {}) }
      const target = changeTarget(diff, c)
      if (c.kind === 'tableRenamed') ctx.report({ messageId: 'table', target, data: { from: c.from, to: c.to }, ...at })
      else if (c.kind === 'tableMoved') ctx.report({ messageId: 'moved', target, data: { table: c.table, from: c.from, to: c.to }, ...at })
      else if (c.kind === 'columnRenamed') ctx.report({ messageId: 'column', target, data: { table: c.table, from: c.from, to: c.to }, ...at })
      else if (c.kind === 'enumValueRenamed') ctx.report({ messageId: 'label', target, data: { enum: c.enum, from: c.from, to: c.to }, ...at })
    }
  },
})
