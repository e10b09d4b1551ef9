/**
 * Phase 7b: what could only go once nothing used it any more: the old types of swapped enums,
 * removed enums (after their columns were dropped or converted), removed schemas (after their
 * objects left), and extensions the design no longer needs.
 */
import type { PlanContext } from './context.ts'

export function planCleanup(ctx: PlanContext): void {
  const { state } = ctx
  for (const id of ctx.swappedEnums) {
    const e = ctx.ia.enums.get(id)!
    const old = `${id}#old`
    ctx.step({
      summary: `Drop the old type of enum ${e.name}`,
      changeIds: [],
      statements: [{ kind: 'dropEnum', name: { namespace: state.nameOf(state.scopesOf(old)[0]!.slice(5))!, name: state.nameOf(old)! } }],
      transaction: 'shared',
      objectIds: [id],
      existing: false,
    })
  }
  for (const c of ctx.all('enumRemoved')) {
    const nsId = state.scopesOf(c.enumId)[0]!.slice(5)
    ctx.step({
      summary: `Drop enum ${c.enum}`,
      changeIds: [c.id],
      statements: [{ kind: 'dropEnum', name: { namespace: state.nameOf(nsId)!, name: state.nameOf(c.enumId)! } }],
      transaction: 'shared',
      objectIds: [c.enumId],
      existing: false,
    })
  }
  for (const c of ctx.all('namespaceRemoved')) {
    // Every database has public; a design without it does not ask for it to go.
    if (c.namespace.name === 'public') continue
    ctx.step({
      summary: `Drop schema ${c.namespace.name}`,
      changeIds: [c.id],
      statements: [{ kind: 'dropSchema', name: state.nameOf(c.namespace.id)! }],
      transaction: 'shared',
      objectIds: [c.namespace.id],
      existing: false,
    })
  }
  for (const c of ctx.all('extensionRemoved'))
    ctx.step({
      summary: `Drop extension ${c.extension}, which the design no longer uses`,
      changeIds: [c.id],
      statements: [{ kind: 'dropExtension', name: c.extension }],
      transaction: 'shared',
      objectIds: [],
      existing: false,
    })
}
