/**
 * Keys, uniques, checks and foreign keys, from CREATE TABLE and ALTER TABLE alike. Each gets the
 * name PostgreSQL would give it at this point of the file (numbered past names already taken in
 * its schema); names equal to the default are dropped at the end, so they follow renames.
 */
import type { Constraint } from 'libpg-query'
import type { ColumnId } from '../../model/ids.ts'
import { joinNameParts } from '../../model/names.ts'
import type { Deferrable, FkAction, ForeignKey } from '../../model/schema.ts'
import { names, rangeVarName } from './ast.ts'
import { parenBody, referencedColumns } from './expressions.ts'
import type { DraftTable, ImportState, Mutable, StatementContext } from './state.ts'
import { Rejected } from './state.ts'

export function columnIds(table: DraftTable, columns: readonly string[], byte?: number): ColumnId[] {
  return columns.map((name) => {
    const c = table.columns.find((x) => x.name === name)
    if (!c) throw new Rejected(`column "${name}" does not exist in table "${table.name}"`, byte)
    return c.id
  })
}

function columnNames(table: DraftTable, ids: readonly ColumnId[]): string[] {
  return ids.map((id) => table.columns.find((c) => c.id === id)?.name ?? '?')
}

function deferrable(c: Constraint): Deferrable | undefined {
  if (!c.deferrable) return undefined
  return c.initdeferred ? 'initially deferred' : 'initially immediate'
}

function warnUnenforced(ctx: StatementContext, c: Constraint, what: string): void {
  if (c.is_enforced === false && (c.contype === 'CONSTR_CHECK' || c.contype === 'CONSTR_FOREIGN'))
    ctx.report('warning', 'sql-unsupported', `NOT ENFORCED is not part of the model: ${what} is imported as enforced.`, c.location)
}

export function addCheck(ctx: StatementContext, table: DraftTable, c: Constraint): void {
  const expression = parenBody(ctx.source, c.location)
  if (expression === undefined) throw new Rejected('cannot read the CHECK expression', c.location)
  const { state } = ctx
  let name = c.conname
  if (name === undefined) {
    // PostgreSQL names a check after its column when the expression uses exactly one.
    const cols = referencedColumns(c.raw_expr).filter((n) => table.columns.some((x) => x.name === n))
    name = state.chooseConstraintName(table.namespaceId, table.name, cols.length === 1 ? cols[0] : undefined, 'check')
  } else if (table.checks.some((x) => x.name === name)) {
    throw new Rejected(`constraint "${name}" for relation "${table.name}" already exists`, c.location)
  }
  warnUnenforced(ctx, c, `check "${name}"`)
  table.checks.push({ kind: 'check', id: state.ids.next('constraint'), name, expression, ...(c.is_no_inherit ? { noInherit: true } : {}) })
  state.constraints(table.namespaceId).add(name)
}

export function addNotNull(table: DraftTable, columns: readonly string[], byte?: number): void {
  for (const id of columnIds(table, columns, byte)) table.columns.find((c) => c.id === id)!.nullable = false
}

/** PRIMARY KEY or UNIQUE; `columns` is set for a column constraint (`id int PRIMARY KEY`). */
export function addKey(ctx: StatementContext, table: DraftTable, c: Constraint, column?: string): void {
  const { state } = ctx
  const primary = c.contype === 'CONSTR_PRIMARY'
  if (c.indexname) return keyFromIndex(ctx, table, c)
  const ids = columnIds(table, column !== undefined ? [column] : names(c.keys), c.location)
  const what = primary ? 'primary key' : 'unique constraint'
  if (c.including?.length) ctx.report('warning', 'sql-unsupported', `INCLUDE columns of a ${what} are not part of the model; they were left out.`, c.location)
  if (deferrable(c)) ctx.report('warning', 'sql-unsupported', `A deferrable ${what} is not part of the model; it is imported as not deferrable.`, c.location)
  if (primary && table.primaryKey) throw new Rejected(`multiple primary keys for table "${table.name}" are not allowed`, c.location)
  const name = c.conname ?? state.chooseRelationName(table.namespaceId, table.name, primary ? undefined : joinNameParts(columnNames(table, ids)), primary ? 'pkey' : 'key', true)
  if (state.relations(table.namespaceId).has(name)) throw new Rejected(`relation "${name}" already exists`, c.location)
  const id = state.ids.next('constraint')
  if (primary) {
    table.primaryKey = { kind: 'primaryKey', id, name, columns: ids }
    for (const col of table.columns) if (ids.includes(col.id)) col.nullable = false
  } else {
    table.uniques.push({ kind: 'unique', id, name, columns: ids, ...(c.nulls_not_distinct ? { nullsNotDistinct: true } : {}) })
  }
  state.relations(table.namespaceId).add(name)
  state.constraints(table.namespaceId).add(name)
}

