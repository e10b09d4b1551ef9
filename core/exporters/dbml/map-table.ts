/**
 * One table as DBML: columns with their settings, the keys DBML can only say as indexes, indexes
 * and checks. A single-column key that is unnamed and uncommented stays a column setting (`pk`,
 * `unique`), as people write DBML; any other key becomes an index line so its name and note survive.
 */
import type { DiagnosticTarget } from '../../diagnostics.ts'
import type { ConstraintId } from '../../model/ids.ts'
import type { ResolvedNames } from '../../model/names.ts'
import { findColumn } from '../../model/queries.ts'
import type { Column, ColumnDefault, ColumnType, Index, PrimaryKey, Table, UniqueConstraint } from '../../model/schema.ts'
import { storageTypeName } from '../../model/types.ts'
import type { LossPlace, LossSink } from '../print/loss-summary.ts'
import type { DbmlSkips } from './validity.ts'
import type { DbmlColumn, DbmlIndex, DbmlIndexKey, DbmlName, DbmlTable, DbmlValue } from './ir.ts'

export const tableLossKinds = {
  'identity-always': { severity: 'warning', message: 'GENERATED ALWAYS identity; such columns become `increment` (by default)' },
  generated: { severity: 'warning', message: 'generated columns; they become plain columns' },
  collations: { severity: 'warning', message: 'column collations; they are left out' },
  backticks: { severity: 'warning', message: 'SQL containing a backtick (DBML expressions cannot hold one); the default, check or index is left out' },
  'unique-constraints': { severity: 'info', message: 'named or multi-column unique constraints; they become unique indexes' },
  'nulls-not-distinct': { severity: 'warning', message: 'NULLS NOT DISTINCT; uniqueness treats NULLs as distinct' },
  'partial-indexes': { severity: 'warning', message: 'the WHERE of partial indexes; they become full indexes' },
  'partial-unique-indexes': { severity: 'warning', message: 'partial unique indexes (without their WHERE they would forbid rows the design allows); they are left out' },
  'index-key-options': { severity: 'warning', message: 'DESC, NULLS FIRST/LAST, operator classes and collations of index keys; they are left out' },
  'index-include': { severity: 'warning', message: 'INCLUDE columns of indexes; they are left out' },
  'check-options': { severity: 'warning', message: 'NO INHERIT on checks; it is left out' },
  'table-options': { severity: 'warning', message: 'partitioning and UNLOGGED; they are left out' },
  'empty-tables': { severity: 'warning', message: 'tables without columns (DBML needs one); they are left out' },
  comments: { severity: 'info', message: 'comments on schemas, enums, checks and foreign keys; they are left out' },
  'note-indentation': { severity: 'info', message: 'leading blank lines and indentation of notes (DBML strips them when reading)' },
} as const

export type TableLossKind = keyof typeof tableLossKinds

/**
 * What DBML makes of a note when it reads it: leading blank lines dropped and the common
 * indentation of the other lines removed (@dbml/parse, whatever the quoting). A comment that
 * changes under this loses its leading whitespace.
 */
export function dbmlDedent(note: string): string {
  const lines = note.split('\n')
  const rest = lines.slice(lines.findIndex((l) => l.trimStart() !== ''))
  const filled = rest.filter((l) => l.trimStart())
  if (filled.length === 0) return rest.join('\n')
  const cut = Math.min(...filled.map((l) => l.length - l.trimStart().length))
  return rest.map((l) => l.slice(cut)).join('\n')
}

/** A comment as a note, reported when DBML will not read it back as written. */
function noteOf(text: string | undefined, lose: () => void): string | undefined {
  if (!text) return undefined
  if (dbmlDedent(text) !== text) lose()
  return text
}

export interface TableContext {
  readonly names: ResolvedNames
  readonly report: DbmlSkips
  readonly losses: LossSink<TableLossKind>
  readonly tableName: (t: Table) => DbmlName
  readonly typeOf: (t: ColumnType) => DbmlName
  /** Schema-qualified name for messages. */
  readonly where: (t: Table) => string
}

