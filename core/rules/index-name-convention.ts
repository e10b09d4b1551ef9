import { updateIndex } from '../model/edits.ts'
import { indexColumnNames } from '../model/names.ts'
import { defineRule, docsPath } from './define-rule.ts'
import { relationNames, usableName } from './utils/model.ts'
import { followsTemplate, renderTemplate } from './utils/naming.ts'

/**
 * Index names follow `idx_{table}_{columns}` (S0, S2); unique indexes `uq_{table}_{columns}`
 * (S0's `uq_users_email`). A name must start with the template's fixed part (`idx_orders_`);
 * the rest may list the columns or say the purpose (`idx_users_active`), as the seeds do.
 * Unnamed indexes follow PostgreSQL's own consistent scheme and are left alone unless
 * `checkUnnamed` is set.
 */
export default defineRule({
  meta: {
    id: 'index-name-convention',
    category: 'naming',
    scope: 'model',
    severity: 'warning',
    granularity: 'table',
    description: 'Index names follow the template idx_{table}_{columns}.',
    messages: { name: 'Index "{{index}}" on "{{table}}" does not follow the naming template {{template}}; rename it to "{{suggestion}}".' },
    options: {
      templates: { type: 'templates', default: { index: 'idx_{table}_{columns}', unique: 'uq_{table}_{columns}' }, description: 'Name templates for plain and unique indexes.' },
      checkUnnamed: { type: 'boolean', default: false, description: 'Also name the indexes the design leaves to PostgreSQL.' },
    },
    docs: docsPath('index-name-convention'),
  },
  checkTable(table, ctx) {
    if (table.indexes.length === 0) return
    for (const index of table.indexes) {
      if (!index.name && !ctx.options.checkUnnamed) continue
      const name = ctx.names.indexes.get(index.id) ?? ''
      const template = index.unique ? ctx.options.templates.unique : ctx.options.templates.index
      if (followsTemplate(name, template, table.name)) continue
      const suggestion = renderTemplate(template, table.name, indexColumnNames(table, { keys: index.keys, include: [] }))
      ctx.report({
        messageId: 'name',
        target: { table, index },
        data: { index: name, table: table.name, template, suggestion },
        fixes: () => (usableName(suggestion, relationNames(ctx.schema, ctx.names, table.namespaceId)) ? [{ title: `Rename to "${suggestion}"`, apply: (s) => updateIndex(s, table.id, index.id, { name: suggestion }) }] : []),
      })
    }
  },
})
