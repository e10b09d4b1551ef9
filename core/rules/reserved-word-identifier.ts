import { colNameKeywords, reservedKeywords, typeFuncNameKeywords } from '../sql/keywords.ts'
import { defineRule, docsPath } from './define-rule.ts'
import type { ReportTarget } from './types.ts'

/**
 * A name that is a PostgreSQL keyword must be quoted in every query anyone writes (`user`,
 * `order`, `group`). Table, column, index and constraint names may not be reserved or
 * type/function-name keywords (`left`, `join`); type names may not be reserved or column-name
 * keywords (`time`, `values`). Unreserved keywords are fine. When every query goes through a
 * generator that always quotes (an ORM), it is only a warning: set `alwaysQuoted`.
 */
export default defineRule({
  meta: {
    id: 'reserved-word-identifier',
    category: 'integrity',
    scope: 'model',
    severity: 'error',
    granularity: 'table',
    description: 'A name is a PostgreSQL keyword that must be quoted wherever it is used.',
    messages: {
      reserved: '{{what}} "{{name}}" is the PostgreSQL keyword {{upper}}, so every query must quote it; rename it (e.g. "{{suggestion}}").',
    },
    options: {
      alwaysQuoted: { type: 'boolean', default: false, description: 'Every query is generated with quoted identifiers (ORM): report as a warning instead of an error.' },
    },
    docs: docsPath('reserved-word-identifier'),
  },
  checkTable(table, ctx) {
    const severity = ctx.options.alwaysQuoted ? 'warning' : 'error'
    const check = (name: string, what: string, target: ReportTarget, suggestion: () => string) => {
      if (reservedKeywords.has(name) || typeFuncNameKeywords.has(name))
        ctx.report({ messageId: 'reserved', severity, target, data: { what, name, upper: name.toUpperCase(), suggestion: suggestion() } })
    }
    check(table.name, 'Table', { table }, () => `${table.name}s`)
    for (const column of table.columns) check(column.name, 'Column', { table, column }, () => `${table.name.replace(/s$/, '')}_${column.name}`)
    for (const index of table.indexes) if (index.name) check(index.name, 'Index', { table, index }, () => `idx_${table.name}_${index.name}`)
    if (table.primaryKey?.name) check(table.primaryKey.name, 'Constraint', { table, constraint: table.primaryKey }, () => `${table.name}_pk`)
    for (const c of table.uniques) if (c.name) check(c.name, 'Constraint', { table, constraint: c }, () => `${table.name}_${c.name}`)
    for (const c of table.checks) check(c.name, 'Constraint', { table, constraint: c }, () => `${table.name}_${c.name}`)
    for (const c of table.foreignKeys) if (c.name) check(c.name, 'Constraint', { table, constraint: c }, () => `${table.name}_${c.name}`)
  },
  check(schema, ctx) {
    const severity = ctx.options.alwaysQuoted ? 'warning' : 'error'
    for (const e of schema.enums)
      if (reservedKeywords.has(e.name) || colNameKeywords.has(e.name))
        ctx.report({ messageId: 'reserved', severity, target: { enum: e }, data: { what: 'Type', name: e.name, upper: e.name.toUpperCase(), suggestion: `${e.name}_kind` } })
    for (const ns of schema.namespaces)
      if (reservedKeywords.has(ns.name) || typeFuncNameKeywords.has(ns.name))
        ctx.report({ messageId: 'reserved', severity, target: { namespace: ns }, data: { what: 'Schema', name: ns.name, upper: ns.name.toUpperCase(), suggestion: `${ns.name}_data` } })
  },
})
