/**
 * Structural problems: what would make PostgreSQL reject the design's DDL, or silently change it
 * (a name cut to 63 bytes). The PostgreSQL exporter reports these and leaves the offending object
 * out rather than print SQL that fails; the rule engine reports them under the same ids.
 */
import type { Diagnostic, DiagnosticTarget } from '../diagnostics.ts'
import { checkSqlFragment } from '../sql/expression.ts'
import type { ConstraintId, IndexId, TableId } from './ids.ts'
import { byteLength, maxIdentifierBytes, resolveNames } from './names.ts'
import type { ResolvedNames, TableNames } from './names.ts'
import { columnMap, indexSchema, qualifiedTableName } from './queries.ts'
import type { SchemaIndex } from './queries.ts'
import type { ForeignKey, Namespace, Schema, Table } from './schema.ts'
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
  const { report, checkName } = reporter(diagnostics)

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

  // Tables, columns, constraint and index names. Each table's findings are kept per table object
  // (see TableCheck), so a new version of a big design re-checks only the tables an edit made new.
  const relNames = new Map<string, string>()
  const entries = new Map<TableId, TableCheck>()
  const shared: CheckShared = { schema, idx, names, typeNames, skipEnums, relNames }
  for (const t of schema.tables) {
    const entry = tableCheck(shared, t)
    entries.set(t.id, entry)
    for (const d of entry.diagnostics) diagnostics.push(d)
    if (entry.skipTable) skipTables.add(t.id)
    for (const id of entry.skipColumns) skipColumns.add(id)
    for (const id of entry.skipConstraints) skipConstraints.add(id)
    for (const id of entry.skipIndexes) skipIndexes.add(id)
  }

  // Foreign keys need the tables above.
  for (const t of schema.tables) {
    if (skipTables.has(t.id)) continue
    const fks = foreignKeyCheck(schema, t, entries, skipTables, skipColumns, skipConstraints)
    for (const d of fks.diagnostics) diagnostics.push(d)
    for (const id of fks.skipConstraints) skipConstraints.add(id)
  }
  return { diagnostics, skipTables, skipConstraints, skipIndexes, skipColumns, skipEnums }
}

type Target = DiagnosticTarget | (() => DiagnosticTarget)
type Report = (code: string, message: string, target: Target, severity?: Diagnostic['severity']) => void

// Targets are built only when something is reported: on a clean 1,000-table design this check
// visits every object, and allocating a target per object dominated the export's time.
function reporter(diagnostics: Diagnostic[]) {
  const report: Report = (code, message, target, severity = 'error') =>
    void diagnostics.push({ code, severity, message, target: typeof target === 'function' ? target() : target })
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
  return { report, checkName }
}

interface CheckShared {
  readonly schema: Schema
  readonly idx: SchemaIndex
  readonly names: ResolvedNames
  readonly typeNames: ReadonlyMap<string, string>
  readonly skipEnums: ReadonlySet<string>
  /** Relation names claimed so far in each namespace (`namespace\0name` -> what claimed it). */
  readonly relNames: Map<string, string>
}

/**
 * One table's structural findings. What they depend on besides the table object: its namespace
 * (existence, and its name in targets), the enums, the table's resolved names, and which relation
 * names earlier tables claimed. The first three are part of the cache key; for the last, an entry
 * is reused only if none of its relation names clashed when it was made and none clashes now.
 */
interface TableCheck {
  readonly namespace: Namespace | undefined
  readonly enums: Schema['enums']
  readonly names: TableNames | undefined
  readonly diagnostics: readonly Diagnostic[]
  readonly skipTable: boolean
  readonly skipColumns: readonly string[]
  readonly skipConstraints: readonly ConstraintId[]
  readonly skipIndexes: readonly IndexId[]
  /** The relation names this table claimed, as [key, description]; undefined if one clashed. */
  readonly relations: ReadonlyArray<readonly [string, string]> | undefined
}

const tableChecks = new WeakMap<Table, TableCheck>()

