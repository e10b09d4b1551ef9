/**
 * Phase 4 on tables that hold data: columns added and altered, with the zero-downtime patterns.
 * NOT NULL goes through a CHECK added NOT VALID, validated without blocking writes, then SET NOT
 * NULL (which trusts the valid check instead of scanning); a volatile default is set for new rows
 * and backfilled in batches; a required column takes the user's backfill value as a temporary
 * constant default, which PostgreSQL stores without rewriting the table.
 */
import { makeObjectName } from '../../model/names.ts'
import type { Column, Table } from '../../model/schema.ts'
import { checkSqlFragment } from '../../sql/expression.ts'
import { columnDef, defaultDef, typeRef } from '../../sql/defs.ts'
import type { BackfillValue, ColumnAlteration, DdlStatement } from '../../sql/ddl.ts'
import { quoteIdent } from '../../sql/quote.ts'
import { conversion } from './conversion.ts'
import { type PlanContext, scopes } from './context.ts'
import type { Hazard, InputRequest } from './types.ts'
import { isVolatile } from './volatility.ts'

export function planColumns(ctx: PlanContext): void {
  for (const tb of ctx.b.tables) {
    if (!ctx.existing(tb.id) || !ctx.touchedTables.has(tb.id)) continue
    const ta = ctx.tableA(tb.id)
    const persistence = ctx.find('tablePersistenceChanged', tb.id)
    if (persistence)
      ctx.step({
        summary: `Make table ${tb.name} ${persistence.unlogged ? 'UNLOGGED' : 'LOGGED'}`,
        changeIds: [persistence.id],
        statements: [{ kind: 'setTablePersistence', name: ctx.nameB(tb), unlogged: persistence.unlogged }],
        transaction: 'shared',
        long: true,
        hazards: [{ kind: 'rewrite', message: `"${tb.name}" is rewritten under ACCESS EXCLUSIVE.` }],
        objectIds: [tb.id],
        existing: true,
      })
    for (const cb of tb.columns) {
      const ca = ta.columns.find((c) => c.id === cb.id)
      if (!ca || ctx.recreatedColumns.has(cb.id)) addColumn(ctx, tb, cb)
      else alterColumn(ctx, tb, ca, cb)
    }
  }
}

/** A backfill value from the options: `DEFAULT` means the column's default. */
export function backfillInput(ctx: PlanContext, changeId: string): BackfillValue | undefined {
  const v = ctx.supplied(changeId)
  if (v === undefined) return undefined
  if (/^\s*default\s*$/i.test(v)) return { kind: 'default' }
  const problem = checkSqlFragment(v)
  if (problem) {
    ctx.diagnostics.push({ code: 'invalid-input', severity: 'error', message: `The value given for ${changeId} is not a valid SQL expression: ${problem}` })
    return undefined
  }
  return { kind: 'sql', sql: v }
}

/** A CHECK name for the NOT NULL pattern that no constraint of the table uses or will use. */
function notNullCheckName(ctx: PlanContext, t: Table, c: Column): string {
  const name = makeObjectName(t.name, c.name, 'not_null_check')
  const free = ctx.state.blockers(scopes.constraint(t.id), name).length === 0 && !ctx.reserved.has(name)
  return free ? name : ctx.state.tempName(scopes.constraint(t.id), ctx.reserved)
}

/** SET NOT NULL on a column of a table with rows, safely (or plainly in simple mode). */
export function planNotNull(ctx: PlanContext, t: Table, c: Column, changeIds: readonly string[], backfill: BackfillValue | undefined, request: InputRequest | undefined): void {
  const table = ctx.nameB(t)
  const alter = (change: ColumnAlteration): DdlStatement => ({ kind: 'alterColumn', table, column: c.name, change })
  const ids = [t.id, c.id]
  const fill = (batched: boolean) =>
    backfill &&
    ctx.step({
      summary: `Fill ${t.name}.${c.name} where it is NULL`,
      changeIds,
      statements: [{ kind: 'backfill', table, column: c.name, value: backfill, ...(batched ? { batchSize: ctx.options.batchSize } : {}) }],
      transaction: batched ? 'none' : 'shared',
      long: true,
      objectIds: ids,
      existing: true,
    })
  const unfilled: Hazard[] = backfill || !request ? [] : [{ kind: 'may-fail', message: `Rows where "${c.name}" is NULL make this fail; give a backfill value for ${request.changeId}.` }]
  if (!ctx.safe) {
    fill(false)
    ctx.step({
      summary: `Make ${t.name}.${c.name} NOT NULL`,
      changeIds,
      statements: [alter({ kind: 'setNotNull' })],
      transaction: 'shared',
      long: true,
      hazards: [{ kind: 'long-lock', message: `SET NOT NULL scans "${t.name}" under ACCESS EXCLUSIVE.` }, ...unfilled],
      ...(request ? { needsInput: request } : {}),
      objectIds: ids,
      existing: true,
    })
    return
  }
  const check = notNullCheckName(ctx, t, c)
  ctx.step({
    summary: `Guard ${t.name}.${c.name} against new NULLs (CHECK NOT VALID, no scan)`,
    changeIds,
    statements: [{ kind: 'addConstraint', table, constraint: { kind: 'check', name: check, expression: `${quoteIdent(c.name)} IS NOT NULL` }, notValid: true }],
    transaction: 'shared',
    ...(request ? { needsInput: request } : {}),
    objectIds: ids,
    existing: true,
  })
  fill(true)
  ctx.step({
    summary: `Check that no row of ${t.name} has ${c.name} NULL (VALIDATE, reads and writes go on)`,
    changeIds,
    statements: [{ kind: 'validateConstraint', table, name: check }],
    transaction: 'own',
    long: true,
    hazards: unfilled,
    objectIds: ids,
    existing: true,
  })
  ctx.step({
    summary: `Make ${t.name}.${c.name} NOT NULL (the valid check spares the scan) and drop the check`,
    changeIds,
    statements: [alter({ kind: 'setNotNull' }), { kind: 'dropConstraint', table, name: check }],
    transaction: 'shared',
    objectIds: ids,
    existing: true,
  })
}

