/**
 * Phase 7a: comments, under the final names. A changed comment is set (or cleared with NULL);
 * objects created by the migration, and those dropped and created again, get theirs, since a new
 * object starts with none.
 */
import { constraintsOf } from '../../model/queries.ts'
import type { CommentTarget } from '../../sql/ddl.ts'
import type { PlanContext } from './context.ts'
import { deferrableOnly } from './renames.ts'

export function planComments(ctx: PlanContext): void {
  const { b } = ctx
  const done = new Set<string>()
  const set = (objectId: string, target: CommentTarget, text: string | undefined, changeId: string | undefined, tableId?: string) => {
    if (done.has(objectId)) return
    done.add(objectId)
    const fresh = changeId === undefined
    if (fresh && !text) return
    ctx.step({
      summary: `${text ? 'Set' : 'Clear'} the comment of ${describe(target)}`,
      changeIds: ctx.idsOf(changeId),
      statements: [{ kind: 'comment', target, text: text || null }],
      transaction: 'shared',
      objectIds: [objectId, ...(tableId ? [tableId] : [])],
      existing: tableId !== undefined && ctx.existing(tableId as never),
    })
  }
  for (const n of b.namespaces) {
    const changed = ctx.find('namespaceCommentChanged', n.id)
    if (changed || !ctx.ia.namespaces.has(n.id)) set(n.id, { kind: 'schema', name: n.name }, n.comment, changed?.id)
  }
  for (const e of b.enums) {
    const changed = ctx.find('enumCommentChanged', e.id)
    if (changed || !ctx.ia.enums.has(e.id) || ctx.swappedEnums.has(e.id)) set(e.id, { kind: 'type', name: ctx.enumB(e) }, e.comment, changed?.id)
  }
  for (const t of b.tables) {
    if (!ctx.touchedTables.has(t.id)) continue
    const name = ctx.nameB(t)
    const created = ctx.created(t.id)
    const changed = ctx.find('tableCommentChanged', t.id)
    if (changed || created) set(t.id, { kind: 'table', name }, t.comment, created ? undefined : changed?.id)
    for (const c of t.columns) {
      const cc = ctx.find('columnCommentChanged', c.id)
      const fresh = created || !ctx.columnA(t.id, c.id) || ctx.recreatedColumns.has(c.id)
      if (cc || fresh) set(c.id, { kind: 'column', table: name, column: c.name }, c.comment, fresh ? undefined : cc?.id, t.id)
    }
    for (const k of constraintsOf(t)) {
      const cc = ctx.find('constraintCommentChanged', k.id)
      const changed = ctx.find('constraintChanged', k.id)
      const old = ctx.constraintA(t.id, k.id)
      const fresh = created || !old || old.kind !== k.kind || ctx.rebuilt.has(k.id) || ctx.droppedEarly.has(k.id) || (changed !== undefined && !deferrableOnly(changed))
      if (cc || fresh) set(k.id, { kind: 'constraint', table: name, constraint: ctx.nb.constraints.get(k.id)! }, k.comment, fresh ? undefined : cc?.id, t.id)
    }
    for (const i of t.indexes) {
      const ic = ctx.find('indexCommentChanged', i.id)
      const fresh = created || !ctx.indexA(t.id, i.id) || ctx.rebuilt.has(i.id) || ctx.find('indexChanged', i.id) !== undefined
      if (ic || fresh) set(i.id, { kind: 'index', name: { namespace: name.namespace, name: ctx.nb.indexes.get(i.id)! } }, i.comment, fresh ? undefined : ic?.id, t.id)
    }
  }
}

function describe(t: CommentTarget): string {
  switch (t.kind) {
    case 'schema':
      return `schema ${t.name}`
    case 'type':
      return `enum ${t.name.name}`
    case 'table':
      return `table ${t.name.name}`
    case 'column':
      return `${t.table.name}.${t.column}`
    case 'constraint':
      return `constraint ${t.constraint}`
    case 'index':
      return `index ${t.name.name}`
  }
}
