/**
 * `@id`/`@@id`, `@unique`/`@@unique` and `@@index` as Prisma Migrate creates them on PostgreSQL:
 * a named primary key, unique *indexes* (`CREATE UNIQUE INDEX "User_email_key"`, not unique
 * constraints), and indexes with their method (`type:`), sort order and operator classes.
 */
import type { ColumnId } from '../../model/ids.ts'
import type { Index, IndexKey, IndexMethod } from '../../model/schema.ts'
import { quoteIdent, quoteLiteral } from '../../sql/quote.ts'
import type { Attribute, Expr } from './ast.ts'
import { attribute, fieldRefs, stringArg } from './context.ts'
import type { Context, FieldRef, ModelInfo } from './context.ts'
import { indexName, primaryKeyName, uniqueIndexName } from './names.ts'

const methods: Record<string, IndexMethod> = { BTree: 'btree', Hash: 'hash', Gist: 'gist', Gin: 'gin', SpGist: 'spgist', Brin: 'brin' }

// Prisma leaves these out of the DDL's meaning: they are the type's default operator class.
const defaultOpclasses = new Set(['jsonb_ops', 'array_ops', 'text_ops', 'inet_inclusion_ops'])

export function buildKeys(ctx: Context, model: ModelInfo): void {
  const { block, table } = model
  const label = table.name
  for (const field of block.fields) {
    const info = model.scalars.get(field.name)
    if (!info) continue
    const ref: FieldRef = { name: field.name, args: new Map(), at: field.at }
    const id = attribute(field.attributes, 'id')
    if (id) setPrimaryKey(ctx, model, [ref], id)
    const unique = attribute(field.attributes, 'unique')
    if (unique) {
      const sort = unique.args.find((a) => a.name === 'sort')?.value
      addIndex(ctx, model, [{ ...ref, args: sort ? new Map([['sort', sort]]) : new Map() }], unique, true)
    }
  }
  for (const a of block.attributes) {
    switch (a.name) {
      case 'id': {
        const refs = fieldRefs(ctx, (a.args.find((x) => x.name === 'fields') ?? a.args.find((x) => x.name === undefined))?.value, '@@id')
        if (refs) setPrimaryKey(ctx, model, refs, a)
        break
      }
      case 'unique':
      case 'index': {
        const refs = fieldRefs(ctx, (a.args.find((x) => x.name === 'fields') ?? a.args.find((x) => x.name === undefined))?.value, `@@${a.name}`)
        if (refs) addIndex(ctx, model, refs, a, a.name === 'unique')
        break
      }
      case 'fulltext':
        ctx.report('warning', 'prisma-skipped', `@@fulltext on ${label} is a MySQL full-text index; PostgreSQL has none of that kind, so it was left out.`, a.at)
        break
      case 'map':
      case 'schema':
      case 'ignore':
      case 'shardKey':
        break
      default:
        ctx.error(`Attribute not known: "@@${a.name}".`, a.at)
    }
  }
}

function columnsOf(ctx: Context, model: ModelInfo, refs: readonly FieldRef[]): ColumnId[] | undefined {
  const out: ColumnId[] = []
  for (const r of refs) {
    const info = model.scalars.get(r.name)
    if (!info) {
      const isRelation = model.relationFields.some((f) => f.name === r.name)
      ctx.error(
        isRelation
          ? `"${r.name}" is a relation field; list its scalar fields instead.`
          : `The model "${model.block.name}" has no scalar field "${r.name}".`,
        r.at,
      )
      return undefined
    }
    out.push(info.column.id)
  }
  return out
}

function setPrimaryKey(ctx: Context, model: ModelInfo, refs: readonly FieldRef[], attr: Attribute): void {
  const columns = columnsOf(ctx, model, refs)
  if (!columns) return
  if (model.table.primaryKey) {
    ctx.error(`The model "${model.block.name}" has more than one primary key (@id or @@id).`, attr.at)
    return
  }
  const name = stringArg(ctx, attr, 'map') ?? primaryKeyName(model.table.name)
  model.table.primaryKey = { kind: 'primaryKey', id: ctx.ids.next('constraint'), name, columns }
  // Key columns are NOT NULL in PostgreSQL whatever the field says (Prisma rejects optional ones).
  model.table.columns = model.table.columns.map((c) => (columns.includes(c.id) && c.nullable ? { ...c, nullable: false } : c))
}

