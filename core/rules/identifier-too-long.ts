import { updateConstraint, updateIndex } from '../model/edits.ts'
import { byteLength, indexColumnNames, maxIdentifierBytes } from '../model/names.ts'
import type { ColumnId, ConstraintId, IndexId } from '../model/ids.ts'
import type { Constraint, Index, Table } from '../model/schema.ts'
import { defineRule, docsPath } from './define-rule.ts'
import { columnsOf } from './utils/model.ts'
import { structuralFindings, targetOf } from './utils/structure.ts'

/**
 * Names over 63 bytes (UTF-8) are cut by PostgreSQL without a word. A name the user chose is an
 * error; a name PostgreSQL generates (`<table>_<columns>_fkey`) is shortened predictably, which is
 * only a warning, but two long generated names can end up numbered apart in ways other tools do
 * not reproduce: naming the object pins it.
 */
export default defineRule({
  meta: {
    id: 'identifier-too-long',
    category: 'integrity',
    scope: 'model',
    severity: 'error',
    granularity: 'table',
    description: 'A name, including one PostgreSQL generates, exceeds 63 bytes.',
    messages: {
      tooLong: '{{message}}',
      generated: 'PostgreSQL would generate "{{full}}" ({{bytes}} bytes) for this {{what}} and silently shorten it to "{{name}}"; give it an explicit shorter name.',
    },
    docs: docsPath('identifier-too-long'),
  },
  check(schema, ctx) {
    for (const d of structuralFindings(schema, 'identifier-too-long'))
      ctx.report({ messageId: 'tooLong', target: targetOf(ctx.index, d.target), data: { message: d.message } })
  },
  checkTable(table, ctx) {
    const base = bytes(table.name)
    // A table name that is itself too long is reported above; its derived names add nothing.
    if (base > maxIdentifierBytes) return
    const over = (columns: readonly ColumnId[], label: number) => {
      let n = base + label + 1
      for (const c of columnsOf(table, columns)) n += bytes(c.name) + 1
      return n > maxIdentifierBytes
    }
    const report = (object: Constraint | Index, fullName: string, what: string) => {
      const isIndex = !('kind' in object)
      const name = (isIndex ? ctx.names.indexes.get(object.id as IndexId) : ctx.names.constraints.get(object.id as ConstraintId)) ?? ''
      ctx.report({
        messageId: 'generated',
        severity: 'warning',
        target: isIndex ? { table, index: object } : { table, constraint: object as Constraint },
        data: { full: fullName, bytes: byteLength(fullName), name, what },
        fixes: [
          {
            title: `Name it "${name}"`,
            apply: (s) => (isIndex ? updateIndex(s, table.id, object.id as IndexId, { name }) : updateConstraint(s, table.id, object.id as ConstraintId, { name })),
          },
        ],
      })
    }
    if (table.primaryKey && !table.primaryKey.name && base + 5 > maxIdentifierBytes) report(table.primaryKey, `${table.name}_pkey`, 'primary key')
    for (const u of table.uniques) if (!u.name && over(u.columns, 3)) report(u, full(table, u.columns, 'key'), 'unique constraint')
    for (const f of table.foreignKeys) if (!f.name && over(f.columns, 4)) report(f, full(table, f.columns, 'fkey'), 'foreign key')
    for (const i of table.indexes) {
      if (i.name) continue
      // Expression keys are named by PostgreSQL's rules (indexColumnNames); build the name then.
      const fullName = `${table.name}_${indexColumnNames(table, i).join('_')}_idx`
      if (byteLength(fullName) > maxIdentifierBytes) report(i, fullName, 'index')
    }
  },
})

/** Exact for ASCII names; a non-ASCII one takes the full count. */
function bytes(name: string): number {
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) > 0x7f) return byteLength(name)
  return name.length
}

function full(table: Table, columns: readonly string[], label: string): string {
  return `${table.name}_${columnsOf(table, columns as never).map((c) => c.name).join('_')}_${label}`
}