function addColumn(ctx: PlanContext, t: Table, c: Column): void {
  const change = ctx.find('columnAdded', c.id)
  const recreated = ctx.recreatedColumns.has(c.id)
  const changeIds = ctx.idsOf(change?.id, recreated ? `columnGeneratedChanged:${c.id}` : undefined)
  const table = ctx.nameB(t)
  const def = columnDef(ctx.b, t, c)
  const ids = [t.id, c.id]
  const add = (column = def, hazards: Hazard[] = [], extra: DdlStatement[] = [], needsInput?: InputRequest, long = false) =>
    ctx.step({
      summary: `Add column ${t.name}.${c.name}`,
      changeIds,
      statements: [{ kind: 'addColumn', table, column }, ...extra],
      transaction: 'shared',
      long,
      hazards,
      ...(needsInput ? { needsInput } : {}),
      objectIds: ids,
      existing: true,
    })
  if (c.generated !== undefined || c.identity) {
    add(def, [{ kind: 'rewrite', message: `Adding ${c.identity ? 'an identity' : 'a generated'} column writes a value into every row of "${t.name}" under ACCESS EXCLUSIVE.` }], [], undefined, true)
    return
  }
  const volatileDefault = c.default?.kind === 'expression' && isVolatile(c.default.sql)
  if (volatileDefault) {
    if (!ctx.safe) {
      add(def, [{ kind: 'rewrite', message: `The volatile default ${c.default!.kind === 'expression' ? c.default!.sql : ''} is computed for every row: "${t.name}" is rewritten under ACCESS EXCLUSIVE.` }], [], undefined, true)
      return
    }
    // New rows get the default at once; existing rows are filled in batches, without a rewrite.
    add({ ...def, notNull: false, default: undefined }, [], [{ kind: 'alterColumn', table, column: c.name, change: { kind: 'setDefault', default: def.default! } }])
    ctx.step({
      summary: `Fill ${t.name}.${c.name} with its default in existing rows`,
      changeIds,
      statements: [{ kind: 'backfill', table, column: c.name, value: { kind: 'default' }, batchSize: ctx.options.batchSize }],
      transaction: 'none',
      long: true,
      objectIds: ids,
      existing: true,
    })
    if (!c.nullable) planNotNull(ctx, t, c, changeIds, undefined, undefined)
    return
  }
  if (c.nullable || c.default) {
    add()
    return
  }
  // NOT NULL with no default: existing rows need a value from the user.
  const changeId = change?.id ?? changeIds[0] ?? `columnAdded:${c.id}`
  const request = ctx.request({ changeId, kind: 'backfill', prompt: `A value (SQL expression) for "${t.name}.${c.name}" in the rows already there.` })
  const value = backfillInput(ctx, changeId)
  if (value?.kind === 'default') {
    ctx.diagnostics.push({ code: 'invalid-input', severity: 'error', message: `"${t.name}.${c.name}" has no default, so DEFAULT cannot fill it; give an expression for ${changeId}.` })
    return
  }
  if (!value) {
    add(def, [{ kind: 'needs-value', message: `"${t.name}.${c.name}" is NOT NULL without a default: this fails if "${t.name}" has rows. Give a backfill value for ${changeId}.` }], [], request)
    return
  }
  if (ctx.safe && isVolatile(value.sql)) {
    add({ ...def, notNull: false }, [], [], request)
    ctx.step({
      summary: `Fill ${t.name}.${c.name} in existing rows`,
      changeIds,
      statements: [{ kind: 'backfill', table, column: c.name, value, batchSize: ctx.options.batchSize }],
      transaction: 'none',
      long: true,
      objectIds: ids,
      existing: true,
    })
    planNotNull(ctx, t, c, changeIds, undefined, undefined)
    return
  }
  // A constant default is kept in the catalog (no rewrite); dropping it afterwards leaves the
  // filled rows as they are.
  add({ ...def, default: { kind: 'expression', sql: value.sql } }, [], [{ kind: 'alterColumn', table, column: c.name, change: { kind: 'dropDefault' } }], request)
}

