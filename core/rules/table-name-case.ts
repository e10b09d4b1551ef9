import { renameTable } from '../model/edits.ts'
import { pluralize, singularize } from '../model/inflect.ts'
import { defineRule, docsPath } from './define-rule.ts'
import { isSnakeCase, toSnakeCase } from './utils/naming.ts'
import { relationNames, tableNameUsedInSql, usableName } from './utils/model.ts'

/**
 * Unquoted SQL folds names to lower case, so `OrderItem` must be quoted forever; snake_case
 * (S0, S2) reads the same everywhere. The fix renames the table; references are by id, so every
 * foreign key follows.
 */
export default defineRule({
  meta: {
    id: 'table-name-case',
    category: 'naming',
    scope: 'model',
    severity: 'warning',
    granularity: 'table',
    description: 'Table names are snake_case (^[a-z][a-z0-9_]*$).',
    messages: { case: 'Table "{{table}}" is not snake_case; rename it to "{{suggestion}}".' },
    docs: docsPath('table-name-case'),
  },
  checkTable(table, ctx) {
    if (isSnakeCase(table.name)) return
    const snake = toSnakeCase(table.name)
    // Follow table-name-number, so one fix settles both rules.
    const style = ctx.optionsOf('table-name-number').style
    const suggestion = snake === '' ? '' : style === 'singular' ? singularize(snake) : pluralize(singularize(snake))
    ctx.report({
      messageId: 'case',
      target: { table },
      data: { table: table.name, suggestion: suggestion || 'a snake_case name' },
      fixes: () =>
        !tableNameUsedInSql(table) && usableName(suggestion, relationNames(ctx.schema, ctx.names, table.namespaceId))
          ? [{ title: `Rename to "${suggestion}"`, apply: (s) => renameTable(s, table.id, suggestion) }]
          : [],
    })
  },
})
