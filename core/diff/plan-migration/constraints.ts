/**
 * Phase 5 on tables that hold data: keys, checks and indexes added, changed, or rebuilt.
 * UNIQUE and PRIMARY KEY are built as a unique index CONCURRENTLY, then attached with `USING
 * INDEX`; CHECK is added NOT VALID and validated apart; indexes are built CONCURRENTLY after a
 * `DROP INDEX CONCURRENTLY IF EXISTS` that clears the INVALID leftover of a failed attempt. A
 * changed object is built anew beside the old one, which is dropped only then.
 */
import type { CheckConstraint, Index, PrimaryKey, Table, UniqueConstraint } from '../../model/schema.ts'
import { columnMap } from '../../model/queries.ts'
import { constraintDef, indexDef } from '../../sql/defs.ts'
import type { DdlStatement, IndexDef } from '../../sql/ddl.ts'
import { type PlanContext, scopes } from './context.ts'
import type { Hazard } from './types.ts'

export function planKeysAndIndexes(ctx: PlanContext): void {
  for (const t of ctx.b.tables) {
    if (!ctx.existing(t.id) || !ctx.touchedTables.has(t.id)) continue
    const keys: Array<PrimaryKey | UniqueConstraint> = [...(t.primaryKey ? [t.primaryKey] : []), ...t.uniques]
    for (const k of keys) {
      const old = ctx.constraintA(t.id, k.id)
      const changed = ctx.find('constraintChanged', k.id)
      if (!old || old.kind !== k.kind || ctx.rebuilt.has(k.id) || ctx.droppedEarly.has(k.id)) addKey(ctx, t, k, ctx.idsOf(`constraintAdded:${k.id}`, changed?.id))
      else if (changed) replaceKey(ctx, t, k, changed.id)
    }
    for (const c of t.checks) {
      const old = ctx.constraintA(t.id, c.id)
      const changed = ctx.find('constraintChanged', c.id)
      if (!old || old.kind !== 'check' || ctx.rebuilt.has(c.id)) addCheck(ctx, t, c, ctx.idsOf(`constraintAdded:${c.id}`), false)
      else if (changed) addCheck(ctx, t, c, [changed.id], true)
    }
    for (const i of t.indexes) {
      const old = ctx.indexA(t.id, i.id)
      const changed = ctx.find('indexChanged', i.id)
      if (!old || ctx.rebuilt.has(i.id)) addIndex(ctx, t, i, ctx.idsOf(`indexAdded:${i.id}`))
      else if (changed) replaceIndex(ctx, t, i, changed.id)
    }
  }
}

const concurrent = (ctx: PlanContext, t: Table) => ctx.safe && !t.partitionBy

