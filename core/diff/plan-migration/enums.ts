/**
 * Phase 3: enum types. New enums are created; an enum that loses or reorders labels gets a new
 * type (the old one was renamed aside in phase 2; its columns are converted in phase 4 and it is
 * dropped at the end); labels added to an enum that keeps its others go in with
 * `ALTER TYPE ... ADD VALUE ... BEFORE/AFTER`, committed before anything uses them.
 */
import type { EnumType } from '../../model/schema.ts'
import type { DdlStatement } from '../../sql/ddl.ts'
import type { PlanContext } from './context.ts'

export function planEnums(ctx: PlanContext): void {
  for (const e of ctx.b.enums) {
    const isNew = !ctx.ia.enums.has(e.id)
    if (isNew || ctx.swappedEnums.has(e.id)) {
      const removed = ctx.changes.filter((c) => (c.kind === 'enumValueRemoved' || c.kind === 'enumValuesReordered' || c.kind === 'enumValueAdded' || c.kind === 'enumValueRenamed') && c.enumId === e.id)
      ctx.step({
        summary: isNew ? `Create enum ${e.name}` : `Create the new type of enum ${e.name} with labels ${e.values.map((v) => v.name).join(', ')}`,
        changeIds: isNew ? ctx.idsOf(`enumAdded:${e.id}`) : removed.map((c) => c.id),
        statements: [{ kind: 'createEnum', name: ctx.enumB(e), values: e.values.map((v) => v.name) }],
        transaction: 'shared',
        objectIds: [e.id],
        existing: false,
      })
      continue
    }
    const added = addValues(ctx, e)
    if (added.statements.length === 0) continue
    ctx.step({
      summary: `Add ${added.labels.map((l) => `"${l}"`).join(', ')} to enum ${e.name}`,
      changeIds: added.changeIds,
      statements: added.statements,
      // A new label cannot be used in the transaction that adds it: this one commits on its own.
      transaction: 'own',
      objectIds: [e.id],
      existing: false,
    })
  }
}

/** ADD VALUE statements in an order where each neighbour already exists when it is named. */
function addValues(ctx: PlanContext, e: EnumType) {
  const old = ctx.ia.enums.get(e.id)!
  const present = new Set(old.values.map((v) => v.id))
  const statements: DdlStatement[] = []
  const labels: string[] = []
  const changeIds: string[] = []
  e.values.forEach((v, i) => {
    if (present.has(v.id)) return
    const prev = e.values.slice(0, i).reverse().find((x) => present.has(x.id))
    const next = e.values.slice(i + 1).find((x) => present.has(x.id))
    statements.push({ kind: 'addEnumValue', name: ctx.enumB(e), value: v.name, ...(prev ? { after: prev.name } : next ? { before: next.name } : {}) })
    present.add(v.id)
    labels.push(v.name)
    changeIds.push(...ctx.idsOf(`enumValueAdded:${v.id}`))
  })
  return { statements, labels, changeIds }
}
