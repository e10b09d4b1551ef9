/**
 * Before any step is written: which tables are recreated, which enums are swapped for a new type,
 * which columns change their stored values, and which unchanged keys, checks, indexes and foreign
 * keys must be dropped and created again because something they depend on changes. Then the name
 * state is filled with the old version's names.
 */
import type { ConstraintId, IndexId } from '../../model/ids.ts'
import { constraintsOf } from '../../model/queries.ts'
import type { Constraint, ForeignKey, Schema, Table } from '../../model/schema.ts'
import { constraintScopes, type PlanContext, scopes } from './context.ts'

export function prepare(ctx: PlanContext): void {
  const { a, b } = ctx
  for (const c of ctx.all('tablePartitioningChanged')) ctx.recreatedTables.add(c.tableId)
  for (const c of ctx.changes) if (c.kind === 'enumValueRemoved' || c.kind === 'enumValuesReordered') ctx.swappedEnums.add(c.enumId)

  for (const tb of b.tables) {
    if (!ctx.existing(tb.id)) continue
    const ta = ctx.tableA(tb.id)
    for (const cb of tb.columns) {
      const ca = ta.columns.find((c) => c.id === cb.id)
      if (!ca) continue
      if (ctx.find('columnRetyped', cb.id)) ctx.convertedColumns.add(cb.id)
      else if (cb.type.kind === 'enum' && ctx.swappedEnums.has(cb.type.enumId)) ctx.convertedColumns.add(cb.id)
      const g = ctx.find('columnGeneratedChanged', cb.id)
      // A regular column cannot become generated in place, and before PostgreSQL 17 a generated
      // expression cannot change: the column is dropped and added again (its values are computed).
      if (g && g.to !== undefined && (g.from === undefined || ctx.options.postgresVersion < 17)) ctx.recreatedColumns.add(cb.id)
    }
  }

  // Keys, checks and indexes on a column that is dropped and added again go with it.
  for (const tb of b.tables) {
    if (!ctx.existing(tb.id)) continue
    const touched = (ids: readonly string[]) => ids.some((id) => ctx.recreatedColumns.has(id as never))
    const anyRecreated = tb.columns.some((c) => ctx.recreatedColumns.has(c.id))
    for (const c of constraintsOf(tb)) {
      if (!ctx.constraintA(tb.id, c.id) || ctx.find('constraintChanged', c.id)) continue
      // A check's expression may name the column; which, only PostgreSQL knows for sure.
      if (c.kind === 'check' ? anyRecreated : touched(c.columns)) ctx.rebuilt.add(c.id)
    }
    for (const i of tb.indexes) {
      if (!ctx.indexA(tb.id, i.id) || ctx.find('indexChanged', i.id)) continue
      const cols = [...i.keys.flatMap((k) => (k.kind === 'column' ? [k.columnId] : [])), ...i.include]
      if (touched(cols) || (anyRecreated && (i.where !== undefined || i.keys.some((k) => k.kind === 'expression')))) ctx.rebuilt.add(i.id)
    }
  }

  // A changed primary key whose old columns may become nullable goes first: PostgreSQL refuses
  // DROP NOT NULL on a column of a primary key.
  for (const c of ctx.all('constraintChanged')) {
    if (c.before.kind !== 'primaryKey' || !ctx.existing(c.tableId)) continue
    if (c.before.columns.some((id) => ctx.find('columnNullabilityChanged', id)?.nullable)) ctx.droppedEarly.add(c.before.id)
  }

  // Foreign keys: in their old form they depend on their columns' types and on the key they use.
  for (const ta of a.tables) {
    for (const fk of ta.foreignKeys) {
      const inB = ctx.ib.tables.get(ta.id)
      const fkB = inB?.foreignKeys.find((f) => f.id === fk.id)
      const depends = fkDependencyChanges(ctx, ta, fk)
      if (!ctx.existing(ta.id)) continue
      if (!fkB) continue // removed: dropped first anyway
      const changed = ctx.find('constraintChanged', fk.id)
      if (changed) {
        if (depends) ctx.droppedEarly.add(fk.id)
      } else if (depends) ctx.rebuilt.add(fk.id)
    }
  }

  fillNames(ctx, a)
  for (const n of b.namespaces) ctx.reserved.add(n.name)
  for (const e of b.enums) ctx.reserved.add(e.name)
  for (const t of b.tables) {
    ctx.reserved.add(t.name)
    for (const c of t.columns) ctx.reserved.add(c.name)
  }
  for (const n of ctx.nb.constraints.values()) ctx.reserved.add(n)
  for (const n of ctx.nb.indexes.values()) ctx.reserved.add(n)
}

/** True when the old form of a foreign key depends on something the migration drops or converts. */
function fkDependencyChanges(ctx: PlanContext, child: Table, fk: ForeignKey): boolean {
  const parent = ctx.ia.tables.get(fk.target.tableId)
  if (!parent || !ctx.existing(parent.id) || !ctx.existing(child.id)) return true
  const cols = [...fk.columns, ...fk.target.columns]
  if (cols.some((id) => ctx.convertedColumns.has(id) || ctx.recreatedColumns.has(id) || ctx.find('columnRemoved', id))) return true
  // The foreign key uses whichever unique index of the parent has exactly its columns.
  const set = new Set(fk.target.columns)
  const sameSet = (ids: readonly string[]) => ids.length === set.size && ids.every((id) => set.has(id as never))
  const keys: Array<Constraint | { id: IndexId; columns: readonly string[] }> = [
    ...constraintsOf(parent).filter((c) => c.kind === 'primaryKey' || c.kind === 'unique'),
    ...parent.indexes.filter((i) => i.unique && i.where === undefined && i.keys.every((k) => k.kind === 'column')).map((i) => ({ id: i.id, columns: i.keys.map((k) => (k.kind === 'column' ? k.columnId : '')) })),
  ]
  for (const k of keys) {
    if (!('columns' in k) || !sameSet(k.columns)) continue
    const id = k.id
    if (
      ctx.find('constraintRemoved', id) ||
      ctx.find('constraintChanged', id) ||
      ctx.find('indexRemoved', id) ||
      ctx.find('indexChanged', id) ||
      ctx.rebuilt.has(id as ConstraintId | IndexId)
    )
      return true
  }
  return false
}

function fillNames(ctx: PlanContext, a: Schema): void {
  const state = {
    add(id: string, scopeList: readonly string[], name: string) {
      ctx.state.add(id, scopeList, name)
      ctx.oldNames.set(id, name)
    },
  }
  for (const n of a.namespaces) state.add(n.id, scopes.namespace(), n.name)
  for (const e of a.enums) {
    state.add(e.id, scopes.enumType(e.namespaceId), e.name)
    for (const v of e.values) state.add(v.id, scopes.label(e.id), v.name)
  }
  for (const t of a.tables) {
    state.add(t.id, scopes.table(t.namespaceId), t.name)
    for (const c of t.columns) state.add(c.id, scopes.column(t.id), c.name)
    for (const c of constraintsOf(t)) state.add(c.id, constraintScopes(c, t.namespaceId, t.id), ctx.na.constraints.get(c.id)!)
    for (const i of t.indexes) state.add(i.id, scopes.index(t.namespaceId), ctx.na.indexes.get(i.id)!)
  }
}
