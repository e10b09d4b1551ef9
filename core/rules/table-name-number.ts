import { renameTable } from '../model/edits.ts'
import { isPlural, pluralize, singularize } from '../model/inflect.ts'
import { defineRule, docsPath } from './define-rule.ts'
import { matchesAny, nameKey, toSnakeCase, words } from './utils/naming.ts'
import { relationNames, tableNameUsedInSql, usableName } from './utils/model.ts'
import { junctionForeignKeys } from './utils/relations.ts'

/**
 * One grammatical number for all tables: plural by default (S0, S1), singular as an option (S3's
 * Prisma models). A junction table is named after both sides (`user_roles`); a prefix such as a
 * tenant prefix (S2 `tenant_products`) can be declared so it is not read as one of the sides.
 */
const pluralCache = new Map<string, boolean>()
function isPluralWord(word: string): boolean {
  let hit = pluralCache.get(word)
  if (hit === undefined) {
    if (pluralCache.size > 50_000) pluralCache.clear()
    pluralCache.set(word, (hit = isPlural(word)))
  }
  return hit
}

export default defineRule({
  meta: {
    id: 'table-name-number',
    category: 'naming',
    scope: 'model',
    severity: 'warning',
    granularity: 'table',
    description: 'Table names are plural (option: singular); junction tables are named after both sides (a_b).',
    messages: {
      plural: 'Table "{{table}}" reads as singular; name tables in the plural, e.g. "{{suggestion}}".',
      singular: 'Table "{{table}}" reads as plural; name tables in the singular, e.g. "{{suggestion}}".',
      junction: 'Junction table "{{table}}" links "{{a}}" and "{{b}}" but is named after neither; call it e.g. "{{suggestion}}".',
    },
    options: {
      style: { type: 'string', enum: ['plural', 'singular'], default: 'plural', description: 'The grammatical number of table names.' },
      allowPrefix: { type: 'string[]', default: [], description: 'Prefixes that are not part of the noun, e.g. `tenant_`.' },
      ignore: { type: 'string[]', default: [], description: 'Tables (names or globs) to leave alone.' },
    },
    docs: docsPath('table-name-number'),
  },
  checkTable(table, ctx) {
    const ns = ctx.index.namespaces.get(table.namespaceId)?.name ?? ''
    if (matchesAny(ctx.options.ignore, table.name, `${ns}.${table.name}`)) return
    const w = words(table.name)
    const last = w[w.length - 1]
    if (!last) return
    const rename = (suggestion: string) =>
      !tableNameUsedInSql(table) && usableName(suggestion, relationNames(ctx.schema, ctx.names, table.namespaceId))
        ? [{ title: `Rename to "${suggestion}"`, apply: (s: typeof ctx.schema) => renameTable(s, table.id, suggestion) }]
        : []
    const plural = isPluralWord(last)
    // One-letter and numbered names (`a`, `events_2024_01`) have no grammatical number to check.
    if (ctx.options.style === 'plural' && !plural && last.length > 2 && /[a-z]$/.test(last)) {
      const suggestion = pluralize(toSnakeCase(table.name))
      ctx.report({ messageId: 'plural', target: { table }, data: { table: table.name, suggestion }, fixes: () => rename(suggestion) })
    } else if (ctx.options.style === 'singular' && plural && singularize(last) !== last) {
      const suggestion = singularize(toSnakeCase(table.name))
      ctx.report({ messageId: 'singular', target: { table }, data: { table: table.name, suggestion }, fixes: () => rename(suggestion) })
    }
    const pair = junctionForeignKeys(table, 1)
    if (!pair) return
    const [a, b] = pair.map((fk) => ctx.index.tables.get(fk.target.tableId))
    if (!a || !b || a === b || a === table || b === table) return
    let bare = nameKey(table.name)
    for (const p of ctx.options.allowPrefix) if (bare.startsWith(nameKey(p))) bare = bare.slice(nameKey(p).length)
    const mentions = (t: typeof a) => {
      const stem = nameKey(singularize(toSnakeCase(t.name)))
      return bare.includes(stem) || bare.includes(nameKey(t.name))
    }
    if (mentions(a) || mentions(b)) return
    const suggestion = `${singularize(toSnakeCase(a.name))}_${ctx.options.style === 'singular' ? singularize(toSnakeCase(b.name)) : pluralize(singularize(toSnakeCase(b.name)))}`
    ctx.report({ messageId: 'junction', target: { table }, data: { table: table.name, a: a.name, b: b.name, suggestion }, fixes: () => rename(suggestion) })
  },
})
