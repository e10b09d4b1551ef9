import { setColumnType, updateColumn } from '../model/edits.ts'
import type { Column, ColumnType, ForeignKey, Schema, Table } from '../model/schema.ts'
import { formatColumnType, storageTypeName } from '../model/types.ts'
import { defineRule, docsPath } from './define-rule.ts'
import type { Fix } from './types.ts'
import { columnById } from './utils/model.ts'
import { structuralFindings, targetOf } from './utils/structure.ts'

/**
 * Error when the two sides cannot be compared at all (uuid -> text) or the column counts differ;
 * warning when they are of one family but differ (int4 -> int8, varchar(50) -> varchar(255),
 * another collation): PostgreSQL accepts it, but values can stop fitting and joins cast.
 */
export default defineRule({
  meta: {
    id: 'fk-column-mismatch',
    category: 'integrity',
    scope: 'model',
    severity: 'error',
    granularity: 'schema',
    description: 'The column counts or types of a foreign key and the key it references differ.',
    messages: {
      mismatch: '{{message}}',
      modifiers: '"{{table}}.{{column}}" is {{type}} but references "{{parent}}.{{ref}}" of type {{refType}}; use the same type.',
      collation: '"{{table}}.{{column}}" uses collation {{collation}} but "{{parent}}.{{ref}}" uses {{refCollation}}; use the same collation.',
    },
    docs: docsPath('fk-column-mismatch'),
  },
  check(schema, ctx) {
    for (const d of structuralFindings(schema, 'fk-column-mismatch')) {
      const target = targetOf(ctx.index, d.target)
      const fk = target.constraint as ForeignKey | undefined
      const pair = fk && target.table && target.column ? referencedColumn(schema, ctx.index.tables.get(fk.target.tableId), fk, target.column) : undefined
      const fixes = d.severity === 'warning' && pair && target.table ? typeFix(target.table, fk!, target.column!, pair) : []
      ctx.report({ messageId: 'mismatch', target, severity: d.severity, data: { message: d.message }, fixes })
    }
  },
  // Same base type, different modifiers or collation: the structural check lets these pass.
  checkTable(table, ctx) {
    for (const fk of table.foreignKeys) {
      const parent = ctx.index.tables.get(fk.target.tableId)
      if (!parent || fk.columns.length !== fk.target.columns.length) continue
      fk.columns.forEach((id, i) => {
        const column = columnById(table, id)
        const ref = columnById(parent, fk.target.columns[i]!)
        if (!column || !ref) return
        if (storageTypeName(column.type) !== storageTypeName(ref.type) || column.type.arrayDims !== ref.type.arrayDims) return
        const data = { table: table.name, column: column.name, parent: parent.name, ref: ref.name }
        const a = formatColumnType(plainType(column.type))
        const b = formatColumnType(plainType(ref.type))
        if (a !== b) {
          ctx.report({ messageId: 'modifiers', severity: 'warning', target: { table, constraint: fk, column }, data: { ...data, type: a, refType: b }, fixes: typeFix(table, fk, column, ref) })
        } else if ((column.collation ?? 'default') !== (ref.collation ?? 'default')) {
          const collation = ref.collation
          const fixes: Fix[] = [{ title: `Use collation ${collation ?? 'default'} on "${column.name}"`, apply: (s) => updateColumn(s, table.id, column.id, { collation }) }]
          ctx.report({ messageId: 'collation', severity: 'warning', target: { table, constraint: fk, column }, data: { ...data, collation: column.collation ?? 'default', refCollation: collation ?? 'default' }, fixes })
        }
      })
    }
  },
})

function referencedColumn(_schema: Schema, parent: Table | undefined, fk: ForeignKey, column: Column): Column | undefined {
  const refId = fk.target.columns[fk.columns.indexOf(column.id)]
  return parent && refId ? columnById(parent, refId) : undefined
}

function typeFix(table: Table, fk: ForeignKey, column: Column, ref: Column): Fix[] {
  // Another FK through the same column may reference a third type; then no single fix fits.
  if (table.foreignKeys.filter((f) => f !== fk && f.columns.includes(column.id)).length > 0) return []
  const type = plainType(ref.type)
  return [{ title: `Change "${column.name}" to ${formatColumnType(type)}`, apply: (s) => setColumnType(s, table.id, column.id, type) }]
}

/** A referencing column takes the referenced type without its sequence: serial -> integer. */
function plainType(t: ColumnType): ColumnType {
  if (t.kind !== 'builtin') return t
  const map: Record<string, 'integer' | 'bigint' | 'smallint'> = { serial: 'integer', bigserial: 'bigint', smallserial: 'smallint' }
  const name = map[t.name]
  return name ? { ...t, name } : t
}