function alterColumn(ctx: PlanContext, t: Table, ca: Column, cb: Column): void {
  const table = ctx.nameB(t)
  const alter = (change: ColumnAlteration): DdlStatement => ({ kind: 'alterColumn', table, column: cb.name, change })
  const ids = [t.id, cb.id]
  const retyped = ctx.find('columnRetyped', cb.id)
  const converted = ctx.convertedColumns.has(cb.id)
  const dflt = ctx.find('columnDefaultChanged', cb.id)
  const ident = ctx.find('columnIdentityChanged', cb.id)
  const gen = ctx.find('columnGeneratedChanged', cb.id)
  const coll = ctx.find('columnCollationChanged', cb.id)
  const nn = ctx.find('columnNullabilityChanged', cb.id)
  const step = (summary: string, changeIds: string[], statements: DdlStatement[], extra: { hazards?: Hazard[]; long?: boolean; needsInput?: InputRequest; reversible?: boolean } = {}) =>
    ctx.step({ summary, changeIds, statements, transaction: 'shared', objectIds: ids, existing: true, ...extra })

  if (ident && ident.from && !ident.to) step(`Make ${t.name}.${cb.name} a plain column (no identity)`, [ident.id], [alter({ kind: 'dropIdentity' })])
  if (gen && gen.from !== undefined && gen.to === undefined) step(`Keep the values of ${t.name}.${cb.name} but stop generating them`, [gen.id], [alter({ kind: 'dropExpression' })])
  if (gen && gen.from !== undefined && gen.to !== undefined)
    step(`Change the generated expression of ${t.name}.${cb.name}`, [gen.id], [alter({ kind: 'setExpression', sql: gen.to })], {
      long: true,
      hazards: [{ kind: 'rewrite', message: `Every row of "${t.name}" is recomputed under ACCESS EXCLUSIVE.` }],
    })

  if (converted || coll) {
    const { using, hazards, needsInput, reversible } = conversion(ctx, t, ca, cb, retyped?.id)
    const statements: DdlStatement[] = []
    // The old default is of the old type; it goes first and comes back (or the new one) after.
    if (ca.default) statements.push(alter({ kind: 'dropDefault' }))
    statements.push(alter({ kind: 'type', type: typeRef(ctx.b, cb), ...(cb.collation || coll ? { collation: cb.collation ?? 'default' } : {}), ...(using ? { using } : {}) }))
    const d = defaultDef(cb)
    if (d) statements.push(alter({ kind: 'setDefault', default: d }))
    const swapIds = cb.type.kind === 'enum' && ctx.swappedEnums.has(cb.type.enumId) ? ctx.changes.filter((c) => (c.kind === 'enumValueRemoved' || c.kind === 'enumValuesReordered') && c.enumId === (cb.type as { enumId: string }).enumId).map((c) => c.id) : []
    step(
      retyped ? `Change the type of ${t.name}.${cb.name} to ${retyped.toText}` : coll && !converted ? `Change the collation of ${t.name}.${cb.name}` : `Convert ${t.name}.${cb.name} to the new type of its enum`,
      ctx.idsOf(retyped?.id, coll?.id, dflt?.id, ...swapIds),
      statements,
      { hazards, long: hazards.some((h) => h.kind === 'rewrite'), ...(needsInput ? { needsInput } : {}), reversible },
    )
  } else if (dflt) {
    const d = defaultDef(cb)
    step(d ? `Set the default of ${t.name}.${cb.name}` : `Drop the default of ${t.name}.${cb.name}`, [dflt.id], [alter(d ? { kind: 'setDefault', default: d } : { kind: 'dropDefault' })])
  }

  if (nn && nn.nullable) step(`Allow NULL in ${t.name}.${cb.name}`, [nn.id], [alter({ kind: 'dropNotNull' })])
  if (nn && !nn.nullable) {
    const request = ctx.request({
      changeId: nn.id,
      kind: 'backfill',
      prompt: `A value (SQL expression, or DEFAULT) for the rows where "${t.name}.${cb.name}" is NULL.`,
      ...(cb.default ? { suggestion: 'DEFAULT' } : {}),
    })
    planNotNull(ctx, t, cb, [nn.id], backfillInput(ctx, nn.id), request)
  }
  if (ident && ident.to && !ident.from)
    step(`Make ${t.name}.${cb.name} an identity column`, [ident.id], [alter({ kind: 'addIdentity', identity: ident.to }), { kind: 'resetIdentity', table, column: cb.name }])
  if (ident && ident.to && ident.from) step(`Make ${t.name}.${cb.name} GENERATED ${ident.to === 'always' ? 'ALWAYS' : 'BY DEFAULT'}`, [ident.id], [alter({ kind: 'setIdentity', identity: ident.to })])
}