/** Undefined when DBML cannot hold the table at all (no columns left). */
export function mapTable(t: Table, ctx: TableContext): DbmlTable | undefined {
  const { names, report, losses } = ctx
  const qualified = ctx.where(t)
  const at = (where: string, extra: Partial<DiagnosticTarget> = {}) => ({ where, target: { tableId: t.id, table: qualified, ...extra } })
  const tablePlace = () => at(qualified)
  const keyPlace = (k: { id: ConstraintId }) => () => at(names.constraints.get(k.id)!, { constraintId: k.id, constraint: names.constraints.get(k.id)! })
  const columns = t.columns.filter((c) => !report.skipColumns.has(c.id))
  if (columns.length === 0) {
    losses.add('empty-tables', tablePlace)
    return undefined
  }
  const colName = (id: string) => findColumn(t, id as never)?.name ?? '?'
  // An explicit name, or a generated one that PostgreSQL would not give by itself (it avoided a
  // clash): such names must be written, or a round trip would not give them back.
  const nameOf = (k: PrimaryKey | UniqueConstraint) => (k.name !== undefined || names.numbered.has(k.id) ? names.constraints.get(k.id) : undefined)
  const indexName = (i: Index) => (i.name !== undefined || names.numbered.has(i.id) ? names.indexes.get(i.id) : undefined)
  const plainKey = (k: PrimaryKey | UniqueConstraint) => k.columns.length === 1 && nameOf(k) === undefined && !k.comment

  const pk = t.primaryKey && !report.skipConstraints.has(t.primaryKey.id) ? t.primaryKey : undefined
  const uniques = t.uniques.filter((u) => !report.skipConstraints.has(u.id))
  const pkColumn = pk && plainKey(pk) ? pk.columns[0] : undefined
  const uniqueColumns = new Set<string>()
  const indexes: DbmlIndex[] = []
  const keyNote = (k: PrimaryKey | UniqueConstraint) => noteOf(k.comment, () => losses.add('note-indentation', keyPlace(k)))
  if (pk && pkColumn === undefined) indexes.push(keyIndex(pk.columns.map(colName), { pk: true }, nameOf(pk), keyNote(pk)))
  for (const u of uniques) {
    if (u.nullsNotDistinct) losses.add('nulls-not-distinct', keyPlace(u))
    if (plainKey(u) && !u.nullsNotDistinct && !uniqueColumns.has(u.columns[0]!)) uniqueColumns.add(u.columns[0]!)
    else {
      losses.add('unique-constraints', keyPlace(u))
      indexes.push(keyIndex(u.columns.map(colName), { unique: true }, nameOf(u), keyNote(u)))
    }
  }

  const mapped = columns.map((c) =>
    mapColumn(c, { pk: c.id === pkColumn, unique: uniqueColumns.has(c.id) }, ctx, () => at(`${qualified}.${c.name}`, { columnId: c.id, column: c.name })),
  )

  for (const i of t.indexes) {
    if (report.skipIndexes.has(i.id)) continue
    const place = () => at(names.indexes.get(i.id)!, { indexId: i.id, index: names.indexes.get(i.id)! })
    const index = mapIndex(i, colName, indexName(i), (kind) => losses.add(kind, place))
    if (index) indexes.push(index)
  }

  const checks = t.checks.flatMap((c) => {
    if (report.skipConstraints.has(c.id)) return []
    const place = keyPlace(c)
    if (c.noInherit) losses.add('check-options', place)
    if (c.comment) losses.add('comments', place)
    if (c.expression.includes('`')) return losses.add('backticks', place), []
    return [{ expression: c.expression, name: c.name }]
  })

  if (t.partitionBy || t.unlogged) losses.add('table-options', tablePlace)
  const note = noteOf(t.comment, () => losses.add('note-indentation', tablePlace))
  return { name: ctx.tableName(t), columns: mapped, indexes, checks, ...(note !== undefined ? { note } : {}) }
}

