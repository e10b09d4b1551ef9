/**
 * Phase 2: every kept object gets its new name and schema. Schemas first (then new schemas are
 * created), then moves between schemas, then all other renames in an order where each target name
 * is free, with swaps through temporary names. Finally the names of objects still to be created are
 * made free: anything doomed that holds one steps aside.
 */
import type { TableId } from '../../model/ids.ts'
import { constraintsOf } from '../../model/queries.ts'
import type { DdlStatement } from '../../sql/ddl.ts'
import type { Change } from '../changes.ts'
import { constraintScopes, type PlanContext, scopes } from './context.ts'
import { type RenameItem, reserveName, type ScheduledRename, scheduleRenames } from './names.ts'
import type { Hazard } from './types.ts'

/** A foreign key whose only change is its timing: altered in place, no re-validation. */
export function deferrableOnly(change: Change | undefined): boolean {
  return change?.kind === 'constraintChanged' && change.after.kind === 'foreignKey' && change.fields.every((f) => f === 'deferrable')
}

export function planRenames(ctx: PlanContext): void {
  const { b, state } = ctx
  for (const c of ctx.all('enumRemoved')) ctx.doomed.add(c.enumId)
  for (const c of ctx.all('namespaceRemoved')) ctx.doomed.add(c.namespace.id)
  for (const c of ctx.all('constraintChanged')) if (!deferrableOnly(c) && state.has(c.after.id)) ctx.doomed.add(c.after.id)
  for (const c of ctx.all('indexChanged')) ctx.doomed.add(c.after.id)

  // Enums replaced by a new type: the old one steps aside for good and is dropped at the end.
  for (const id of ctx.swappedEnums) {
    const e = ctx.ia.enums.get(id)!
    const temp = state.tempName(scopes.enumType(e.namespaceId), ctx.reserved)
    ctx.step({
      summary: `Rename enum ${e.name} out of the way: a new type with its new labels takes its place`,
      changeIds: [],
      statements: [{ kind: 'renameEnum', name: { namespace: state.nameOf(e.namespaceId)!, name: e.name }, to: temp }],
      transaction: 'shared',
      objectIds: [e.id],
      existing: false,
    })
    state.remove(e.id)
    for (const v of e.values) state.remove(v.id)
    state.add(`${id}#old`, scopes.enumType(e.namespaceId), temp)
    ctx.doomed.add(`${id}#old`)
  }

  // Schemas.
  const nsItems = b.namespaces.filter((n) => ctx.ia.namespaces.has(n.id)).map((n) => ({ id: n.id, to: n.name }))
  emit(ctx, scheduleRenames(state, nsItems, ctx.doomed, ctx.reserved))
  for (const n of b.namespaces) {
    if (ctx.ia.namespaces.has(n.id)) continue
    emit(ctx, reserveName(state, scopes.namespace(), n.name, ctx.doomed, ctx.reserved))
    if (n.name !== 'public')
      ctx.step({
        summary: `Create schema ${n.name}`,
        changeIds: ctx.idsOf(`namespaceAdded:${n.id}`),
        statements: [{ kind: 'createSchema', name: n.name }],
        transaction: 'shared',
        objectIds: [n.id],
        existing: false,
      })
    else ctx.step({ summary: 'Create schema public', changeIds: ctx.idsOf(`namespaceAdded:${n.id}`), statements: [{ kind: 'createSchema', name: n.name, ifNotExists: true }], transaction: 'shared', objectIds: [n.id], existing: false })
    state.add(n.id, scopes.namespace(), n.name)
  }

  planMoves(ctx)

  // Everything else.
  const items: RenameItem[] = []
  for (const e of b.enums) {
    if (!ctx.ia.enums.has(e.id) || ctx.swappedEnums.has(e.id)) continue
    items.push({ id: e.id, to: e.name })
    for (const v of e.values) if (state.has(v.id)) items.push({ id: v.id, to: v.name })
  }
  for (const t of b.tables) {
    if (!ctx.existing(t.id) || !ctx.touchedTables.has(t.id)) continue
    items.push({ id: t.id, to: t.name })
    for (const c of t.columns) if (state.has(c.id)) items.push({ id: c.id, to: c.name })
    for (const c of constraintsOf(t)) if (state.has(c.id) && !ctx.doomed.has(c.id)) items.push({ id: c.id, to: ctx.nb.constraints.get(c.id)! })
    for (const i of t.indexes) if (state.has(i.id) && !ctx.doomed.has(i.id)) items.push({ id: i.id, to: ctx.nb.indexes.get(i.id)! })
  }
  emit(ctx, scheduleRenames(state, items, ctx.doomed, ctx.reserved))

  // Names the objects still to be created will take.
  const reserve = (scopeList: readonly string[], name: string, self?: string) =>
    emit(ctx, reserveName(state, scopeList, name, ctx.doomed, ctx.reserved, self))
  for (const e of b.enums) if (!ctx.ia.enums.has(e.id) || ctx.swappedEnums.has(e.id)) reserve(scopes.enumType(e.namespaceId), e.name)
  for (const t of b.tables) {
    if (!ctx.touchedTables.has(t.id)) continue
    const created = ctx.created(t.id)
    if (created) reserve(scopes.table(t.namespaceId), t.name)
    for (const c of t.columns) if (created || !state.has(c.id)) reserve(scopes.column(t.id), c.name)
    for (const c of constraintsOf(t)) if (created || !state.has(c.id) || ctx.doomed.has(c.id)) reserve(constraintScopes(c, t.namespaceId, t.id), ctx.nb.constraints.get(c.id)!, c.id)
    for (const i of t.indexes) if (created || !state.has(i.id) || ctx.doomed.has(i.id)) reserve(scopes.index(t.namespaceId), ctx.nb.indexes.get(i.id)!, i.id)
  }
}

