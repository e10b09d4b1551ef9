/**
 * CREATE TABLE, in PostgreSQL's order: columns (inherited and LIKE ones in place), then the
 * constraints, named as PostgreSQL names them: checks first, then the primary key and the uniques
 * (a UNIQUE identical to an earlier key is merged into it, as PostgreSQL does), then foreign keys.
 */
import type { Constraint, CreateStmt, TableLikeClause } from 'libpg-query'
import type { Column } from '../../model/schema.ts'
import { isSerial } from '../../model/types.ts'
import { as, names, rangeVarName } from './ast.ts'
import type { QueuedConstraint } from './columns.ts'
import { foldAttributes, readColumn } from './columns.ts'
import { addCheck, addForeignKey, addKey, addNotNull } from './constraints.ts'
import { parenBody } from './expressions.ts'
import type { Outcome } from './outcome.ts'
import type { DraftTable, Mutable, StatementContext } from './state.ts'
import { Rejected } from './state.ts'

const likeComments = 1 << 0
const likeConstraints = 1 << 2
const likeDefaults = 1 << 3
const likeGenerated = 1 << 4
const likeIdentity = 1 << 5
const likeIndexes = 1 << 6

export function createTable(ctx: StatementContext, stmt: CreateStmt): Outcome {
  const { state } = ctx
  const rel = stmt.relation
  const name = rangeVarName(rel)
  if (rel?.relpersistence === 't') return { skipped: 'temporary tables are not part of a design' }
  const ns = state.creationNamespace(name.schema)
  const nsName = ns.name
  if (stmt.partbound) {
    const parent = as(stmt.inhRelations?.[0], 'RangeVar')
    state.otherRelations.set(`${nsName}.${name.name}`, 'partition')
    state.relations(ns.id).add(name.name)
    return { skipped: `"${name.name}" is a partition of "${parent?.relname ?? '?'}"; partitions are not part of the model (the partitioned table is)` }
  }
  if (stmt.ofTypename) return { skipped: 'typed tables (CREATE TABLE ... OF type) are not part of the model' }
  if (state.tableIn(ns.id, name.name) || state.relations(ns.id).has(name.name)) {
    if (stmt.if_not_exists) return { skipped: `relation "${name.name}" already exists (IF NOT EXISTS)` }
    throw new Rejected(`relation "${name.name}" already exists`, rel?.location)
  }

  const table: DraftTable = {
    id: state.ids.next('table'),
    namespaceId: ns.id,
    name: name.name,
    columns: [],
    uniques: [],
    checks: [],
    foreignKeys: [],
    indexes: [],
    ...(rel?.relpersistence === 'u' ? { unlogged: true } : {}),
  }
  const queued: QueuedConstraint[] = []
  for (const p of stmt.inhRelations ?? []) inherit(ctx, table, rangeVarName(as(p, 'RangeVar')), as(p, 'RangeVar')?.location)

  for (const element of stmt.tableElts ?? []) {
    const def = as(element, 'ColumnDef')
    const con = as(element, 'Constraint')
    const like = as(element, 'TableLikeClause')
    if (def) {
      const read = readColumn(ctx, table, def)
      const existing = table.columns.find((c) => c.name === read.column.name)
      if (existing && !stmt.inhRelations?.length) throw new Rejected(`column "${read.column.name}" specified more than once`, def.location)
      if (existing) Object.assign(existing, { ...read.column, id: existing.id, nullable: existing.nullable && read.column.nullable })
      else table.columns.push(read.column)
      queued.push(...read.queued.map((q) => (existing ? { ...q, column: existing.name } : q)))
    } else if (con) {
      queued.push(...foldAttributes([con]).map((constraint) => ({ constraint })))
    } else if (like) {
      copyLike(ctx, table, like)
    }
  }
  if (stmt.partspec) {
    const key = parenBody(ctx.source, stmt.partspec.location)
    const strategy = { PARTITION_STRATEGY_RANGE: 'range', PARTITION_STRATEGY_LIST: 'list', PARTITION_STRATEGY_HASH: 'hash' }[stmt.partspec.strategy ?? 'PARTITION_STRATEGY_RANGE'] as 'range'
    if (key === undefined) throw new Rejected('cannot read the partition key', stmt.partspec.location)
    table.partitionBy = { strategy, key }
  }
  // Sequences of serial and identity columns come first, named `<table>_<column>_seq` (numbered on clash).
  for (const c of table.columns) if (isSerial(c.type) || c.identity) state.addImplicitSequence(ns.id, state.chooseRelationName(ns.id, table.name, c.name, 'seq', false))

  state.addTable(table)
  try {
    addConstraints(ctx, table, queued)
  } catch (e) {
    state.removeTable(table)
    throw e
  }
  return 'imported'
}