function keyIndexDef(t: Table, k: PrimaryKey | UniqueConstraint, name: string): IndexDef {
  const cols = columnMap(t)
  return {
    name,
    unique: true,
    method: 'btree',
    keys: k.columns.map((id) => ({ column: cols.get(id)!.name })),
    include: [],
    ...(k.kind === 'unique' && k.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
  }
}

function duplicates(t: Table, k: PrimaryKey | UniqueConstraint): Hazard {
  const cols = columnMap(t)
  return { kind: 'may-fail', message: `Rows of "${t.name}" with the same (${k.columns.map((id) => cols.get(id)!.name).join(', ')}) make this fail; look for duplicates first.` }
}

function addKey(ctx: PlanContext, t: Table, k: PrimaryKey | UniqueConstraint, changeIds: string[]): void {
  const table = ctx.nameB(t)
  const name = ctx.nb.constraints.get(k.id)!
  const what = k.kind === 'primaryKey' ? 'primary key' : 'unique constraint'
  const ids = [t.id, k.id]
  if (!concurrent(ctx, t)) {
    ctx.step({
      summary: `Add ${what} ${name} to ${t.name}`,
      changeIds,
      statements: [{ kind: 'addConstraint', table, constraint: { ...constraintDef(ctx.b, t, k), name } }],
      transaction: 'shared',
      long: true,
      hazards: [{ kind: 'long-lock', message: `The unique index is built under ACCESS EXCLUSIVE: "${t.name}" is locked while it builds.` }, duplicates(t, k)],
      objectIds: ids,
      existing: true,
    })
    return
  }
  const index = { namespace: table.namespace, name }
  ctx.step({
    summary: `Clear a failed earlier build of index ${name}, if any`,
    changeIds,
    statements: [{ kind: 'dropIndex', name: index, concurrently: true, ifExists: true }],
    transaction: 'none',
    objectIds: ids,
    existing: true,
  })
  ctx.step({
    summary: `Build the unique index of ${what} ${name} without blocking writes`,
    changeIds,
    statements: [{ kind: 'createIndex', table, index: keyIndexDef(t, k, name), concurrently: true }],
    transaction: 'none',
    long: true,
    hazards: [duplicates(t, k)],
    objectIds: ids,
    existing: true,
  })
  ctx.step({
    summary: `Make index ${name} the ${what} of ${t.name}`,
    changeIds,
    statements: [{ kind: 'addConstraintUsingIndex', table, name, constraint: k.kind, index: name }],
    transaction: 'shared',
    objectIds: ids,
    existing: true,
  })
}

function replaceKey(ctx: PlanContext, t: Table, k: PrimaryKey | UniqueConstraint, changeId: string): void {
  const table = ctx.nameB(t)
  const name = ctx.nb.constraints.get(k.id)!
  const oldName = ctx.state.nameOf(k.id) ?? ctx.na.constraints.get(k.id)!
  const ids = [t.id, k.id]
  const what = k.kind === 'primaryKey' ? 'primary key' : 'unique constraint'
  if (!concurrent(ctx, t)) {
    ctx.step({
      summary: `Replace ${what} ${oldName} of ${t.name}`,
      changeIds: [changeId],
      statements: [
        { kind: 'dropConstraint', table, name: oldName },
        { kind: 'addConstraint', table, constraint: { ...constraintDef(ctx.b, t, k), name } },
      ],
      transaction: 'shared',
      long: true,
      hazards: [{ kind: 'long-lock', message: `The unique index is built under ACCESS EXCLUSIVE.` }, duplicates(t, k)],
      objectIds: ids,
      existing: true,
    })
    ctx.state.remove(k.id)
    return
  }
  const temp = ctx.state.tempName(scopes.index(t.namespaceId), ctx.reserved)
  ctx.step({
    summary: `Build the new unique index of ${what} ${name} beside the old one`,
    changeIds: [changeId],
    statements: [{ kind: 'createIndex', table, index: keyIndexDef(t, k, temp), concurrently: true }],
    transaction: 'none',
    long: true,
    hazards: [duplicates(t, k)],
    objectIds: ids,
    existing: true,
  })
  ctx.step({
    summary: `Swap ${what} ${oldName} for the new index`,
    changeIds: [changeId],
    statements: [
      { kind: 'dropConstraint', table, name: oldName },
      { kind: 'addConstraintUsingIndex', table, name, constraint: k.kind, index: temp },
    ],
    transaction: 'shared',
    objectIds: ids,
    existing: true,
  })
  ctx.state.remove(k.id)
}

function addCheck(ctx: PlanContext, t: Table, c: CheckConstraint, changeIds: string[], replace: boolean): void {
  const table = ctx.nameB(t)
  const def = { ...constraintDef(ctx.b, t, c), name: c.name }
  const oldName = replace ? (ctx.state.nameOf(c.id) ?? ctx.na.constraints.get(c.id)!) : undefined
  const drop: DdlStatement[] = oldName !== undefined ? [{ kind: 'dropConstraint', table, name: oldName }] : []
  const ids = [t.id, c.id]
  const violates: Hazard = { kind: 'may-fail', message: `Rows of "${t.name}" that break CHECK (${c.expression}) make this fail.` }
  if (oldName !== undefined) ctx.state.remove(c.id)
  if (!ctx.safe) {
    ctx.step({
      summary: `${replace ? 'Replace' : 'Add'} check ${c.name} on ${t.name}`,
      changeIds,
      statements: [...drop, { kind: 'addConstraint', table, constraint: def }],
      transaction: 'shared',
      long: true,
      hazards: [{ kind: 'long-lock', message: `Every row of "${t.name}" is checked under ACCESS EXCLUSIVE.` }, violates],
      objectIds: ids,
      existing: true,
    })
    return
  }
  ctx.step({
    summary: `${replace ? 'Replace' : 'Add'} check ${c.name} on ${t.name} for new rows only (NOT VALID)`,
    changeIds,
    statements: [...drop, { kind: 'addConstraint', table, constraint: def, notValid: true }],
    transaction: 'shared',
    objectIds: ids,
    existing: true,
  })
  ctx.step({
    summary: `Check the existing rows of ${t.name} against ${c.name} (VALIDATE, reads and writes go on)`,
    changeIds,
    statements: [{ kind: 'validateConstraint', table, name: c.name }],
    transaction: 'own',
    long: true,
    hazards: [violates],
    objectIds: ids,
    existing: true,
  })
}

function addIndex(ctx: PlanContext, t: Table, i: Index, changeIds: string[]): void {
  const table = ctx.nameB(t)
  const name = ctx.nb.indexes.get(i.id)!
  const def = { ...indexDef(ctx.b, t, i), name }
  const ids = [t.id, i.id]
  const fails: Hazard[] = i.unique ? [{ kind: 'may-fail', message: `Duplicate keys in "${t.name}" make the unique index fail.` }] : []
  if (!concurrent(ctx, t)) {
    ctx.step({
      summary: `Create index ${name} on ${t.name}`,
      changeIds,
      statements: [{ kind: 'createIndex', table, index: def }],
      transaction: 'shared',
      long: true,
      hazards: [{ kind: 'long-lock', message: `Writes to "${t.name}" wait while the index builds.` }, ...fails],
      objectIds: ids,
      existing: true,
    })
    return
  }
  ctx.step({
    summary: `Clear a failed earlier build of index ${name}, if any`,
    changeIds,
    statements: [{ kind: 'dropIndex', name: { namespace: table.namespace, name }, concurrently: true, ifExists: true }],
    transaction: 'none',
    objectIds: ids,
    existing: true,
  })
  ctx.step({
    summary: `Build index ${name} on ${t.name} without blocking writes`,
    changeIds,
    statements: [{ kind: 'createIndex', table, index: def, concurrently: true }],
    transaction: 'none',
    long: true,
    hazards: fails,
    objectIds: ids,
    existing: true,
  })
}

function replaceIndex(ctx: PlanContext, t: Table, i: Index, changeId: string): void {
  const table = ctx.nameB(t)
  const name = ctx.nb.indexes.get(i.id)!
  const oldName = ctx.state.nameOf(i.id) ?? ctx.na.indexes.get(i.id)!
  const ids = [t.id, i.id]
  const ns = table.namespace
  ctx.state.remove(i.id)
  if (!concurrent(ctx, t)) {
    ctx.step({
      summary: `Replace index ${oldName} on ${t.name}`,
      changeIds: [changeId],
      statements: [
        { kind: 'dropIndex', name: { namespace: ns, name: oldName } },
        { kind: 'createIndex', table, index: { ...indexDef(ctx.b, t, i), name } },
      ],
      transaction: 'shared',
      long: true,
      hazards: [{ kind: 'long-lock', message: `Writes to "${t.name}" wait while the index builds.` }],
      objectIds: ids,
      existing: true,
    })
    return
  }
  const temp = ctx.state.tempName(scopes.index(t.namespaceId), ctx.reserved)
  ctx.step({
    summary: `Build the new form of index ${name} beside the old one`,
    changeIds: [changeId],
    statements: [{ kind: 'createIndex', table, index: { ...indexDef(ctx.b, t, i), name: temp }, concurrently: true }],
    transaction: 'none',
    long: true,
    objectIds: ids,
    existing: true,
  })
  ctx.step({
    summary: `Drop the old form of index ${oldName}`,
    changeIds: [changeId],
    statements: [{ kind: 'dropIndex', name: { namespace: ns, name: oldName }, concurrently: true, ifExists: true }],
    transaction: 'none',
    objectIds: ids,
    existing: true,
  })
  ctx.step({
    summary: `Give the new index its name ${name}`,
    changeIds: [changeId],
    statements: [{ kind: 'renameIndex', name: { namespace: ns, name: temp }, to: name }],
    transaction: 'shared',
    objectIds: ids,
    existing: true,
  })
}
