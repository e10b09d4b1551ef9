/**
 * Primary keys, unique constraints and indexes. Database names stay ours: `map:` is written
 * wherever our resolved name differs from the one Prisma would choose (`{table}_pkey`,
 * `{table}_{columns}_key`, `{table}_{columns}_idx`).
 */
import type { ColumnId } from '../../model/ids.ts'
import type { Index, IndexKey, IndexMethod, Table } from '../../model/schema.ts'
import { quoteIdent } from '../../sql/quote.ts'
import { type PrismaArg, type PrismaValue, arg, array, attr, call, ident, str } from './ast.ts'
import type { MapContext, ModelDraft } from './draft.ts'
import type { ScalarMapping } from './scalars.ts'

const algorithms: Record<IndexMethod, string> = { btree: 'BTree', hash: 'Hash', gin: 'Gin', gist: 'Gist', spgist: 'SpGist', brin: 'Brin' }

/**
 * Which index types Prisma's validator accepts on a field when no operator class is named (read
 * off the engine, one type at a time). An explicit operator class lifts the check.
 */
export function prismaAcceptsIndex(method: IndexMethod, s: ScalarMapping): boolean {
  if (s.name === 'Unsupported') return true
  const native = s.native?.name.slice('@db.'.length)
  if (native === 'Xml') return false
  switch (method) {
    case 'btree':
    case 'hash':
      return true
    case 'gin':
      return s.list || (s.name === 'Json' && native === undefined)
    case 'gist':
      return s.name === 'String' && native === undefined
    case 'spgist':
      return s.name === 'String' && (native === undefined || native === 'VarChar' || native === 'Char' || native === 'Inet')
    case 'brin':
      return !(s.enum || s.name === 'Boolean' || s.name === 'Json' || native === 'Money' || native === 'Citext')
  }
}

export function prismaDefaultName(table: Table, columns: readonly ColumnId[] | undefined, suffix: string): string {
  const names = columns?.map((id) => table.columns.find((c) => c.id === id)?.name ?? '?')
  return [table.name, ...(names ?? []), suffix].join('_')
}

const mapArg = (ours: string, prismaDefault: string): PrismaArg[] => (ours === prismaDefault ? [] : [arg(str(ours), 'map')])

function fieldRefs(model: ModelDraft, columns: readonly ColumnId[]): PrismaValue {
  return array(columns.map((id) => ident(model.byColumn.get(id)!.name)))
}

export function mapKeys(ctx: MapContext, model: ModelDraft): void {
  const t = model.table
  const pk = t.primaryKey
  if (pk && pk.columns.every((id) => model.byColumn.has(id))) {
    const name = ctx.names.constraints.get(pk.id)!
    const map = mapArg(name, prismaDefaultName(t, undefined, 'pkey'))
    // Prisma counts lists as optional, and ids must be required: such a key can only be unique.
    if (pk.columns.some((id) => model.byColumn.get(id)!.scalar!.list)) {
      ctx.losses.report('prisma-list-in-primary-key', ctx.losses.constraint(t, pk))
      model.attributes.push(attr('@@unique', arg(fieldRefs(model, pk.columns)), ...mapArg(name, prismaDefaultName(t, pk.columns, 'key'))))
    } else if (pk.columns.length === 1) model.byColumn.get(pk.columns[0]!)!.attributes.push(attr('@id', ...map))
    else model.attributes.push(attr('@@id', arg(fieldRefs(model, pk.columns)), ...map))
    model.uniqueKeys.push([...pk.columns])
    model.indexNames.add(name)
  }
  for (const u of t.uniques) {
    if (!u.columns.every((id) => model.byColumn.has(id))) continue
    const name = ctx.names.constraints.get(u.id)!
    model.indexNames.add(name)
    if (u.nullsNotDistinct) ctx.losses.report('prisma-unsupported-nulls-not-distinct', ctx.losses.constraint(t, u), { name })
    const map = mapArg(name, prismaDefaultName(t, u.columns, 'key'))
    const field = u.columns.length === 1 ? model.byColumn.get(u.columns[0]!)! : undefined
    if (field && !field.attributes.some((a) => a.name === '@unique')) field.attributes.push(attr('@unique', ...map))
    else model.attributes.push(attr('@@unique', arg(fieldRefs(model, u.columns)), ...map))
    model.uniqueKeys.push([...u.columns])
  }
  for (const i of t.indexes) mapIndex(ctx, model, i)
}

function mapIndex(ctx: MapContext, model: ModelDraft, i: Index): void {
  const t = model.table
  const name = ctx.names.indexes.get(i.id)!
  const target = () => ctx.losses.index(t, i)
  model.indexNames.add(name)
  if (i.keys.some((k) => k.kind === 'expression')) return ctx.losses.report('prisma-expression-index', target())
  const columns = i.keys.map((k) => (k as Extract<IndexKey, { kind: 'column' }>).columnId)
  if (!columns.every((id) => model.byColumn.has(id))) return
  if (new Set(columns).size !== columns.length) return ctx.losses.report('prisma-repeated-index-column', target())
  const scalars = columns.map((id) => model.byColumn.get(id)!.scalar!)
  if (i.keys.some((k, n) => k.opclass === undefined && !prismaAcceptsIndex(i.unique ? 'btree' : i.method, scalars[n]!)))
    return ctx.losses.report('prisma-index-type', target(), { method: i.unique ? 'a unique index' : i.method.toUpperCase() })
  if (i.where !== undefined && ctx.version < 7)
    return ctx.losses.report('prisma-unsupported-partial-index', target(), { where: i.where, version: String(ctx.version) })
  if (i.include.length) ctx.losses.report('prisma-unsupported-include', target())
  if (i.nullsNotDistinct) ctx.losses.report('prisma-unsupported-nulls-not-distinct', target(), { name })

  const fields = i.keys.map((k, n) => {
    const field = model.byColumn.get(columns[n]!)!
    const args: PrismaArg[] = []
    if (k.order === 'desc') args.push(arg(ident('Desc'), 'sort'))
    if (k.nulls !== undefined && k.nulls !== (k.order === 'desc' ? 'first' : 'last'))
      ctx.losses.report('prisma-unsupported-nulls-order', target(), { nulls: k.nulls.toUpperCase(), column: field.column!.name })
    if (k.collation !== undefined) ctx.losses.report('prisma-unsupported-index-collation', target(), { collation: k.collation, column: field.column!.name })
    if (k.opclass !== undefined) {
      if (i.unique) ctx.losses.report('prisma-unsupported-unique-opclass', target(), { opclass: k.opclass })
      else args.push(arg(call('raw', arg(str(k.opclass.split('.').map(quoteIdent).join('.')))), 'ops'))
    }
    return args.length ? call(field.name, ...args) : ident(field.name)
  })
  const extra: PrismaArg[] = []
  if (!i.unique && i.method !== 'btree') extra.push(arg(ident(algorithms[i.method]), 'type'))
  extra.push(...mapArg(name, prismaDefaultName(t, columns, i.unique ? 'key' : 'idx')))
  if (i.where !== undefined) {
    extra.push(arg(call('raw', arg(str(i.where))), 'where'))
    ctx.previewFeatures.set('partialIndexes', 'partial indexes')
  }
  model.attributes.push(attr(i.unique ? '@@unique' : '@@index', arg(array(fields)), ...extra))
  // A partial unique index is not a key for every row, so it makes no one-to-one relation.
  if (i.unique && i.where === undefined) model.uniqueKeys.push(columns)
}
