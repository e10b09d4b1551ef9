import { addCheck, setColumnType } from '../model/edits.ts'
import { quoteIdent } from '../sql/quote.ts'
import { defineRule, docsPath } from './define-rule.ts'
import { checkMentions, constraintNames, isStringType, usableName } from './utils/model.ts'

/**
 * Off by default: the seeds use VARCHAR(255) throughout. With `prefer: "text"` (squawk,
 * schemalint), `varchar(n)` and `char(n)` are flagged: changing n later is a migration, and
 * char(n) pads with spaces; use `text` with a CHECK on the length. With `prefer: "varchar"`,
 * unbounded text columns without a length CHECK are flagged instead.
 */
export default defineRule({
  meta: {
    id: 'text-length-policy',
    category: 'types',
    scope: 'model',
    severity: 'info',
    defaultOff: true,
    granularity: 'table',
    description: 'Policy for varchar(n)/char(n) versus text with a CHECK on the length.',
    messages: {
      useText: '"{{table}}.{{column}}" is {{type}}; use text with CHECK (char_length({{column}}) <= {{length}}), which can change without a rewrite.',
      unbounded: '"{{table}}.{{column}}" is text with no length limit; bound it with varchar(n) or a CHECK on its length.',
    },
    options: {
      prefer: { type: 'string', enum: ['text', 'varchar'], default: 'text', description: '`text`: flag varchar(n)/char(n). `varchar`: flag text with no length CHECK.' },
    },
    docs: docsPath('text-length-policy'),
  },
  checkTable(table, ctx) {
    for (const column of table.columns) {
      const t = column.type
      if (!isStringType(t) || t.kind !== 'builtin') continue
      if (ctx.options.prefer === 'text' && (t.name === 'varchar' || t.name === 'char') && t.length !== undefined) {
        const name = `ck_${table.name}_${column.name}_length`
        const linked = table.foreignKeys.some((f) => f.columns.includes(column.id)) || (ctx.index.referencedBy.get(table.id) ?? []).some(([, f]) => f.target.columns.includes(column.id))
        const ok = !linked && usableName(name, constraintNames(table, ctx.names))
        const length = t.length
        ctx.report({
          messageId: 'useText',
          target: { table, column },
          data: { table: table.name, column: column.name, type: `${t.name}(${length})`, length },
          ...(ok
            ? {
                fixes: [
                  {
                    title: `Change "${column.name}" to text with a length CHECK`,
                    apply: (s) =>
                      addCheck(setColumnType(s, table.id, column.id, { kind: 'builtin', name: 'text', arrayDims: 0 }), table.id, {
                        kind: 'check',
                        name,
                        expression: `char_length(${quoteIdent(column.name)}) <= ${length}`,
                      }),
                  },
                ],
              }
            : {}),
        })
      } else if (ctx.options.prefer === 'varchar' && t.name === 'text' && !checkMentions(table, column)) {
        ctx.report({ messageId: 'unbounded', target: { table, column }, data: { table: table.name, column: column.name } })
      }
    }
  },
})
