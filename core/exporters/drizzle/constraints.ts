/**
 * The table's third argument: keys, checks, foreign keys and indexes, each with its resolved
 * database name, so that drizzle-kit creates exactly the names PostgreSQL would have given.
 */
import type { ColumnId } from '../../model/ids.ts'
import { makeObjectName } from '../../model/names.ts'
import { indexSchema } from '../../model/queries.ts'
import type { Index, Table } from '../../model/schema.ts'
import { quoteIdent } from '../../sql/quote.ts'
import { type TsExpr, arr, call, chain, id, member, obj, sql, str } from './ast.ts'
import type { DrizzleContext, TableNames } from './context.ts'

/** Whether the single-column primary key can be `.primaryKey()` on its column. */
export function inlinePrimaryKey(ctx: DrizzleContext, t: Table): ColumnId | undefined {
  const pk = t.primaryKey
  if (!pk || pk.columns.length !== 1) return undefined
  // Inline, PostgreSQL names it itself: only right when that is the name we resolved.
  return ctx.names.constraints.get(pk.id) === makeObjectName(t.name, undefined, 'pkey') && !ctx.names.numbered.has(pk.id) ? pk.columns[0] : undefined
}

export function tableExtras(ctx: DrizzleContext, t: Table, names: TableNames): { items: TsExpr[]; refersToOthers: boolean } {
  const items: TsExpr[] = []
  let refersToOthers = false
  const col = (cid: ColumnId) => member(id('t'), names.keys.get(cid)!)
  const use = (name: string) => (ctx.pgCore.add(name), name)
  const constraintName = (cid: string) => str(ctx.names.constraints.get(cid as never)!)
  const losses = ctx.losses

  const pk = t.primaryKey
  if (pk && inlinePrimaryKey(ctx, t) === undefined)
    items.push(call(use('primaryKey'), obj({ name: constraintName(pk.id), columns: arr(pk.columns.map(col)) })))
  // Inside CREATE TABLE, PostgreSQL merges a UNIQUE that repeats the primary key or an earlier UNIQUE.
  const seen: Array<{ key: string; what: string }> = pk ? [{ key: pk.columns.join() + '|false', what: 'the primary key' }] : []
  for (const u of t.uniques) {
    const key = u.columns.join() + `|${u.nullsNotDistinct ?? false}`
    const earlier = seen.find((s) => s.key === key)
    if (earlier) {
      losses.report('drizzle-kit-merged-unique', losses.constraint(t, u), { other: earlier.what })
      continue
    }
    seen.push({ key, what: `unique constraint "${ctx.names.constraints.get(u.id)}"` })
    let e = chain(call(use('unique'), constraintName(u.id)), 'on', ...u.columns.map(col))
    if (u.nullsNotDistinct) e = chain(e, 'nullsNotDistinct')
    items.push(e)
  }
  for (const c of t.checks) {
    if (c.noInherit) losses.report('drizzle-unsupported-no-inherit', losses.constraint(t, c))
    items.push(call(use('check'), str(c.name), sql(c.expression)))
  }
  for (const f of t.foreignKeys) {
    const target = ctx.tables.get(f.target.tableId)
    const parent = indexSchema(ctx.schema).tables.get(f.target.tableId)
    if (!target || !parent) continue
    const self = f.target.tableId === t.id
    refersToOthers ||= !self
    const foreign = (cid: ColumnId) => member(id(self ? 't' : target.ident), target.keys.get(cid)!)
    const sameSet = (cols: readonly ColumnId[]) => cols.length === f.target.columns.length && cols.every((c) => f.target.columns.includes(c))
    if (!(parent.primaryKey && sameSet(parent.primaryKey.columns)) && !parent.uniques.some((u) => sameSet(u.columns)))
      losses.report('drizzle-kit-fk-before-index', losses.constraint(t, f))
    // Never `.references()`: drizzle-kit would name the key `<table>_<column>_<table>_<column>_fk`.
    let e = call(use('foreignKey'), obj({ name: constraintName(f.id), columns: arr(f.columns.map(col)), foreignColumns: arr(f.target.columns.map(foreign)) }))
    if (f.onDelete && f.onDelete !== 'no action') e = chain(e, 'onDelete', str(f.onDelete))
    if (f.onUpdate && f.onUpdate !== 'no action') e = chain(e, 'onUpdate', str(f.onUpdate))
    if (f.deferrable && f.deferrable !== 'not deferrable')
      losses.report('drizzle-unsupported-deferrable', losses.constraint(t, f), { deferrable: f.deferrable.toUpperCase() })
    if (f.match === 'full') losses.report('drizzle-unsupported-match-full', losses.constraint(t, f))
    items.push(e)
  }
  for (const i of t.indexes) items.push(indexExpr(ctx, t, i, col, use))
  return { items, refersToOthers }
}

function indexExpr(ctx: DrizzleContext, t: Table, i: Index, col: (c: ColumnId) => TsExpr, use: (n: string) => string): TsExpr {
  const target = () => ctx.losses.index(t, i)
  if (i.include.length) ctx.losses.report('drizzle-unsupported-include', target())
  if (i.nullsNotDistinct) ctx.losses.report('drizzle-unsupported-nulls-not-distinct', target())
  const keys = i.keys.map((k) => {
    // Columns use the builder's own words; expressions and collations are written as SQL.
    if (k.kind === 'column' && k.collation === undefined) {
      let e = col(k.columnId)
      if (k.order === 'desc') e = chain(e, 'desc')
      // drizzle-kit writes NULLS LAST after DESC unless told otherwise; PostgreSQL's default is FIRST.
      const nulls = k.nulls ?? (k.order === 'desc' ? 'first' : undefined)
      if (nulls) e = chain(e, nulls === 'first' ? 'nullsFirst' : 'nullsLast')
      if (k.opclass) e = chain(e, 'op', str(k.opclass))
      return e
    }
    let text = k.kind === 'column' ? quoteIdent(t.columns.find((c) => c.id === k.columnId)!.name) : `(${k.sql})`
    if (k.collation) text += ` COLLATE ${quoteIdent(k.collation)}`
    if (k.opclass) text += ` ${k.opclass.split('.').map(quoteIdent).join('.')}`
    if (k.order === 'desc') text += ' DESC'
    if (k.nulls) text += ` NULLS ${k.nulls.toUpperCase()}`
    return sql(text)
  })
  const start = call(use(i.unique ? 'uniqueIndex' : 'index'), str(ctx.names.indexes.get(i.id)!))
  let e = i.method === 'btree' ? chain(start, 'on', ...keys) : chain(start, 'using', str(i.method), ...keys)
  if (i.where !== undefined) e = chain(e, 'where', sql(i.where))
  return e
}
