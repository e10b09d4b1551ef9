/**
 * DBML, as compiled by `@dbml/core`, to the model: schemas, enums, tables with their columns,
 * keys, checks and indexes; then refs (`refs.ts`) and table groups. Everything DBML carries that
 * the model has no place for (record rows, sticky notes, header colours, enum value notes) is
 * reported once, never dropped in silence.
 */
import type { Diagnostic } from '../../diagnostics.ts'
import type { TableGroup } from '../../document/document.ts'
import type { EnumId, IdGenerator, NamespaceId } from '../../model/ids.ts'
import type { CheckConstraint, Column, ColumnType, EnumType, Index, IndexKey, IndexMethod, Schema, Table, UniqueConstraint } from '../../model/schema.ts'
import { indexMethods } from '../../model/schema.ts'
import { isSerial } from '../../model/types.ts'
import { readDefault } from '../catalog.ts'
import { serialOf } from '../prisma/column-types.ts'
import { resolveType } from './column-types.ts'
import type { TypeNote } from './column-types.ts'
import type { RawDatabase, RawField, RawTable, RawToken } from './raw.ts'
import { buildRefs } from './refs.ts'

export interface DbmlBuild {
  readonly schema: Schema
  readonly groups: TableGroup[]
  readonly diagnostics: Diagnostic[]
}

export type Mutable<T> = { -readonly [K in keyof T]: T[K] }

export interface BuildState {
  readonly ids: IdGenerator
  readonly diagnostics: Diagnostic[]
  readonly tables: Map<string, Mutable<Table>>
  report(severity: Diagnostic['severity'], code: string, message: string, token: RawToken | undefined): void
}

export const tableKey = (schema: string | null | undefined, name: string) => `${schema ?? 'public'}\0${name}`

/** Partial-index predicates recovered from `where:` settings, at the offset where each stood. */
export type RecoveredWheres = ReadonlyArray<{ readonly offset: number; readonly sql: string }>

