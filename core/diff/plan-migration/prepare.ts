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
  for (const c of ctx.changes) {
    if ('tableId' in c) ctx.touchedTables.add(c.tableId)
    if ('enumId' in c) ctx.touchedEnums.add(c.enumId)
    if (c.kind === 'tablePartitioningChanged') ctx.recreatedTables.add(c.tableId)
    else if (c.kind === 'enumValueRemoved' || c.kind === 'enumValuesReordered') ctx.swappedEnums.add(c.enumId)
    else if (c.kind === 'columnRetyped' && ctx.existing(c.tableId)) ctx.convertedColumns.add(c.columnId)
    else if (c.kind === 'columnGeneratedChanged' && ctx.existing(c.tableId) && c.to !== undefined && (c.from === undefined || ctx.options.postgresVersion < 17))
      // A regular column cannot become generated in place, and before PostgreSQL 17 a generated
      // expression cannot change: the column is dropped and added again (its values are computed).
      ctx.recreatedColumns.add(c.columnId)
  }
  // Every column of a swapped enum is converted to the new type.
  if (ctx.swappedEnums.size > 0)
    for (const tb of b.tables) {
      if (!ctx.existing(tb.id)) continue
      for (const cb of tb.columns) {
        if (cb.type.kind !== 'enum' || !ctx.swappedEnums.has(cb.type.enumId)) continue
        const ca = ctx.columnA(tb.id, cb.id)
        if (ca && ca.type.kind === 'enum' && ca.type.enumId === cb.type.enumId) (ctx.convertedColumns.add(cb.id), ctx.touchedTables.add(tb.id))
      }
    }

  // Keys, checks and indexes on a column that is dropped and added again go with it.
  const withRecreated = new Set<string>()
  for (const c of ctx.changes) if (c.kind === 'columnGeneratedChanged' && ctx.recreatedColumns.has(c.columnId)) withRecreated.add(c.tableId)
  for (const id of withRecreated) {
    const tb = ctx.tableB(id as never)
    const touched = (ids: readonly string[]) => ids.some((x) => ctx.recreatedColumns.has(x as never))
    for (const c of constraintsOf(tb)) {
      if (!ctx.constraintA(tb.id, c.id) || ctx.find('constraintChanged', c.id)) continue
      // A check's expression may name the column; which, only PostgreSQL knows for sure.
      if (c.kind === 'check' || touched(c.columns)) ctx.rebuilt.add(c.id)
    }
    for (const i of tb.indexes) {
      if (!ctx.indexA(tb.id, i.id) || ctx.find('indexChanged', i.id)) continue
      const cols = [...i.keys.flatMap((k) => (k.kind === 'column' ? [k.columnId] : [])), ...i.include]
      if (touched(cols) || i.where !== undefined || i.keys.some((k) => k.kind === 'expression')) ctx.rebuilt.add(i.id)
    }
  }

  // A changed primary key whose old columns may become nullable goes first: PostgreSQL refuses
  // DROP NOT NULL on a column of a primary key.
  for (const c of ctx.all('constraintChanged')) {
    if (c.before.kind !== 'primaryKey' || !ctx.existing(c.tableId)) continue
    if (c.before.columns.some((id) => ctx.find('columnNullabilityChanged', id)?.nullable)) ctx.droppedEarly.add(c.before.id)
  }

  // Foreign keys: in their old form they depend on their columns' types and on the key they use.
  // Only those at a table something happens to can be affected.
  for (const ta of a.tables) {
    if (ta.foreignKeys.length === 0 || !ctx.existing(ta.id)) continue
    const inB = ctx.ib.tables.get(ta.id)!
    for (const fk of ta.foreignKeys) {
      if (!ctx.touchedTables.has(ta.id) && !ctx.touchedTables.has(fk.target.tableId)) continue
      if (!inB.foreignKeys.some((f) => f.id === fk.id)) continue // removed: dropped first anyway
      if (!fkDependencyChanges(ctx, ta, fk)) continue
      if (ctx.find('constraintChanged', fk.id)) ctx.droppedEarly.add(fk.id)
      else ctx.rebuilt.add(fk.id)
      ctx.touchedTables.add(ta.id)
    }
  }

  fillNames(ctx, a)
  // Temporary names are "_cf_tmp_<n>": only names of that shape could collide with one.
  const note = (n: string) => n.startsWith('_cf_') && ctx.reserved.add(n)
  for (const n of b.namespaces) note(n.name)
  for (const e of b.enums) note(e.name)
  for (const t of b.tables) {
    note(t.name)
    for (const c of t.columns) note(c.name)
  }
  for (const n of ctx.nb.constraints.values()) note(n)
  for (const n of ctx.nb.indexes.values()) note(n)
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
  // Only what something happens to: an untouched object keeps a name no other object of the new
  // design takes (the structural check ensures it), so it can never stand in the way.
  for (const n of a.namespaces) state.add(n.id, scopes.namespace(), n.name)
  for (const e of a.enums) {
    state.add(e.id, scopes.enumType(e.namespaceId), e.name)
    if (ctx.touchedEnums.has(e.id)) for (const v of e.values) state.add(v.id, scopes.label(e.id), v.name)
  }
  for (const t of a.tables) {
    if (!ctx.touchedTables.has(t.id)) continue
    state.add(t.id, scopes.table(t.namespaceId), t.name)
    for (const c of t.columns) state.add(c.id, scopes.column(t.id), c.name)
    for (const c of constraintsOf(t)) state.add(c.id, constraintScopes(c, t.namespaceId, t.id), ctx.na.constraints.get(c.id)!)
    for (const i of t.indexes) state.add(i.id, scopes.index(t.namespaceId), ctx.na.indexes.get(i.id)!)
  }
}