function keyIndex(columns: string[], kind: { pk?: true; unique?: true }, name: string | undefined, note: string | undefined): DbmlIndex {
  return { keys: columns.map((name) => ({ kind: 'column', name })), ...kind, ...(name !== undefined ? { name } : {}), ...(note ? { note } : {}) }
}

function mapColumn(c: Column, keys: { pk: boolean; unique: boolean }, ctx: TableContext, place: LossPlace): DbmlColumn {
  const { losses } = ctx
  if (c.identity === 'always') losses.add('identity-always', place)
  if (c.generated !== undefined) losses.add('generated', place)
  if (c.collation) losses.add('collations', place)
  const note = noteOf(c.comment, () => losses.add('note-indentation', place))
  let value: DbmlValue | undefined
  if (c.default) {
    value = defaultValue(c.default, c.type)
    if (value.kind === 'expression' && value.sql.includes('`')) {
      losses.add('backticks', place)
      value = undefined
    }
  }
  return {
    name: c.name,
    type: ctx.typeOf(c.type),
    ...(keys.pk ? { pk: true } : {}),
    ...(c.nullable ? {} : { notNull: true }),
    ...(keys.unique ? { unique: true } : {}),
    ...(c.identity ? { increment: true } : {}),
    ...(value ? { default: value } : {}),
    ...(note !== undefined ? { note } : {}),
  }
}

const numericTypes = new Set(['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision'])

/**
 * Constants become DBML numbers or booleans only where reading them back gives the same text
 * (`9007199254740993` or `0.5000` would not survive a JavaScript number); all others stay strings.
 */
function defaultValue(d: ColumnDefault, type: ColumnType): DbmlValue {
  if (d.kind === 'expression') return { kind: 'expression', sql: d.sql }
  const scalar = type.arrayDims === 0 && type.kind === 'builtin'
  if (scalar && numericTypes.has(storageTypeName(type)) && /^-?\d+(\.\d+)?$/.test(d.value) && String(Number(d.value)) === d.value)
    return { kind: 'number', text: d.value }
  if (scalar && type.name === 'boolean' && (d.value === 'true' || d.value === 'false')) return { kind: 'boolean', value: d.value === 'true' }
  return { kind: 'string', value: d.value }
}

type IndexLoss = 'backticks' | 'partial-indexes' | 'partial-unique-indexes' | 'index-key-options' | 'index-include' | 'nulls-not-distinct' | 'note-indentation'

function mapIndex(i: Index, colName: (id: string) => string, name: string | undefined, lose: (kind: IndexLoss) => void): DbmlIndex | undefined {
  if (i.keys.some((k) => k.kind === 'expression' && k.sql.includes('`'))) return lose('backticks'), undefined
  if (i.where !== undefined && i.unique) return lose('partial-unique-indexes'), undefined
  if (i.where !== undefined) lose('partial-indexes')
  if (i.include.length) lose('index-include')
  if (i.nullsNotDistinct) lose('nulls-not-distinct')
  // PostgreSQL's default null order (last ascending, first descending) written out is no option.
  if (i.keys.some((k) => k.order === 'desc' || (k.nulls !== undefined && k.nulls !== 'last') || k.opclass || k.collation)) lose('index-key-options')
  const note = noteOf(i.comment, () => lose('note-indentation'))
  const keys = i.keys.map((k): DbmlIndexKey => (k.kind === 'column' ? { kind: 'column', name: colName(k.columnId) } : { kind: 'expression', sql: k.sql }))
  return {
    keys,
    ...(i.unique ? { unique: true } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(i.method !== 'btree' ? { type: i.method } : {}),
    ...(note !== undefined ? { note } : {}),
  }
}
