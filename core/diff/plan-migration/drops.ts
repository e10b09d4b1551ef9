/**
 * Phase 1, under the old names: what goes away, dependents first. Foreign keys are dropped before
 * the keys, columns and tables they use (and re-added at the end when they stay); then keys,
 * checks and indexes; then columns; then tables.
 */
import { constraintsOf } from '../../model/queries.ts'
import type { Constraint, Index, Table } from '../../model/schema.ts'
import type { PlanContext } from './context.ts'

export function planDrops(ctx: PlanContext): void {
  const { a } = ctx
  // Foreign keys first.
  for (const t of a.tables) {
    if (!ctx.touchedTables.has(t.id)) continue
    for (const fk of t.foreignKeys) {
      const removed = ctx.find('constraintRemoved', fk.id)
      const tableGoes = ctx.dropped(t.id)
      const early = ctx.droppedEarly.has(fk.id) || ctx.rebuilt.has(fk.id)
      // A dropped table takes its own foreign keys along, unless another dropped table or a key
      // that is dropped first stands at the other end.
      const needed = tableGoes ? fk.target.tableId !== t.id && (ctx.dropped(fk.target.tableId) || targetKeyGoes(ctx, fk.target.tableId)) : removed !== undefined || early
      if (!needed) continue
      dropConstraint(ctx, t, fk, removed?.id, early ? 'to be added again once what it depends on has changed' : undefined)
    }
  }
  for (const t of a.tables) {
    if (!ctx.existing(t.id) || !ctx.touchedTables.has(t.id)) continue
    for (const c of constraintsOf(t)) {
      if (c.kind === 'foreignKey') continue
      const removed = ctx.find('constraintRemoved', c.id)
      const early = ctx.droppedEarly.has(c.id)
      if (removed || early || ctx.rebuilt.has(c.id))
        dropConstraint(ctx, t, c, removed?.id ?? (early ? `constraintChanged:${c.id}` : undefined), removed ? undefined : early ? 'to be added again in its new form' : 'to be added again with its column')
    }
    for (const i of t.indexes) {
      const removed = ctx.find('indexRemoved', i.id)
      if (removed || ctx.rebuilt.has(i.id)) dropIndex(ctx, t, i, removed?.id)
    }
  }
  for (const t of a.tables) {
    if (!ctx.existing(t.id) || !ctx.touchedTables.has(t.id)) continue
    for (const c of t.columns) {
      const removed = ctx.find('columnRemoved', c.id)
      const recreated = ctx.recreatedColumns.has(c.id)
      if (!removed && !recreated) continue
      ctx.step({
        summary: recreated ? `Drop column ${t.name}.${c.name} to add it again as a generated column` : `Drop column ${t.name}.${c.name}`,
        changeIds: ctx.idsOf(removed?.id, `columnGeneratedChanged:${c.id}`),
        statements: [{ kind: 'dropColumn', table: ctx.nameA(t), column: c.name }],
        transaction: 'shared',
        hazards: [
          recreated
            ? { kind: 'rewrite', message: `"${t.name}.${c.name}" is dropped and added again: every row is rewritten with the computed value.` }
            : { kind: 'data-loss', message: `The values of "${t.name}.${c.name}" are lost.` },
        ],
        reversible: recreated,
        objectIds: [t.id, c.id],
        existing: true,
      })
      ctx.state.remove(c.id)
    }
  }
  for (const t of a.tables) {
    if (!ctx.touchedTables.has(t.id) || !ctx.dropped(t.id)) continue
    const recreated = ctx.recreatedTables.has(t.id)
    const change = recreated ? ctx.find('tablePartitioningChanged', t.id) : ctx.find('tableRemoved', t.id)
    ctx.step({
      summary: recreated ? `Drop table ${t.name} to create it again with its new partitioning` : `Drop table ${t.name}`,
      changeIds: ctx.idsOf(change?.id),
      statements: [{ kind: 'dropTable', name: ctx.nameA(t) }],
      transaction: 'shared',
      hazards: [{ kind: 'data-loss', message: `Every row of "${t.name}" is lost${recreated ? '; PostgreSQL cannot change how a table is partitioned in place' : ''}.` }],
      reversible: false,
      objectIds: [t.id],
      existing: true,
    })
    ctx.state.remove(t.id)
    for (const c of t.columns) ctx.state.remove(c.id)
    for (const c of constraintsOf(t)) ctx.state.remove(c.id)
    for (const i of t.indexes) ctx.state.remove(i.id)
  }
}

function targetKeyGoes(ctx: PlanContext, parentId: Table['id']): boolean {
  const parent = ctx.ia.tables.get(parentId)
  if (!parent) return false
  return (
    constraintsOf(parent).some((c) => (c.kind === 'primaryKey' || c.kind === 'unique') && (ctx.find('constraintRemoved', c.id) || ctx.rebuilt.has(c.id))) ||
    parent.indexes.some((i) => i.unique && (ctx.find('indexRemoved', i.id) || ctx.rebuilt.has(i.id)))
  )
}

function dropConstraint(ctx: PlanContext, t: Table, c: Constraint, changeId: string | undefined, why: string | undefined): void {
  const name = ctx.state.nameOf(c.id) ?? ctx.na.constraints.get(c.id)!
  const what = c.kind === 'foreignKey' ? 'foreign key' : c.kind === 'check' ? 'check' : c.kind === 'unique' ? 'unique constraint' : 'primary key'
  ctx.step({
    summary: `Drop ${what} ${name} of ${t.name}${why ? `, ${why}` : ''}`,
    changeIds: ctx.idsOf(changeId),
    statements: [{ kind: 'dropConstraint', table: ctx.nameA(t), name }],
    transaction: 'shared',
    objectIds: [t.id, c.id],
    existing: true,
  })
  ctx.state.remove(c.id)
}

function dropIndex(ctx: PlanContext, t: Table, i: Index, changeId: string | undefined): void {
  const name = ctx.state.nameOf(i.id) ?? ctx.na.indexes.get(i.id)!
  const concurrent = ctx.safe && !t.partitionBy
  ctx.step({
    summary: `Drop index ${name}${changeId ? '' : ', to be built again with its column'}`,
    changeIds: ctx.idsOf(changeId),
    statements: [{ kind: 'dropIndex', name: { namespace: ctx.nsA(t.namespaceId), name }, ...(concurrent ? { concurrently: true, ifExists: true } : {}) }],
    transaction: concurrent ? 'none' : 'shared',
    objectIds: [t.id, i.id],
    existing: true,
  })
  ctx.state.remove(i.id)
}
