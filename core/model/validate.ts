/**
 * Structural problems: what would make PostgreSQL reject the design's DDL, or silently change it
 * (a name cut to 63 bytes). The PostgreSQL exporter reports these and leaves the offending object
 * out rather than print SQL that fails; the rule engine reports them under the same ids.
 */
import type { Diagnostic, DiagnosticTarget } from '../diagnostics.ts'
import { checkSqlFragment } from '../sql/expression.ts'
import type { ConstraintId, IndexId, TableId } from './ids.ts'
import { byteLength, maxIdentifierBytes, resolveNames } from './names.ts'
import { columnMap, indexSchema, qualifiedTableName } from './queries.ts'
import type { ForeignKey, Schema, Table } from './schema.ts'
import { isUniqueColumnSet } from './relationships.ts'
import { formatColumnType, typeFamily, sameType, storageTypeName } from './types.ts'

export interface StructuralReport {
  readonly diagnostics: Diagnostic[]
  /** Objects the DDL must leave out because PostgreSQL would reject them. */
  readonly skipTables: ReadonlySet<TableId>
  readonly skipConstraints: ReadonlySet<ConstraintId>
  readonly skipIndexes: ReadonlySet<IndexId>
  readonly skipColumns: ReadonlySet<string>
  readonly skipEnums: ReadonlySet<string>
}

const reports = new WeakMap<Schema, StructuralReport>()

/**
 * Cached per schema object (the model is immutable): lint and every export of one version of a
 * design share one check. Callers must not mutate the returned report.
 */
export function checkStructure(schema: Schema): StructuralReport {
  let report = reports.get(schema)
  if (!report) reports.set(schema, (report = computeStructure(schema)))
  return report
}