/** `ADD CONSTRAINT name PRIMARY KEY USING INDEX idx`: the index becomes the constraint's. */
function keyFromIndex(ctx: StatementContext, table: DraftTable, c: Constraint): void {
  const { state } = ctx
  const index = table.indexes.find((i) => i.name === c.indexname)
  if (!index) throw new Rejected(`index "${c.indexname}" does not exist on table "${table.name}"`, c.location)
  if (!index.unique || index.where !== undefined || index.keys.some((k) => k.kind !== 'column' || k.order || k.nulls))
    throw new Rejected(`index "${c.indexname}" cannot back a constraint (it must be a plain unique index)`, c.location)
  const ids = index.keys.map((k) => (k.kind === 'column' ? k.columnId : ('' as ColumnId)))
  const name = c.conname ?? index.name!
  table.indexes = table.indexes.filter((i) => i !== index)
  state.relations(table.namespaceId).delete(index.name!)
  if (c.contype === 'CONSTR_PRIMARY') {
    if (table.primaryKey) throw new Rejected(`multiple primary keys for table "${table.name}" are not allowed`, c.location)
    table.primaryKey = { kind: 'primaryKey', id: state.ids.next('constraint'), name, columns: ids }
    for (const col of table.columns) if (ids.includes(col.id)) col.nullable = false
  } else {
    table.uniques.push({ kind: 'unique', id: state.ids.next('constraint'), name, columns: ids, ...(index.nullsNotDistinct ? { nullsNotDistinct: true } : {}) })
  }
  state.relations(table.namespaceId).add(name)
  state.constraints(table.namespaceId).add(name)
}

const actions: Record<string, FkAction | undefined> = { a: undefined, r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' }

export function addForeignKey(ctx: StatementContext, table: DraftTable, c: Constraint, column?: string): void {
  const { state } = ctx
  const ids = columnIds(table, column !== undefined ? [column] : names(c.fk_attrs), c.location)
  const name = c.conname ?? state.chooseConstraintName(table.namespaceId, table.name, joinNameParts(columnNames(table, ids)), 'fkey')
  if (c.conname !== undefined && table.foreignKeys.some((f) => f.name === name))
    throw new Rejected(`constraint "${name}" for relation "${table.name}" already exists`, c.location)
  if (c.fk_matchtype === 'p') ctx.report('warning', 'sql-unsupported', 'MATCH PARTIAL is not part of the model; the foreign key is imported as MATCH SIMPLE.', c.location)
  if (c.fk_del_set_cols?.length)
    ctx.report('warning', 'sql-unsupported', 'ON DELETE SET NULL/DEFAULT with a column list is not part of the model; it applies to all columns here.', c.location)
  if (c.fk_with_period || c.pk_with_period) ctx.report('warning', 'sql-unsupported', 'PERIOD foreign keys are not part of the model; imported as a plain foreign key.', c.location)
  warnUnenforced(ctx, c, `foreign key "${name}"`)
  const onDelete = actions[c.fk_del_action ?? 'a']
  const onUpdate = actions[c.fk_upd_action ?? 'a']
  const defer = deferrable(c)
  const fk: Mutable<ForeignKey> = {
    kind: 'foreignKey',
    id: state.ids.next('constraint'),
    name,
    columns: ids,
    target: { tableId: table.id, columns: [] },
    ...(onDelete ? { onDelete } : {}),
    ...(onUpdate ? { onUpdate } : {}),
    ...(c.fk_matchtype === 'f' ? { match: 'full' as const } : {}),
    ...(defer ? { deferrable: defer } : {}),
  }
  const targetName = rangeVarName(c.pktable)
  const targetColumns = c.pk_attrs?.length ? names(c.pk_attrs) : undefined
  const target = state.findTable(targetName)
  if (target) {
    fk.target = { tableId: target.id, columns: targetColumnIds(target, targetColumns, ids.length, c.location) }
  } else {
    const other = state.findOtherRelation(targetName)
    if (other) {
      ctx.report('warning', 'sql-unsupported', `Foreign key "${name}" references ${other} "${targetName.name}", which is not part of the model; it was left out.`, c.location)
      return
    }
    // Tolerate forward references (PostgreSQL would not): resolved once the whole file is read.
    state.pending.push({ table, fk, schemas: state.schemasFor(targetName), name: targetName.name, ...(targetColumns ? { columns: targetColumns } : {}), location: ctx.at(c.location) })
  }
  table.foreignKeys.push(fk)
  state.constraints(table.namespaceId).add(name)
}

export function targetColumnIds(target: DraftTable, columns: readonly string[] | undefined, count: number, byte?: number): ColumnId[] {
  let ids: ColumnId[]
  if (columns) ids = columnIds(target, columns, byte)
  else if (target.primaryKey) ids = [...target.primaryKey.columns]
  else throw new Rejected(`there is no primary key for referenced table "${target.name}"`, byte)
  if (ids.length !== count) throw new Rejected('number of referencing and referenced columns for foreign key disagree', byte)
  return ids
}

/** Resolves foreign keys declared before their target table; drops those whose target never came. */
export function resolvePending(state: ImportState): void {
  for (const p of state.pending) {
    let target
    for (const s of p.schemas) {
      const ns = state.namespace(s)
      target = ns && state.tableIn(ns.id, p.name)
      if (target) break
    }
    const drop = (why: string) => {
      p.table.foreignKeys = p.table.foreignKeys.filter((f) => f !== p.fk)
      state.report('warning', 'sql-unresolved', `Foreign key "${p.fk.name}" on "${p.table.name}" was left out: ${why}.`, p.location)
    }
    if (!target) {
      drop(`the referenced table "${p.name}" is not defined in this file`)
      continue
    }
    try {
      p.fk.target = { tableId: target.id, columns: targetColumnIds(target, p.columns, p.fk.columns.length) }
    } catch (e) {
      drop((e as Error).message)
    }
  }
}
