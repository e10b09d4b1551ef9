import { defineRule, docsPath } from './define-rule.ts'
import { columnById } from './utils/model.ts'
import { nameKey, words } from './utils/naming.ts'
import { referenceStem, tablesForStem } from './utils/relations.ts'
import type { Column, Table } from '../model/schema.ts'

const keyCache = new WeakMap<Table, Map<string, Column>>()

/** A parent's columns by style-free name, built once per table object. */
function columnKeys(table: Table): Map<string, Column> {
  let map = keyCache.get(table)
  if (!map) {
    map = new Map()
    for (const c of table.columns) if (!map.has(nameKey(c.name))) map.set(nameKey(c.name), c)
    keyCache.set(table, map)
  }
  return map
}

/**
 * Third normal form: `customer_email` next to `customer_id` copies `customers.email`, and the two
 * drift apart when the customer changes their address (S0's `employees_bad.department_name`).
 * The referenced table is the one the foreign key points at, or the table the `*_id` column is
 * named after. Deliberate snapshots (an order's shipping address) are the usual exception.
 */
export default defineRule({
  meta: {
    id: 'transitive-dependency',
    category: 'normalization',
    scope: 'model',
    severity: 'info',
    granularity: 'catalog',
    description: 'A column copies an attribute of a referenced table (customer_email next to customer_id).',
    messages: { copy: '"{{table}}.{{column}}" copies "{{parent}}.{{attribute}}", which "{{reference}}" already reaches; read it through the reference, or document it as a snapshot.' },
    docs: docsPath('transitive-dependency'),
  },
  checkTable(table, ctx) {
    const schema = ctx.schema
    // Reference columns and the table each one reaches.
    const refs: Array<[string, string, Table]> = []
    for (const fk of table.foreignKeys) {
      const parent = ctx.index.tables.get(fk.target.tableId)
      const col = fk.columns.length === 1 ? columnById(table, fk.columns[0]!) : undefined
      const stem = col && referenceStem(col.name)
      // `created_by` names an actor, not a thing whose attributes are copied (`created_at` is no copy of users').
      if (parent && col && stem?.kind === 'id' && parent !== table) refs.push([stem.stem, col.name, parent])
    }
    for (const column of table.columns) {
      const stem = referenceStem(column.name)
      if (!stem || stem.kind !== 'id' || refs.some(([, name]) => name === column.name)) continue
      const parents = tablesForStem(schema, stem.stem, table).filter((t) => t !== table)
      if (parents.length === 1) refs.push([stem.stem, column.name, parents[0]!])
    }
    if (refs.length === 0) return
    // A name-matched table is not a foreign-key neighbour: its columns are read, so depend on it.
    for (const [, , parent] of refs) ctx.dependOn(parent)
    for (const column of table.columns) {
      const w = words(column.name)
      for (const [stem, refName, parent] of refs) {
        const key = nameKey(column.name)
        if (column.name === refName || !key.startsWith(stem) || key === stem) continue
        const rest = key.slice(stem.length)
        if (rest === 'id' || rest === 'uuid' || w.length < 2) continue
        const keys = columnKeys(parent)
        const attribute = keys.get(rest)
        if (!attribute || parent.primaryKey?.columns.includes(attribute.id)) continue
        ctx.report({ messageId: 'copy', target: { table, column }, data: { table: table.name, column: column.name, parent: parent.name, attribute: attribute.name, reference: refName } })
        break
      }
    }
  },
})