function computeStructure(schema: Schema): StructuralReport {
  const diagnostics: Diagnostic[] = []
  const skipTables = new Set<TableId>()
  const skipConstraints = new Set<ConstraintId>()
  const skipIndexes = new Set<IndexId>()
  const skipColumns = new Set<string>()
  const skipEnums = new Set<string>()
  const idx = indexSchema(schema)
  const names = resolveNames(schema)
  const nsName = (id: string) => idx.namespaces.get(id as never)?.name ?? '?'
  // Targets are built only when something is reported: on a clean 1,000-table design this check
  // visits every object, and allocating a target per object dominated the export's time.
  type Target = DiagnosticTarget | (() => DiagnosticTarget)
  const report = (code: string, message: string, target: Target, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ code, severity, message, target: typeof target === 'function' ? target() : target })
  const tableTarget = (t: Table): DiagnosticTarget => ({ tableId: t.id, table: qualifiedTableName(schema, t) })

  const checkName = (name: string, what: string, target: Target): boolean => {
    // The common case first: a short name without NUL needs no further look.
    if (name.length > 0 && name.length <= 15 && !name.includes('\0')) return true
    if (name === '') {
      report('invalid-name', `${what} has an empty name.`, target)
      return false
    }
    if (name.includes('\0')) {
      report('invalid-name', `${what} "${name.replaceAll('\0', '\\0')}" contains a NUL character, which PostgreSQL cannot store.`, target)
      return false
    }
    if (byteLength(name) > maxIdentifierBytes) {
      report(
        'identifier-too-long',
        `${what} "${name}" is ${byteLength(name)} bytes; PostgreSQL cuts names to ${maxIdentifierBytes} bytes. Shorten it.`,
        target,
      )
      return false
    }
    return true
  }

  // Namespaces and enums.
  const nsSeen = new Set<string>()
  for (const ns of schema.namespaces) {
    checkName(ns.name, 'Schema', { namespaceId: ns.id })
    if (nsSeen.has(ns.name)) report('duplicate-relation-name', `Two schemas are named "${ns.name}".`, { namespaceId: ns.id })
    nsSeen.add(ns.name)
    if (ns.name.startsWith('pg_'))
      report('invalid-name', `Schema names starting with "pg_" are reserved by PostgreSQL: "${ns.name}".`, { namespaceId: ns.id })
  }
  const typeNames = new Map<string, string>()
  for (const e of schema.enums) {
    const target: DiagnosticTarget = { enumId: e.id, enum: `${nsName(e.namespaceId)}.${e.name}` }
    const key = `${e.namespaceId}\0${e.name}`
    if (!checkName(e.name, 'Enum', target)) skipEnums.add(e.id)
    else if (typeNames.has(key)) {
      report('duplicate-relation-name', `Two types are named "${nsName(e.namespaceId)}.${e.name}".`, target)
      skipEnums.add(e.id)
    }
    typeNames.set(key, e.id)
    const labels = new Set<string>()
    for (const v of e.values) {
      if (labels.has(v.name)) {
        report('default-invalid', `Enum "${e.name}" has the value "${v.name}" twice.`, target)
        skipEnums.add(e.id)
      }
      labels.add(v.name)
      if (byteLength(v.name) > maxIdentifierBytes) {
        report('identifier-too-long', `Enum value "${v.name}" of "${e.name}" is longer than 63 bytes.`, target)
        skipEnums.add(e.id)
      }
      if (v.name.includes('\0')) {
        report('invalid-name', `An enum value of "${e.name}" contains a NUL character.`, target)
        skipEnums.add(e.id)
      }
    }
  }

  // Tables, columns, constraint and index names.
  const relNames = new Map<string, string>()
  const relName = (ns: string, name: string, what: string, target: Target) => {
    const key = `${ns}\0${name}`
    const prev = relNames.get(key)
    if (prev) {
      report('duplicate-relation-name', `${what} "${name}" has the same name as ${prev} in schema "${nsName(ns)}".`, target)
      return false
    }
    relNames.set(key, `${what.toLowerCase()} "${name}"`)
    return true
  }
  const constraintNamesByTable = new Map<TableId, Set<string>>()
  for (const t of schema.tables) {
    const target = () => tableTarget(t)
    if (!idx.namespaces.has(t.namespaceId)) {
      report('invalid-reference', `Table "${t.name}" is in a schema that does not exist.`, target)
      skipTables.add(t.id)
      continue
    }
    if (!checkName(t.name, 'Table', target) || !relName(t.namespaceId, t.name, 'Table', target)) {
      skipTables.add(t.id)
      continue
    }
    if (typeNames.has(`${t.namespaceId}\0${t.name}`))
      report('duplicate-relation-name', `Table "${t.name}" has the same name as a type; each table defines a row type of its name.`, target)
    const cols = new Set<string>()
    const byId = columnMap(t)
    for (const c of t.columns) {
      const ct = () => ({ ...target(), columnId: c.id, column: c.name })
      if (!checkName(c.name, 'Column', ct)) skipColumns.add(c.id)
      else if (cols.has(c.name)) {
        report('duplicate-column-name', `Table "${t.name}" has two columns named "${c.name}".`, ct)
        skipColumns.add(c.id)
      }
      cols.add(c.name)
      if (c.type.kind === 'enum' && (!idx.enums.has(c.type.enumId) || skipEnums.has(c.type.enumId))) {
        report('invalid-reference', `Column "${t.name}.${c.name}" uses an enum that does not exist or is invalid.`, ct)
        skipColumns.add(c.id)
      }
      if (c.default?.kind === 'expression') {
        const problem = checkSqlFragment(c.default.sql)
        if (problem) {
          report('invalid-expression', `The default of "${t.name}.${c.name}" is not a valid SQL expression: ${problem}`, ct)
          skipColumns.add(c.id)
        }
      }
      if (c.generated !== undefined) {
        const problem = checkSqlFragment(c.generated)
        if (problem) {
          report('invalid-expression', `The generated expression of "${t.name}.${c.name}" is not a valid SQL expression: ${problem}`, ct)
          skipColumns.add(c.id)
        }
      }
    }
    if (t.partitionBy) {
      const problem = checkSqlFragment(t.partitionBy.key)
      if (problem) {
        report('invalid-expression', `The partition key of "${t.name}" is not valid SQL: ${problem}`, target)
        skipTables.add(t.id)
        continue
      }
    }
    const seen = new Set<string>()
    constraintNamesByTable.set(t.id, seen)
    const constraintName = (id: ConstraintId, what: string) => {
      const name = names.constraints.get(id)!
      const ct = () => ({ ...target(), constraintId: id, constraint: name })
      if (!checkName(name, what, ct)) return false
      if (seen.has(name)) {
        report('duplicate-constraint-name', `Table "${t.name}" has two constraints named "${name}".`, ct)
        return false
      }
      seen.add(name)
      return true
    }
    const columnsExist = (cols: readonly string[], id: ConstraintId, what: string) => {
      if (cols.length === 0 || cols.some((c) => !byId.has(c as never) || skipColumns.has(c))) {
        report('invalid-reference', `${what} of "${t.name}" refers to columns that do not exist.`, () => ({ ...target(), constraintId: id }))
        return false
      }
      if (cols.length > 1 && new Set(cols).size !== cols.length) {
        report('invalid-reference', `${what} of "${t.name}" lists a column twice.`, () => ({ ...target(), constraintId: id }))
        return false
      }
      return true
    }
    if (t.primaryKey) {
      const ok = constraintName(t.primaryKey.id, 'Primary key') && columnsExist(t.primaryKey.columns, t.primaryKey.id, 'The primary key')
      if (!ok || !relName(t.namespaceId, names.constraints.get(t.primaryKey.id)!, 'Primary key index', target))
        skipConstraints.add(t.primaryKey.id)
    }
    for (const u of t.uniques) {
      const ok = constraintName(u.id, 'Unique constraint') && columnsExist(u.columns, u.id, 'A unique constraint')
      if (!ok || !relName(t.namespaceId, names.constraints.get(u.id)!, 'Unique index', target)) skipConstraints.add(u.id)
    }
    for (const c of t.checks) {
      const problem = checkSqlFragment(c.expression)
      if (problem) report('check-invalid', `Check "${c.name}" on "${t.name}" is not a valid SQL expression: ${problem}`, () => ({ ...target(), constraintId: c.id }))
      if (!constraintName(c.id, 'Check constraint') || problem) skipConstraints.add(c.id)
    }
    for (const f of t.foreignKeys) {
      if (!constraintName(f.id, 'Foreign key') || !columnsExist(f.columns, f.id, 'A foreign key')) skipConstraints.add(f.id)
    }
    for (const i of t.indexes) {
      const name = names.indexes.get(i.id)!
      const it = () => ({ ...target(), indexId: i.id, index: name })
      let ok = checkName(name, 'Index', it) && relName(t.namespaceId, name, 'Index', it)
      for (const k of i.keys) {
        if (k.kind === 'column' ? !byId.has(k.columnId) || skipColumns.has(k.columnId) : false) ok = false
        const problem = k.kind === 'expression' ? checkSqlFragment(k.sql) : undefined
        if (problem) {
          report('invalid-expression', `An expression of index "${name}" is not valid SQL: ${problem}`, it)
          ok = false
        }
      }
      if (i.include.length > 0 && i.include.some((c) => !byId.has(c) || skipColumns.has(c))) ok = false
      if (i.where !== undefined) {
        const problem = checkSqlFragment(i.where)
        if (problem) {
          report('invalid-expression', `The WHERE of index "${name}" is not valid SQL: ${problem}`, it)
          ok = false
        }
      }
      if (i.keys.length === 0) {
        report('invalid-reference', `Index "${name}" has no columns.`, it)
        ok = false
      }
      if (!ok) skipIndexes.add(i.id)
    }
  }

  // Foreign keys need the tables above.
  for (const t of schema.tables) {
    if (skipTables.has(t.id)) continue
    for (const f of t.foreignKeys) {
      if (skipConstraints.has(f.id)) continue
      if (!checkForeignKey(schema, t, f, report, skipTables, skipColumns)) skipConstraints.add(f.id)
    }
  }
  return { diagnostics, skipTables, skipConstraints, skipIndexes, skipColumns, skipEnums }
}

