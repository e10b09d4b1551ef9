import { updateConstraint } from '../model/edits.ts'
import type { Constraint, Table } from '../model/schema.ts'
import { defineRule, docsPath } from './define-rule.ts'
import { columnsOf, constraintNames, relationNames, usableName } from './utils/model.ts'
import { followsTemplate, renderTemplate, templatePrefix } from './utils/naming.ts'
import { analyzeExpression } from './utils/sql.ts'

const kinds = { primaryKey: 'primary key', foreignKey: 'foreign key', unique: 'unique constraint', check: 'check constraint' } as const

/**
 * Constraint names follow `pk_/fk_/uq_/ck_{table}_{columns}` (S0); S2 prefixes checks with `chk_`,
 * which the `templates` option can say. Names must start with the template's fixed part. Names
 * left to PostgreSQL (`orders_pkey`, `orders_user_id_fkey`, `users_age_check`) are left alone
 * unless `checkUnnamed` is set.
 */
export default defineRule({
  meta: {
    id: 'constraint-name-convention',
    category: 'naming',
    scope: 'model',
    severity: 'warning',
    granularity: 'table',
    description: 'Constraint names follow the templates pk_/fk_/uq_/ck_{table}_{columns}.',
    messages: { name: 'The {{kind}} "{{name}}" on "{{table}}" does not follow the naming template {{template}}; rename it to "{{suggestion}}".' },
    options: {
      templates: {
        type: 'templates',
        default: { primaryKey: 'pk_{table}', foreignKey: 'fk_{table}_{columns}', unique: 'uq_{table}_{columns}', check: 'ck_{table}_{columns}' },
        description: 'Name templates per constraint kind (e.g. `{"check": "chk_{table}_{columns}"}`).',
      },
      checkUnnamed: { type: 'boolean', default: false, description: 'Also name the constraints the design leaves to PostgreSQL.' },
    },
    docs: docsPath('constraint-name-convention'),
  },
  checkTable(table, ctx) {
    const check = (c: Constraint) => {
      const named = c.kind === 'check' ? !looksGenerated(table, c.name) : c.name !== undefined
      if (!named && !ctx.options.checkUnnamed) return
      const name = ctx.names.constraints.get(c.id) ?? ''
      const template = ctx.options.templates[c.kind]
      if (followsTemplate(name, template, table.name)) return
      const columns = c.kind === 'check' ? [...new Set(analyzeExpression(c.expression).columns.map((r) => r.name))] : columnsOf(table, c.columns).map((col) => col.name)
      const suggestion = columns.length > 0 || !template.includes('{columns}') ? renderTemplate(template, table.name, columns) : ''
      ctx.report({
        messageId: 'name',
        target: { table, constraint: c },
        data: { kind: kinds[c.kind], name, table: table.name, template, suggestion: suggestion || templatePrefix(template, table.name) + '...' },
        fixes: () =>
          !constraintNames(table, ctx.names).has(suggestion) && usableName(suggestion, relationNames(ctx.schema, ctx.names, table.namespaceId))
            ? [{ title: `Rename to "${suggestion}"`, apply: (s) => updateConstraint(s, table.id, c.id, { name: suggestion }) }]
            : [],
      })
    }
    if (table.primaryKey) check(table.primaryKey)
    for (const c of table.uniques) check(c)
    for (const c of table.checks) check(c)
    for (const c of table.foreignKeys) check(c)
  },
})

/** PostgreSQL names an unnamed CHECK `<table>_<first column>_check` (numbered on a clash). */
function looksGenerated(table: Table, name: string): boolean {
  return name.length > table.name.length && name.startsWith(table.name) && name[table.name.length] === '_' && /(^|_)check\d*$/.test(name)
}