export function buildDbml(db: RawDatabase, ids: IdGenerator, wheres: RecoveredWheres): DbmlBuild {
  const diagnostics: Diagnostic[] = []
  const state: BuildState = {
    ids,
    diagnostics,
    tables: new Map(),
    report(severity, code, message, token) {
      diagnostics.push({ code, severity, message, location: token ? { line: token.start.line, column: token.start.column } : { line: 1, column: 1 } })
    },
  }
  const namespaces = new Map<string, NamespaceId>()
  const ns = (name: string | null | undefined) => {
    const key = name ?? 'public'
    let id = namespaces.get(key)
    if (!id) namespaces.set(key, (id = ids.next('namespace')))
    return id
  }
  ns('public')

  const enums: EnumType[] = []
  const enumIds = new Map<string, EnumId>()
  const enumsByName = new Map<string, EnumId[]>()
  let valueNotes = 0
  for (const e of db.enums) {
    const id = ids.next('enum')
    enums.push({ id, namespaceId: ns(e.schemaName), name: e.name, values: e.values.map((v) => ({ id: ids.next('enumValue'), name: v.name })), ...(e.note ? { comment: e.note.value } : {}) })
    enumIds.set(tableKey(e.schemaName, e.name), id)
    enumsByName.set(e.name, [...(enumsByName.get(e.name) ?? []), id])
    valueNotes += e.values.filter((v) => v.note).length
  }
  if (valueNotes > 0) state.report('info', 'dbml-not-kept', `${valueNotes} enum value note${valueNotes === 1 ? ' was' : 's were'} not kept: the design has no notes on enum values.`, db.enums.find((e) => e.values.some((v) => v.note))?.token)
  // An unqualified type names an enum of `public`, or the only enum of that name in any schema.
  const findEnum = (name: string, schema: string | null) =>
    schema !== null ? enumIds.get(tableKey(schema, name)) : (enumIds.get(tableKey('public', name)) ?? (enumsByName.get(name)?.length === 1 ? enumsByName.get(name)![0] : undefined))

  const typeNotes = new Map<string, { note: TypeNote; count: number; token: RawToken | undefined }>()
  for (const t of db.tables) {
    const table = buildTable(state, t, ns(t.schemaName), findEnum, typeNotes, wheres)
    state.tables.set(tableKey(t.schemaName, t.name), table)
  }
  for (const { note, count, token } of typeNotes.values()) {
    const cols = `${count} column${count === 1 ? '' : 's'}`
    if (note.kind === 'mapped') state.report('info', 'dbml-type-mapped', `"${note.from}" is not a PostgreSQL type; read as ${note.to} (${cols}).`, token)
    else
      state.report(
        'warning',
        'dbml-unknown-type',
        `"${note.name}" is not a PostgreSQL type nor an enum of this file${note.why ? ` (${note.why})` : ''}: kept as a custom type (${cols}); PostgreSQL needs it created (e.g. as a domain) before this design applies.`,
        token,
      )
  }
  const joinTables = buildRefs(state, db.refs, (id) => namespaceName(namespaces, id))
  const colors = db.tables.filter((t) => t.headerColor).length
  if (colors > 0) state.report('info', 'dbml-not-kept', `Header colours of ${colors} table${colors === 1 ? '' : 's'} were not kept (colours belong to the diagram layout).`, db.tables.find((t) => t.headerColor)?.token)
  if (db.records?.length) state.report('info', 'dbml-not-kept', `${db.records.length} Records block${db.records.length === 1 ? ' was' : 's were'} not imported: the design holds the schema, not data.`, db.records[0]!.token)
  if (db.notes?.length) state.report('info', 'dbml-not-kept', `${db.notes.length} sticky note${db.notes.length === 1 ? ' was' : 's were'} not kept.`, db.notes[0]!.token)
  const dbType = db.project?.database_type
  if (dbType && !/^postgres/i.test(dbType)) state.report('info', 'dbml-database-type', `The project is for ${dbType}; its types were read as PostgreSQL types.`, db.project?.token)
  if (db.project?.note) state.report('info', 'dbml-not-kept', 'The project note was not kept.', db.project.note.token ?? db.project.token)

  const groups: TableGroup[] = db.tableGroups.map((g, i) => ({
    id: `tg_${i + 1}`,
    name: g.name,
    tableIds: g.tables.map((r) => state.tables.get(tableKey(r.schemaName, r.name))?.id).filter((id) => id !== undefined),
    ...(g.color ? { color: g.color } : {}),
    ...(g.note ? { note: g.note.value } : {}),
  }))
  const schema: Schema = {
    namespaces: [...namespaces].map(([name, id]) => ({ id, name })),
    enums,
    tables: [...state.tables.values(), ...joinTables],
    extensions: [],
  }
  return { schema, groups, diagnostics }
}

function namespaceName(namespaces: Map<string, NamespaceId>, id: NamespaceId): string {
  for (const [name, nid] of namespaces) if (nid === id) return name
  return 'public'
}