function tableCheck(shared: CheckShared, t: Table): TableCheck {
  const { idx, relNames } = shared
  const namespace = idx.namespaces.get(t.namespaceId)
  const tableNames = shared.names.tables?.get(t.id)
  const hit = tableChecks.get(t)
  if (
    hit !== undefined &&
    hit.relations !== undefined &&
    hit.namespace === namespace &&
    hit.enums === shared.schema.enums &&
    hit.names === tableNames &&
    tableNames !== undefined &&
    hit.relations.every(([key]) => !relNames.has(key))
  ) {
    for (const [key, what] of hit.relations) relNames.set(key, what)
    return hit
  }
  const entry = computeTableCheck(shared, t, namespace, tableNames)
  tableChecks.set(t, entry)
  return entry
}

function computeTableCheck(shared: CheckShared, t: Table, namespace: Namespace | undefined, tableNames: TableNames | undefined): TableCheck {
  const { schema, idx, names, typeNames, skipEnums, relNames } = shared
  const diagnostics: Diagnostic[] = []
  const { report, checkName } = reporter(diagnostics)
  const skipColumns: string[] = []
  const skipConstraints: ConstraintId[] = []
  const skipIndexes: IndexId[] = []
  const skippedColumn = (id: string) => skipColumns.length > 0 && skipColumns.includes(id)
  const claimed: Array<readonly [string, string]> = []
  let clashed = false
  const relName = (ns: string, name: string, what: string, target: Target) => {
    const key = `${ns}\0${name}`
    const prev = relNames.get(key)
    if (prev) {
      report('duplicate-relation-name', `${what} "${name}" has the same name as ${prev} in schema "${idx.namespaces.get(ns as never)?.name ?? '?'}".`, target)
      clashed = true
      return false
    }
    const description = `${what.toLowerCase()} "${name}"`
    relNames.set(key, description)
    claimed.push([key, description])
    return true
  }
  const done = (skipTable: boolean): TableCheck => ({
    namespace,
    enums: schema.enums,
    names: tableNames,
    diagnostics,
    skipTable,
    skipColumns,
    skipConstraints,
    skipIndexes,
    relations: clashed ? undefined : claimed,
  })
  const tableTarget = (): DiagnosticTarget => ({ tableId: t.id, table: qualifiedTableName(schema, t) })
    const target = tableTarget
    if (!idx.namespaces.has(t.namespaceId)) {
      report('invalid-reference', `Table "${t.name}" is in a schema that does not exist.`, target)
      return done(true)
    }
    if (!checkName(t.name, 'Table', target) || !relName(t.namespaceId, t.name, 'Table', target)) {
      return done(true)
    }
    if (typeNames.has(`${t.namespaceId}\0${t.name}`))
      report('duplicate-relation-name', `Table "${t.name}" has the same name as a type; each table defines a row type of its name.`, target)
    const cols = new Set<string>()
    const byId = columnMap(t)
    for (const c of t.columns) {
      const ct = () => ({ ...target(), columnId: c.id, column: c.name })
      if (!checkName(c.name, 'Column', ct)) skipColumns.push(c.id)
      else if (cols.has(c.name)) {
        report('duplicate-column-name', `Table "${t.name}" has two columns named "${c.name}".`, ct)
        skipColumns.push(c.id)
      }
      cols.add(c.name)
      if (c.type.kind === 'enum' && (!idx.enums.has(c.type.enumId) || skipEnums.has(c.type.enumId))) {
        report('invalid-reference', `Column "${t.name}.${c.name}" uses an enum that does not exist or is invalid.`, ct)
        skipColumns.push(c.id)
      }
      if (c.default?.kind === 'expression') {
        const problem = checkSqlFragment(c.default.sql)
        if (problem) {
          report('invalid-expression', `The default of "${t.name}.${c.name}" is not a valid SQL expression: ${problem}`, ct)
          skipColumns.push(c.id)
        }
      }
      if (c.generated !== undefined) {
        const problem = checkSqlFragment(c.generated)
        if (problem) {
          report('invalid-expression', `The generated expression of "${t.name}.${c.name}" is not a valid SQL expression: ${problem}`, ct)
          skipColumns.push(c.id)
        }
      }
    }
    if (t.partitionBy) {
      const problem = checkSqlFragment(t.partitionBy.key)
      if (problem) {
        report('invalid-expression', `The partition key of "${t.name}" is not valid SQL: ${problem}`, target)
        return done(true)
      }
    }
    const seen = new Set<string>()
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
      if (cols.length === 0 || cols.some((c) => !byId.has(c as never) || skippedColumn(c))) {
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
        skipConstraints.push(t.primaryKey.id)
    }
    for (const u of t.uniques) {
      const ok = constraintName(u.id, 'Unique constraint') && columnsExist(u.columns, u.id, 'A unique constraint')
      if (!ok || !relName(t.namespaceId, names.constraints.get(u.id)!, 'Unique index', target)) skipConstraints.push(u.id)
    }
    for (const c of t.checks) {
      const problem = checkSqlFragment(c.expression)
      if (problem) report('check-invalid', `Check "${c.name}" on "${t.name}" is not a valid SQL expression: ${problem}`, () => ({ ...target(), constraintId: c.id }))
      if (!constraintName(c.id, 'Check constraint') || problem) skipConstraints.push(c.id)
    }
    for (const f of t.foreignKeys) {
      if (!constraintName(f.id, 'Foreign key') || !columnsExist(f.columns, f.id, 'A foreign key')) skipConstraints.push(f.id)
    }
    for (const i of t.indexes) {
      const name = names.indexes.get(i.id)!
      const it = () => ({ ...target(), indexId: i.id, index: name })
      let ok = checkName(name, 'Index', it) && relName(t.namespaceId, name, 'Index', it)
      for (const k of i.keys) {
        if (k.kind === 'column' ? !byId.has(k.columnId) || skippedColumn(k.columnId) : false) ok = false
        const problem = k.kind === 'expression' ? checkSqlFragment(k.sql) : undefined
        if (problem) {
          report('invalid-expression', `An expression of index "${name}" is not valid SQL: ${problem}`, it)
          ok = false
        }
      }
      if (i.include.length > 0 && i.include.some((c) => !byId.has(c) || skippedColumn(c))) ok = false
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
      if (!ok) skipIndexes.push(i.id)
    }

  return done(false)
}

