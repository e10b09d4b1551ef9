/**
 * Phase 6: foreign keys, once every table, column and key they use is in its final form. On a
 * table that holds rows a foreign key is added NOT VALID (a brief lock) and validated apart,
 * which reads the tables without blocking writes; a changed one is dropped and added in the same
 * transaction, so there is no moment without it.
 */
import type { ForeignKey, Table } from '../../model/schema.ts'
import { constraintDef } from '../../sql/defs.ts'
import type { DdlStatement } from '../../sql/ddl.ts'
import type { PlanContext } from './context.ts'
import { deferrableOnly } from './renames.ts'
import type { Hazard } from './types.ts'

export function planForeignKeys(ctx: PlanContext): void {
  for (const t of ctx.b.tables) {
    if (!ctx.touchedTables.has(t.id)) continue
    for (const fk of t.foreignKeys) {
      const old = ctx.constraintA(t.id, fk.id)
      const changed = ctx.find('constraintChanged', fk.id)
      if (!ctx.existing(t.id)) add(ctx, t, fk, ctx.idsOf(`tableAdded:${t.id}`, `tablePartitioningChanged:${t.id}`, `constraintAdded:${fk.id}`), false, false)
      else if (!old || old.kind !== 'foreignKey') add(ctx, t, fk, ctx.idsOf(`constraintAdded:${fk.id}`), true, false)
      else if (ctx.rebuilt.has(fk.id) || ctx.droppedEarly.has(fk.id)) add(ctx, t, fk, ctx.idsOf(changed?.id), true, false)
      else if (changed && deferrableOnly(changed))
        ctx.step({
          summary: `Change when foreign key ${ctx.nb.constraints.get(fk.id)} of ${t.name} is checked`,
          changeIds: [changed.id],
          statements: [{ kind: 'alterConstraintDeferrable', table: ctx.nameB(t), name: ctx.nb.constraints.get(fk.id)!, deferrable: fk.deferrable ?? 'not deferrable' }],
          transaction: 'shared',
          objectIds: [t.id, fk.id],
          existing: true,
        })
      else if (changed) add(ctx, t, fk, [changed.id], true, true)
    }
  }
}

function add(ctx: PlanContext, t: Table, fk: ForeignKey, changeIds: string[], existing: boolean, replace: boolean): void {
  const table = ctx.nameB(t)
  const name = ctx.nb.constraints.get(fk.id)!
  const def = { ...constraintDef(ctx.b, t, fk), name }
  const parent = ctx.tableB(fk.target.tableId)
  const drop: DdlStatement[] = replace ? [{ kind: 'dropConstraint', table, name: ctx.state.nameOf(fk.id) ?? ctx.na.constraints.get(fk.id)! }] : []
  if (replace) ctx.state.remove(fk.id)
  const ids = [t.id, fk.id]
  const orphans: Hazard = { kind: 'may-fail', message: `Rows of "${t.name}" with no matching row in "${parent.name}" make this fail.` }
  // PostgreSQL before 18 refuses NOT VALID foreign keys on partitioned tables.
  if (!existing || !ctx.safe || t.partitionBy) {
    ctx.step({
      summary: `${replace ? 'Replace' : 'Add'} foreign key ${name} from ${t.name} to ${parent.name}`,
      changeIds,
      statements: [...drop, { kind: 'addConstraint', table, constraint: def }],
      transaction: 'shared',
      long: existing,
      hazards: existing ? [{ kind: 'long-lock', message: `"${t.name}" is scanned while writes to it and to "${parent.name}" wait.` }, orphans] : [],
      objectIds: ids,
      existing,
    })
    return
  }
  ctx.step({
    summary: `${replace ? 'Replace' : 'Add'} foreign key ${name} from ${t.name} to ${parent.name} for new rows only (NOT VALID)`,
    changeIds,
    statements: [...drop, { kind: 'addConstraint', table, constraint: def, notValid: true }],
    transaction: 'shared',
    objectIds: ids,
    existing: true,
  })
  ctx.step({
    summary: `Check the existing rows of ${t.name} against ${name} (VALIDATE, reads and writes go on)`,
    changeIds,
    statements: [{ kind: 'validateConstraint', table, name }],
    transaction: 'own',
    long: true,
    hazards: [orphans],
    objectIds: ids,
    existing: true,
  })
}