/** Tables and enums that change schema: SET SCHEMA, stepping aside first where the name is taken there. */
function planMoves(ctx: PlanContext): void {
  const { state } = ctx
  for (const c of ctx.all('tableMoved')) {
    if (!ctx.existing(c.tableId)) continue
    const ta = ctx.tableA(c.tableId)
    const tb = ctx.tableB(c.tableId)
    const target = scopes.table(tb.namespaceId)
    if (state.blockers(target, state.nameOf(ta.id)!, ta.id).length > 0) emit(ctx, [temp(ctx, ta.id)])
    // Indexes (those of keys too) move with their table and must be free there as well.
    const related = [...constraintsOf(ta).filter((k) => k.kind === 'primaryKey' || k.kind === 'unique'), ...ta.indexes].map((x) => x.id).filter((id) => state.has(id))
    for (const id of related) if (state.blockers([`rel:${tb.namespaceId}`], state.nameOf(id)!, id).length > 0) emit(ctx, [temp(ctx, id)])
    ctx.step({
      summary: `Move table ${ta.name} to schema ${ctx.nsB(tb.namespaceId)}`,
      changeIds: [c.id],
      statements: [{ kind: 'setTableSchema', name: { namespace: state.nameOf(ta.namespaceId)!, name: state.nameOf(ta.id)! }, to: ctx.nsB(tb.namespaceId) }],
      transaction: 'shared',
      hazards: [{ kind: 'breaks-clients', message: `Clients that name "${c.from}.${ta.name}" fail.` }],
      objectIds: [ta.id],
      existing: true,
    })
    state.move(ta.id, target)
    for (const id of related) state.move(id, id === ta.primaryKey?.id || ta.uniques.some((u) => u.id === id) ? scopes.keyConstraint(tb.namespaceId, ta.id) : scopes.index(tb.namespaceId))
  }
  for (const c of ctx.all('enumMoved')) {
    if (ctx.swappedEnums.has(c.enumId)) continue
    const ea = ctx.ia.enums.get(c.enumId)!
    const eb = ctx.ib.enums.get(c.enumId)!
    const target = scopes.enumType(eb.namespaceId)
    if (state.blockers(target, state.nameOf(ea.id)!, ea.id).length > 0) emit(ctx, [temp(ctx, ea.id)])
    ctx.step({
      summary: `Move enum ${ea.name} to schema ${ctx.nsB(eb.namespaceId)}`,
      changeIds: [c.id],
      statements: [{ kind: 'setEnumSchema', name: { namespace: state.nameOf(ea.namespaceId)!, name: state.nameOf(ea.id)! }, to: ctx.nsB(eb.namespaceId) }],
      transaction: 'shared',
      objectIds: [ea.id],
      existing: false,
    })
    state.move(ea.id, target)
  }
}

function temp(ctx: PlanContext, id: string): ScheduledRename {
  const from = ctx.state.nameOf(id)!
  const to = ctx.state.tempName(ctx.state.scopesOf(id), ctx.reserved)
  ctx.state.rename(id, to)
  return { id, from, to, temporary: true }
}

interface Located {
  readonly kind: 'namespace' | 'table' | 'column' | 'constraint' | 'index' | 'enum' | 'label' | 'oldEnum'
  readonly tableId?: TableId
  readonly parentId?: string
}

