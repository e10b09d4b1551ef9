import { addForeignKey } from '../model/edits.ts'
import type { Column, Table } from '../model/schema.ts'
import { storageTypeName } from '../model/types.ts'
import { defineRule, docsPath } from './define-rule.ts'
import { columnById, isIntegerType } from './utils/model.ts'
import { referenceStem, tablesForStem } from './utils/relations.ts'
import { nameKey } from './utils/naming.ts'

/**
 * `customer_id` next to a `customers` table with a matching key, but no foreign key: nothing stops
 * orphans (S3's `createdBy`, S0's `users_audit.user_id`). `*_by` columns point at the actor table
 * (`users` by default). Matching needs the same type as the referenced key, so `external_id` text
 * next to a uuid key is not taken for one.
 */
export default defineRule({
  meta: {
    id: 'missing-foreign-key',
    category: 'relationships',
    scope: 'model',
    severity: 'warning',
    granularity: 'catalog',
    description: 'A *_id or *_by column matches a table\'s primary key in name and type but has no foreign key.',
    messages: { missing: '"{{table}}.{{column}}" looks like a reference to "{{parent}}.{{key}}" but has no foreign key, so nothing stops orphans; add one (or rename the column).' },
    options: {
      actorTable: { type: 'string', default: 'users', description: 'The table `*_by` columns (created_by, updated_by) refer to.' },
      ignore: { type: 'string[]', default: [], description: 'Column names that are not references (e.g. `external_id`).' },
    },
    docs: docsPath('missing-foreign-key'),
  },
  checkTable(table, ctx) {
    const schema = ctx.schema
    const ignore = ctx.options.ignore
    const pk = table.primaryKey?.columns ?? []
    for (const column of table.columns) {
      const ref = referenceStem(column.name)
      if (!ref || column.type.arrayDims > 0) continue
      // The table's own single-column key is not a reference (users.user_id in S2's style).
      if (pk.length === 1 && pk[0] === column.id) continue
      if (table.foreignKeys.some((f) => f.columns.includes(column.id))) continue
      if (ignore.length > 0 && ignore.some((i) => nameKey(i) === nameKey(column.name))) continue
      const parents = ref.kind === 'by' ? tablesForStem(schema, ctx.options.actorTable, table) : tablesForStem(schema, ref.stem, table)
      const match = parents.length === 1 ? keyOf(parents[0]!) : undefined
      if (!match || !compatible(column, match.key)) continue
      const { parent, key } = match
      ctx.report({
        messageId: 'missing',
        target: { table, column },
        data: { table: table.name, column: column.name, parent: parent.name, key: key.name },
        fixes: [
          {
            title: `Add a foreign key to "${parent.name}"(${key.name})`,
            apply: (s) =>
              addForeignKey(s, table.id, {
                kind: 'foreignKey',
                columns: [column.id],
                target: { tableId: parent.id, columns: [key.id] },
                onDelete: column.nullable ? 'set null' : 'restrict',
              }),
          },
        ],
      })
    }
  },
})

function keyOf(parent: Table): { parent: Table; key: Column } | undefined {
  const pk = parent.primaryKey?.columns
  const key = pk?.length === 1 ? columnById(parent, pk[0]!) : undefined
  return key ? { parent, key } : undefined
}

function compatible(column: Column, key: Column): boolean {
  if (isIntegerType(column.type) && isIntegerType(key.type)) return storageTypeName(column.type) === storageTypeName(key.type)
  return storageTypeName(column.type) === storageTypeName(key.type) && column.type.kind === key.type.kind
}
