/**
 * What DBML itself would reject in a design: duplicate or empty names, references to objects
 * that do not exist, a foreign key whose two sides differ in length. PostgreSQL's own rules
 * (63-byte names, a foreign key's target being unique, comparable types) are not DBML's: the
 * PostgreSQL export and the linter report those, and DBML keeps such objects as the user drew them.
 */
import type { Diagnostic, DiagnosticTarget } from '../../diagnostics.ts'
import type { ConstraintId, IndexId, TableId } from '../../model/ids.ts'
import { columnMap, indexSchema, qualifiedTableName } from '../../model/queries.ts'
import type { Schema, Table } from '../../model/schema.ts'

export interface DbmlSkips {
  readonly diagnostics: Diagnostic[]
  readonly skipTables: ReadonlySet<TableId>
  readonly skipColumns: ReadonlySet<string>
  readonly skipConstraints: ReadonlySet<ConstraintId>
  readonly skipIndexes: ReadonlySet<IndexId>
  readonly skipEnums: ReadonlySet<string>
}

export function dbmlSkips(schema: Schema): DbmlSkips {
  const idx = indexSchema(schema)
  const diagnostics: Diagnostic[] = []
  const skipTables = new Set<TableId>()
  const skipColumns = new Set<string>()
  const skipConstraints = new Set<ConstraintId>()
  const skipIndexes = new Set<IndexId>()
  const skipEnums = new Set<string>()
  const report = (code: string, message: string, target: DiagnosticTarget) =>
    diagnostics.push({ code, severity: 'error', message: `${message} DBML cannot hold it; it is left out.`, target })

  const enumNames = new Set<string>()
  for (const e of schema.enums) {
    const key = `${e.namespaceId}\0${e.name}`
    const target = { enumId: e.id, enum: e.name }
    if (!idx.namespaces.has(e.namespaceId) || e.name === '') report('invalid-name', `Enum "${e.name}" has no name or no schema.`, target)
    else if (enumNames.has(key)) report('duplicate-relation-name', `Two enums are named "${e.name}".`, target)
    else if (new Set(e.values.map((v) => v.name)).size !== e.values.length) report('default-invalid', `Enum "${e.name}" has a value twice.`, target)
    else {
      enumNames.add(key)
      continue
    }
    skipEnums.add(e.id)
  }

  const tableNames = new Set<string>()
  for (const t of schema.tables) {
    const target: DiagnosticTarget = { tableId: t.id, table: qualifiedTableName(schema, t) }
    const key = `${t.namespaceId}\0${t.name}`
    if (!idx.namespaces.has(t.namespaceId) || t.name === '') report('invalid-name', `Table "${t.name}" has no name or no schema.`, target)
    else if (tableNames.has(key)) report('duplicate-relation-name', `Two tables are named "${t.name}" in one schema.`, target)
    else {
      tableNames.add(key)
      checkTable(t, target)
      continue
    }
    skipTables.add(t.id)
  }

  function checkTable(t: Table, target: DiagnosticTarget) {
    const names = new Set<string>()
    for (const c of t.columns) {
      let problem: [string, string] | undefined
      if (c.name === '') problem = ['invalid-name', `A column of "${t.name}" has no name.`]
      else if (names.has(c.name)) problem = ['duplicate-column-name', `Table "${t.name}" has two columns named "${c.name}".`]
      else if (c.type.kind === 'enum' && !idx.enums.has(c.type.enumId)) problem = ['invalid-reference', `Column "${t.name}.${c.name}" uses an enum that does not exist.`]
      if (!problem) {
        names.add(c.name)
        continue
      }
      report(problem[0], problem[1], { ...target, columnId: c.id, column: c.name })
      skipColumns.add(c.id)
    }
    const columns = columnMap(t)
    const present = (ids: readonly string[]) => ids.length > 0 && ids.every((id) => columns.has(id as never) && !skipColumns.has(id))
    for (const k of [...(t.primaryKey ? [t.primaryKey] : []), ...t.uniques]) {
      if (present(k.columns)) continue
      skipConstraints.add(k.id)
      report('invalid-reference', `A key of "${t.name}" refers to columns that do not exist.`, { ...target, constraintId: k.id })
    }
    for (const i of t.indexes) {
      const keyColumns = i.keys.flatMap((k) => (k.kind === 'column' ? [k.columnId] : []))
      if (i.keys.length > 0 && (keyColumns.length === 0 || present(keyColumns))) continue
      skipIndexes.add(i.id)
      report('invalid-reference', `An index of "${t.name}" has no keys or refers to columns that do not exist.`, { ...target, indexId: i.id })
    }
  }

  // Foreign keys last: they need the tables and columns above.
  for (const t of schema.tables) {
    if (skipTables.has(t.id)) continue
    for (const fk of t.foreignKeys) {
      const parent = idx.tables.get(fk.target.tableId)
      const exists = (table: Table, ids: readonly string[]) => ids.length > 0 && ids.every((id) => columnMap(table).has(id as never) && !skipColumns.has(id))
      const ok = parent && !skipTables.has(parent.id) && exists(t, fk.columns) && exists(parent, fk.target.columns) && fk.columns.length === fk.target.columns.length
      if (ok) continue
      skipConstraints.add(fk.id)
      report('fk-target-missing', `A foreign key of "${t.name}" refers to a table or columns that do not exist, or pairs them unevenly.`, {
        tableId: t.id,
        table: qualifiedTableName(schema, t),
        constraintId: fk.id,
      })
    }
  }
  return { diagnostics, skipTables, skipColumns, skipConstraints, skipIndexes, skipEnums }
}
