import { defineRule, docsPath } from './define-rule.ts'
import { isStringType } from './utils/model.ts'
import { words } from './utils/naming.ts'

/**
 * First normal form: one value per column. A text column named like a list (`tag_ids`,
 * `phone_numbers`, S0's "123-456-7890, 098-765-4321") and numbered repeats (`phone1`, `phone2`,
 * `phone3`) hide a one-to-many relationship; use a child table (or an array type, deliberately).
 */
const listWords = new Set(['ids', 'list', 'numbers', 'emails', 'phones', 'tags', 'urls', 'addresses', 'codes', 'items', 'roles', 'categories', 'keywords', 'skus', 'values', 'names', 'uuids'])

export default defineRule({
  meta: {
    id: 'non-atomic-column',
    category: 'normalization',
    scope: 'model',
    severity: 'info',
    granularity: 'table',
    description: 'List-like columns: *_ids text, phone_numbers, x1/x2/x3.',
    messages: {
      list: '"{{table}}.{{column}}" is text named like a list; store one value per row in a child table (or use an array type on purpose).',
      repeated: '"{{table}}" repeats "{{stem}}" as {{columns}}; move the values to a child table with one row each.',
    },
    options: {
      minRepeats: { type: 'number', default: 3, min: 2, integer: true, description: 'How many numbered columns (x1, x2, x3) make a repeating group.' },
    },
    docs: docsPath('non-atomic-column'),
  },
  checkTable(table, ctx) {
    for (const column of table.columns) {
      if (!isStringType(column.type)) continue
      const w = words(column.name)
      if (w.length > 0 && listWords.has(w[w.length - 1]!)) ctx.report({ messageId: 'list', target: { table, column }, data: { table: table.name, column: column.name } })
    }
    const groups = new Map<string, string[]>()
    for (const column of table.columns) {
      const m = /^(.*?)_?(\d+)$/.exec(column.name)
      if (!m || m[1] === '') continue
      let list = groups.get(m[1]!)
      if (!list) groups.set(m[1]!, (list = []))
      list.push(column.name)
    }
    for (const [stem, names] of groups) {
      if (names.length < ctx.options.minRepeats) continue
      const first = table.columns.find((c) => c.name === names[0])!
      ctx.report({ messageId: 'repeated', target: { table, column: first }, data: { table: table.name, stem, columns: names.map((n) => `"${n}"`).join(', ') } })
    }
  },
})