/** What an id in the name state is, and which table or enum it belongs to. */
function locate(ctx: PlanContext, id: string): Located {
  if (id.endsWith('#old')) return { kind: 'oldEnum', parentId: id.slice(0, -4) }
  const { ia, ib } = ctx
  if (ia.namespaces.has(id as never) || ib.namespaces.has(id as never)) return { kind: 'namespace' }
  if (ia.enums.has(id as never) || ib.enums.has(id as never)) return { kind: 'enum' }
  if (ia.tables.has(id as never)) return { kind: 'table', tableId: id as TableId }
  for (const e of ctx.a.enums) if (e.values.some((v) => v.id === id)) return { kind: 'label', parentId: e.id }
  const owner = ctx.state.scopesOf(id).find((s) => s.startsWith('col:') || s.startsWith('con:'))
  if (owner?.startsWith('col:')) return { kind: 'column', tableId: owner.slice(4) as TableId }
  if (owner?.startsWith('con:')) return { kind: 'constraint', tableId: owner.slice(4) as TableId }
  const t = ctx.a.tables.find((x) => x.indexes.some((i) => i.id === id))
  return { kind: 'index', tableId: t?.id }
}

/** Turns scheduled renames into steps (the state already holds the new names). */
function emit(ctx: PlanContext, renames: readonly ScheduledRename[]): void {
  const { state } = ctx
  for (const r of renames) {
    const where = locate(ctx, r.id)
    const tableName = (id: TableId) => {
      const nsId = state.scopesOf(id)[0]!.slice(4)
      return { namespace: state.nameOf(nsId)!, name: state.nameOf(id)! }
    }
    const original = ctx.oldNames.get(r.id) ?? r.from
    let statement: DdlStatement
    let what: string
    let changeId: string | undefined
    const hazards: Hazard[] = []
    switch (where.kind) {
      case 'namespace':
        statement = { kind: 'renameSchema', name: r.from, to: r.to }
        what = `schema ${r.from}`
        changeId = `namespaceRenamed:${r.id}`
        break
      case 'table': {
        const nsId = state.scopesOf(r.id)[0]!.slice(4)
        statement = { kind: 'renameTable', name: { namespace: state.nameOf(nsId)!, name: r.from }, to: r.to }
        what = `table ${r.from}`
        changeId = `tableRenamed:${r.id}`
        if (!r.temporary) hazards.push({ kind: 'breaks-clients', message: `Clients that use the table name "${original}" fail.` })
        break
      }
      case 'column':
        statement = { kind: 'renameColumn', table: tableName(where.tableId!), from: r.from, to: r.to }
        what = `column ${state.nameOf(where.tableId!)}.${r.from}`
        changeId = `columnRenamed:${r.id}`
        if (!r.temporary) hazards.push({ kind: 'breaks-clients', message: `Clients that use the column name "${original}" fail.` })
        break
      case 'constraint':
        statement = { kind: 'renameConstraint', table: tableName(where.tableId!), from: r.from, to: r.to }
        what = `constraint ${r.from}`
        changeId = `constraintRenamed:${r.id}`
        break
      case 'index': {
        const nsId = state.scopesOf(r.id)[0]!.slice(4)
        statement = { kind: 'renameIndex', name: { namespace: state.nameOf(nsId)!, name: r.from }, to: r.to }
        what = `index ${r.from}`
        changeId = `indexRenamed:${r.id}`
        break
      }
      case 'enum':
      case 'oldEnum': {
        const nsId = state.scopesOf(r.id)[0]!.slice(5)
        statement = { kind: 'renameEnum', name: { namespace: state.nameOf(nsId)!, name: r.from }, to: r.to }
        what = `enum ${r.from}`
        changeId = where.kind === 'enum' ? `enumRenamed:${r.id}` : undefined
        break
      }
      case 'label': {
        const e = ctx.ia.enums.get(where.parentId as never)!
        const nsId = state.scopesOf(e.id)[0]!.slice(5)
        statement = { kind: 'renameEnumValue', name: { namespace: state.nameOf(nsId)!, name: state.nameOf(e.id)! }, from: r.from, to: r.to }
        what = `value ${r.from} of enum ${state.nameOf(e.id)}`
        changeId = `enumValueRenamed:${r.id}`
        if (!r.temporary) hazards.push({ kind: 'breaks-clients', message: `Clients that write the label "${original}" fail.` })
        break
      }
    }
    const existing = where.tableId !== undefined && ctx.existing(where.tableId)
    ctx.step({
      summary: r.temporary ? `Rename ${what} to a temporary name (${r.to}), freeing its name` : `Rename ${what} to ${r.to}`,
      // A temporary name is part of the rename (or of the drop) it makes room for.
      changeIds: ctx.idsOf(changeId),
      statements: [statement],
      transaction: 'shared',
      hazards,
      objectIds: [r.id.replace(/#old$/, ''), ...(where.tableId ? [where.tableId] : [])],
      existing,
    })
  }
}