interface ForeignKeyCheck {
  /** The check of each parent table this was made with, in foreign key order. */
  readonly parents: ReadonlyArray<TableCheck | undefined>
  readonly child: TableCheck
  readonly diagnostics: readonly Diagnostic[]
  readonly skipConstraints: readonly ConstraintId[]
}

const foreignKeyChecks = new WeakMap<Table, ForeignKeyCheck>()

/**
 * The foreign keys of one table, against their parents. Reused while the table's own check and
 * every parent's check are the same entries: those fix the parent objects, what was left out of
 * them, and the names in the messages.
 */
function foreignKeyCheck(
  schema: Schema,
  t: Table,
  entries: ReadonlyMap<TableId, TableCheck>,
  skipTables: ReadonlySet<TableId>,
  skipColumns: ReadonlySet<string>,
  skipConstraints: ReadonlySet<ConstraintId>,
): ForeignKeyCheck {
  const child = entries.get(t.id)!
  const parents = t.foreignKeys.map((f) => entries.get(f.target.tableId))
  const hit = foreignKeyChecks.get(t)
  if (hit !== undefined && hit.child === child && hit.parents.length === parents.length && hit.parents.every((p, i) => p === parents[i])) return hit
  const diagnostics: Diagnostic[] = []
  const { report } = reporter(diagnostics)
  const skipped: ConstraintId[] = []
  for (const f of t.foreignKeys) {
    if (skipConstraints.has(f.id)) continue
    if (!checkForeignKey(schema, t, f, report, skipTables, skipColumns)) skipped.push(f.id)
  }
  const entry = { parents, child, diagnostics, skipConstraints: skipped }
  foreignKeyChecks.set(t, entry)
  return entry
}

function checkForeignKey(
  schema: Schema,
  table: Table,
  fk: ForeignKey,
  report: Report,
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