function checkForeignKey(
  schema: Schema,
  table: Table,
  fk: ForeignKey,
  report: (code: string, message: string, target: DiagnosticTarget | (() => DiagnosticTarget), severity?: Diagnostic['severity']) => void,
  skipTables: ReadonlySet<TableId>,
  skipColumns: ReadonlySet<string>,
): boolean {
  const name = resolveNames(schema).constraints.get(fk.id)!
  const target = (): DiagnosticTarget => ({
    tableId: table.id,
    table: qualifiedTableName(schema, table),
    constraintId: fk.id,
    constraint: name,
  })
  const parent = indexSchema(schema).tables.get(fk.target.tableId)
  if (!parent || skipTables.has(parent.id)) {
    report('fk-target-missing', `Foreign key "${name}" on "${table.name}" points to a table that does not exist.`, target)
    return false
  }
  const parentCols = columnMap(parent)
  const childCols = columnMap(table)
  const targetCols = fk.target.columns.map((id) => parentCols.get(id))
  if (targetCols.some((c) => !c || skipColumns.has(c.id))) {
    report('fk-target-missing', `Foreign key "${name}" on "${table.name}" points to a column of "${parent.name}" that does not exist.`, target)
    return false
  }
  if (fk.columns.length !== fk.target.columns.length) {
    report(
      'fk-column-mismatch',
      `Foreign key "${name}" has ${fk.columns.length} columns but references ${fk.target.columns.length}; give both sides the same count.`,
      target,
    )
    return false
  }
  if (!isUniqueColumnSet(parent, fk.target.columns)) {
    const list = targetCols.map((c) => c!.name).join(', ')
    report(
      'fk-target-not-unique',
      `Foreign key "${name}" references ${parent.name}(${list}), which is not its primary key or a unique constraint; add one.`,
      target,
    )
    return false
  }
  let ok = true
  fk.columns.forEach((id, i) => {
    const col = childCols.get(id)!
    const ref = targetCols[i]!
    if (sameType(col.type, ref.type) || storageTypeName(col.type) === storageTypeName(ref.type)) {
      if (col.type.kind !== 'builtin' || ref.type.kind !== 'builtin' || col.type.arrayDims === ref.type.arrayDims) return
    }
    const a = formatColumnType(col.type)
    const b = formatColumnType(ref.type)
    if (typeFamily(col.type) === typeFamily(ref.type) && col.type.arrayDims === ref.type.arrayDims) {
      report(
        'fk-column-mismatch',
        `"${table.name}.${col.name}" is ${a} but references "${parent.name}.${ref.name}" of type ${b}; use the same type.`,
        () => ({ ...target(), columnId: col.id, column: col.name }),
        'warning',
      )
    } else {
      report(
        'fk-column-mismatch',
        `"${table.name}.${col.name}" (${a}) cannot reference "${parent.name}.${ref.name}" (${b}): the types are not comparable.`,
        () => ({ ...target(), columnId: col.id, column: col.name }),
      )
      ok = false
    }
  })
  return ok
}