function addIndex(ctx: Context, model: ModelInfo, refs: readonly FieldRef[], attr: Attribute, unique: boolean): void {
  const columns = columnsOf(ctx, model, refs)
  if (!columns) return
  const keys: IndexKey[] = []
  refs.forEach((r, i) => {
    if (r.args.has('length'))
      ctx.report('info', 'prisma-skipped', `length: on "${r.name}" is a MySQL prefix length; PostgreSQL indexes whole values, so it was left out.`, r.at)
    const sort = r.args.get('sort')
    const ops = r.args.get('ops')
    const opclass = ops && opclassName(ctx, ops)
    keys.push({
      kind: 'column',
      columnId: columns[i]!,
      ...(sort?.kind === 'path' && sort.name === 'Desc' ? { order: 'desc' as const } : {}),
      ...(opclass && !defaultOpclasses.has(opclass) ? { opclass } : {}),
    })
  })
  const typeArg = attr.args.find((a) => a.name === 'type')?.value
  let method: IndexMethod = 'btree'
  if (typeArg) {
    const m = typeArg.kind === 'path' ? methods[typeArg.name] : undefined
    if (m) method = m
    else ctx.error(`Unknown index type; use one of ${Object.keys(methods).join(', ')}.`, typeArg.at)
  }
  const columnNames = columns.map((id) => model.table.columns.find((c) => c.id === id)!.name)
  const name = stringArg(ctx, attr, 'map') ?? (unique ? uniqueIndexName : indexName)(model.table.name, columnNames)
  const whereArg = attr.args.find((a) => a.name === 'where')?.value
  const where = whereArg && whereSql(ctx, model, whereArg)
  const index: Index = { id: ctx.ids.next('index'), name, unique, method, keys, include: [], ...(where ? { where } : {}) }
  model.table.indexes = [...model.table.indexes, index]
}

function opclassName(ctx: Context, e: Expr): string | undefined {
  if (e.kind === 'call' && e.name === 'raw' && e.args[0]?.value?.kind === 'string') return e.args[0].value.value
  if (e.kind === 'path')
    return e.name
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .toLowerCase()
      .replace('min_max', 'minmax')
      .replace('timestamp_tz', 'timestamptz')
      .replace('var_bit', 'varbit')
  ctx.error('An operator class is a name (JsonbPathOps) or raw("opclass").', e.at)
  return undefined
}

/** A partial index's `where:`: `raw("sql")`, or `{ field: value }` / `{ field: { not: value } }`. */
function whereSql(ctx: Context, model: ModelInfo, e: Expr): string | undefined {
  if (e.kind === 'call' && e.name === 'raw' && e.args[0]?.value?.kind === 'string') return e.args[0].value.value
  if (e.kind !== 'object') {
    ctx.error('where: takes raw("SQL") or an object such as { deletedAt: null }.', e.at)
    return undefined
  }
  const parts: string[] = []
  for (const { key, value } of e.entries) {
    const col = model.scalars.get(key)?.column
    if (!col) {
      ctx.error(`The model "${model.block.name}" has no scalar field "${key}".`, value.at)
      return undefined
    }
    const negated = value.kind === 'object' && value.entries.length === 1 && value.entries[0]!.key === 'not'
    const v = negated ? value.entries[0]!.value : value
    const literal =
      v.kind === 'path'
        ? v.name === 'null' || v.name === 'true' || v.name === 'false'
          ? v.name.toUpperCase()
          : quoteLiteral(v.name) // an enum value
        : v.kind === 'string'
          ? quoteLiteral(v.value)
          : v.kind === 'number'
            ? v.text
            : undefined
    if (literal === undefined) {
      ctx.error('A where: condition compares a field with a constant.', v.at)
      return undefined
    }
    const c = quoteIdent(col.name)
    parts.push(literal === 'NULL' ? `${c} IS ${negated ? 'NOT ' : ''}NULL` : `${c} ${negated ? '<>' : '='} ${literal}`)
  }
  return parts.join(' AND ')
}