function buildTable(
  state: BuildState,
  t: RawTable,
  namespaceId: NamespaceId,
  findEnum: (name: string, schema: string | null) => EnumId | undefined,
  typeNotes: Map<string, { note: TypeNote; count: number; token: RawToken | undefined }>,
  wheres: RecoveredWheres,
): Mutable<Table> {
  const { ids } = state
  const pkIndex = t.indexes.find((i) => i.pk)
  const pkNames = new Set(pkIndex ? pkIndex.columns.map((c) => c.value) : t.fields.filter((f) => f.pk).map((f) => f.name))
  const columns: Column[] = []
  const byName = new Map<string, Column>()
  const uniques: UniqueConstraint[] = []
  const checks: CheckConstraint[] = []
  const checkNames = new Set<string>()
  const checkName = (wanted: string | undefined, base: string) => {
    let name = wanted ?? base
    for (let n = 1; checkNames.has(name); n++) name = `${wanted ?? base}${n}`
    checkNames.add(name)
    return name
  }
  for (const f of t.fields) {
    const resolved = resolveType(f.type, findEnum)
    if (resolved.note) {
      const key = resolved.note.kind === 'mapped' ? `m:${resolved.note.from}` : `u:${resolved.note.name}`
      const seen = typeNotes.get(key)
      if (seen) seen.count++
      else typeNotes.set(key, { note: resolved.note, count: 1, token: f.token })
    }
    const column = buildColumn(state, t, f, resolved.type, pkNames.has(f.name))
    columns.push(column)
    byName.set(f.name, column)
    if (f.unique && !(pkNames.size === 1 && pkNames.has(f.name))) uniques.push({ kind: 'unique', id: ids.next('constraint'), columns: [column.id] })
    for (const c of f.checks ?? []) checks.push({ kind: 'check', id: ids.next('constraint'), name: checkName(c.name, `${t.name}_${f.name}_check`), expression: c.expression })
  }
  for (const c of t.checks ?? []) checks.push({ kind: 'check', id: ids.next('constraint'), name: checkName(c.name, `${t.name}_check`), expression: c.expression })

  const indexes: Index[] = []
  for (const ix of t.indexes) {
    if (ix.pk) continue
    const keys: IndexKey[] = ix.columns.map((c) =>
      c.type === 'expression' ? { kind: 'expression', sql: c.value } : { kind: 'column', columnId: byName.get(c.value)!.id },
    )
    let method: IndexMethod = 'btree'
    if (ix.type) {
      const m = ix.type.toLowerCase()
      if ((indexMethods as readonly string[]).includes(m)) method = m as IndexMethod
      else state.report('warning', 'dbml-index-type', `Index type "${ix.type}" is not a PostgreSQL index method; the index was read as btree.`, ix.token)
    }
    const unique = ix.unique === true
    if (unique && method === 'hash') {
      method = 'btree'
      state.report('warning', 'dbml-index-type', 'PostgreSQL hash indexes cannot be unique; this unique index was read as btree.', ix.token)
    }
    const where = ix.token && wheres.find((w) => w.offset >= ix.token!.start.offset && w.offset <= ix.token!.end.offset)?.sql
    indexes.push({
      id: ids.next('index'),
      ...(ix.name ? { name: ix.name } : {}),
      unique,
      method,
      keys,
      include: [],
      ...(where ? { where } : {}),
      ...(ix.note ? { comment: ix.note.value } : {}),
    })
  }
  return {
    id: ids.next('table'),
    namespaceId,
    name: t.name,
    ...(t.note ? { comment: t.note.value } : {}),
    columns,
    ...(pkNames.size > 0
      ? { primaryKey: { kind: 'primaryKey' as const, id: ids.next('constraint'), ...(pkIndex?.name ? { name: pkIndex.name } : {}), columns: [...pkNames].map((n) => byName.get(n)!.id) } }
      : {}),
    uniques,
    checks,
    foreignKeys: [],
    indexes,
  }
}

function buildColumn(state: BuildState, t: RawTable, f: RawField, type: ColumnType, inPrimaryKey: boolean): Column {
  const column: Mutable<Column> = { id: state.ids.next('column'), name: f.name, type, nullable: !(inPrimaryKey || f.not_null === true) }
  if (f.note) column.comment = f.note.value
  if (f.increment && !isSerial(type)) {
    const serial = serialOf(type)
    if (serial) column.type = serial
    else {
      column.identity = 'by-default'
      state.report('info', 'dbml-increment', `"${t.name}.${f.name}" is not an integer column, so [increment] was read as an identity column.`, f.token)
    }
  }
  const d = f.dbdefault
  if (d && !(d.type === 'boolean' && d.value === 'null')) {
    if (d.type !== 'expression') column.default = { kind: 'literal', value: String(d.value) }
    else {
      const sql = String(d.value).trim()
      if (sql.startsWith('{') || sql.startsWith('[')) {
        // No SQL expression starts so: it is a value (JSON, an array literal) written in backticks.
        column.default = { kind: 'literal', value: sql }
        state.report('info', 'dbml-default', `The default of "${t.name}.${f.name}" is not SQL but a value; it was read as the literal '${sql.length > 40 ? sql.slice(0, 40) + '…' : sql}'.`, f.token)
      } else {
        // A constant with a cast ('/'::character varying) is a literal: exporters can carry it to
        // every target, and a cast to a misspelt type (@dbml/core writes "charactervarying") goes.
        column.default = readDefault(sql)
      }
    }
  }
  return column
}
