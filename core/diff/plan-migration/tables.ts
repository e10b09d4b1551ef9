/**
 * New tables (and recreated ones) are created as the full export creates them: columns, key,
 * uniques and checks in CREATE TABLE, then their indexes. Nobody reads a table that did not exist,
 * so none of the safe patterns apply; their foreign keys come with all the others at the end.
 */
import type { Table, UniqueConstraint } from '../../model/schema.ts'
import { canInlinePrimaryKey, columnDef, constraintDef, indexDef } from '../../sql/defs.ts'
import type { DdlStatement } from '../../sql/ddl.ts'
import type { PlanContext } from './context.ts'

export function planNewTables(ctx: PlanContext): void {
  for (const t of ctx.b.tables) {
    if (!ctx.touchedTables.has(t.id) || !ctx.created(t.id)) continue
    ctx.step({
      summary: ctx.recreatedTables.has(t.id) ? `Create table ${t.name} again with its new partitioning` : `Create table ${t.name}`,
      changeIds: ctx.idsOf(`tableAdded:${t.id}`, `tablePartitioningChanged:${t.id}`),
      statements: createTable(ctx, t),
      transaction: 'shared',
      objectIds: [t.id],
      existing: false,
    })
    for (const i of t.indexes)
      ctx.step({
        summary: `Create index ${ctx.nb.indexes.get(i.id)} on new table ${t.name}`,
        changeIds: ctx.idsOf(`tableAdded:${t.id}`),
        statements: [{ kind: 'createIndex', table: ctx.nameB(t), index: { ...indexDef(ctx.b, t, i), name: ctx.nb.indexes.get(i.id)! } }],
        transaction: 'shared',
        objectIds: [t.id, i.id],
        existing: false,
      })
  }
}

function createTable(ctx: PlanContext, t: Table): DdlStatement[] {
  const { b } = ctx
  const name = ctx.nameB(t)
  const inlinePk = canInlinePrimaryKey(b, t)
  const columns = t.columns.map((c) => {
    const def = columnDef(b, t, c)
    return inlinePk && t.primaryKey!.columns[0] === c.id ? { ...def, inlinePrimaryKey: true } : def
  })
  // As in the full export: PostgreSQL merges a UNIQUE identical to the key or to an earlier UNIQUE
  // inside CREATE TABLE, so such a duplicate is added afterwards.
  const seen: Array<{ columns: readonly string[]; nnd: boolean }> = t.primaryKey ? [{ columns: t.primaryKey.columns, nnd: false }] : []
  const same = (cols: readonly string[], nnd: boolean) => seen.some((k) => k.nnd === nnd && k.columns.length === cols.length && k.columns.every((c, i) => c === cols[i]))
  const later: UniqueConstraint[] = []
  const uniques = t.uniques.filter((u) => {
    const nnd = u.nullsNotDistinct ?? false
    if (same(u.columns, nnd)) return later.push(u), false
    seen.push({ columns: u.columns, nnd })
    return true
  })
  const keys = [...(t.primaryKey && !inlinePk ? [t.primaryKey] : []), ...uniques, ...t.checks]
  const out: DdlStatement[] = [
    {
      kind: 'createTable',
      name,
      columns,
      constraints: keys.map((c) => constraintDef(b, t, c)),
      ...(t.partitionBy ? { partitionBy: t.partitionBy } : {}),
      ...(t.unlogged ? { unlogged: true } : {}),
    },
  ]
  for (const u of later) out.push({ kind: 'addConstraint', table: name, constraint: { ...constraintDef(b, t, u), name: ctx.nb.constraints.get(u.id)! } })
  return out
}