/** Adds constraints in the order PostgreSQL creates (and so names) them. */
export function addConstraints(ctx: StatementContext, table: DraftTable, queued: readonly QueuedConstraint[]): void {
  const of = (type: Constraint['contype']) => queued.filter((q) => q.constraint.contype === type)
  for (const q of of('CONSTR_NOTNULL')) addNotNull(table, names(q.constraint.keys), q.constraint.location)
  for (const q of of('CONSTR_CHECK')) addCheck(ctx, table, q.constraint)
  for (const q of of('CONSTR_EXCLUSION'))
    ctx.report('warning', 'sql-unsupported', 'EXCLUDE constraints are not part of the model; this one was left out.', q.constraint.location)
  for (const q of mergeKeys([...of('CONSTR_PRIMARY'), ...of('CONSTR_UNIQUE')])) addKey(ctx, table, q.constraint, q.column)
  for (const q of of('CONSTR_FOREIGN')) addForeignKey(ctx, table, q.constraint, q.column)
}

/**
 * Inside CREATE TABLE, PostgreSQL builds one index for keys with the same columns and options:
 * a UNIQUE equal to the primary key or to an earlier UNIQUE is dropped, and lends its name to the
 * kept one if that one had none.
 */
function mergeKeys(keys: readonly QueuedConstraint[]): QueuedConstraint[] {
  const kept: QueuedConstraint[] = []
  const cols = (q: QueuedConstraint) => (q.column !== undefined ? [q.column] : names(q.constraint.keys)).join('\u0000')
  for (const q of keys) {
    const c = q.constraint
    const i = kept.findIndex((k) => {
      const p = k.constraint
      return !p.indexname && !c.indexname && cols(k) === cols(q) && !!p.nulls_not_distinct === !!c.nulls_not_distinct &&
        !!p.deferrable === !!c.deferrable && !!p.initdeferred === !!c.initdeferred && names(p.including).join() === names(c.including).join()
    })
    if (i < 0) kept.push(q)
    else if (kept[i]!.constraint.conname === undefined && c.conname !== undefined)
      kept[i] = { ...kept[i]!, constraint: { ...kept[i]!.constraint, conname: c.conname } }
  }
  return kept
}

/** INHERITS: the model has no inheritance, so the child gets copies of its parents' columns and checks. */
function inherit(ctx: StatementContext, table: DraftTable, parentName: ReturnType<typeof rangeVarName>, byte?: number): void {
  const parent = ctx.state.findTable(parentName)
  if (!parent) throw new Rejected(`relation "${parentName.name}" does not exist`, byte)
  for (const c of parent.columns) {
    const existing = table.columns.find((x) => x.name === c.name)
    if (existing) existing.nullable &&= c.nullable
    else table.columns.push(copyColumn(ctx, c, likeDefaults | likeGenerated))
  }
  for (const check of parent.checks)
    if (!check.noInherit && !table.checks.some((x) => x.name === check.name)) {
      table.checks.push({ ...check, id: ctx.state.ids.next('constraint') })
      ctx.state.constraints(table.namespaceId).add(check.name)
    }
  ctx.report('info', 'sql-approximated', `Table inheritance is not part of the model: "${table.name}" got copies of the columns and checks of "${parent.name}".`, byte)
}

function copyLike(ctx: StatementContext, table: DraftTable, like: TableLikeClause): void {
  const source = ctx.state.findTable(rangeVarName(like.relation))
  if (!source) throw new Rejected(`relation "${like.relation?.relname ?? '?'}" does not exist`, like.relation?.location)
  const options = like.options ?? 0
  for (const c of source.columns) {
    if (table.columns.some((x) => x.name === c.name)) throw new Rejected(`column "${c.name}" specified more than once`, like.relation?.location)
    table.columns.push(copyColumn(ctx, c, options))
  }
  if (options & likeConstraints)
    for (const check of source.checks) {
      table.checks.push({ ...check, id: ctx.state.ids.next('constraint') })
      ctx.state.constraints(table.namespaceId).add(check.name)
    }
  ctx.report('info', 'sql-copied-columns', `LIKE copied the columns of "${source.name}" into "${table.name}"; the model keeps no link between them.`, like.relation?.location)
  if (options & likeIndexes)
    ctx.report('warning', 'sql-unsupported', `LIKE ... INCLUDING INDEXES: the keys and indexes of "${source.name}" were not copied.`, like.relation?.location)
}

function copyColumn(ctx: StatementContext, c: Mutable<Column>, options: number): Mutable<Column> {
  const copy: Mutable<Column> = { id: ctx.state.ids.next('column'), name: c.name, type: isSerial(c.type) ? serialStorage(c.type) : c.type, nullable: c.nullable }
  if (c.collation) copy.collation = c.collation
  if (options & likeDefaults && c.default) copy.default = c.default
  if (options & likeGenerated && c.generated !== undefined) copy.generated = c.generated
  if (options & likeIdentity && c.identity) copy.identity = c.identity
  if (options & likeComments && c.comment !== undefined) copy.comment = c.comment
  return copy
}

/** A copied serial column is a plain integer column (its sequence stays with the original). */
function serialStorage(type: Column['type']): Column['type'] {
  const name = type.kind === 'builtin' ? ({ smallserial: 'smallint', serial: 'integer', bigserial: 'bigint' } as const)[type.name as 'serial'] : undefined
  return name ? { kind: 'builtin', name, arrayDims: 0 } : type
}
