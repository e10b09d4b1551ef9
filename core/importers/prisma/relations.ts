/**
 * Prisma relations as foreign keys. A relation field with `fields:`/`references:` is a foreign
 * key from those columns; its actions default as Prisma's do (onDelete Restrict when a referencing
 * field is required, SetNull otherwise; onUpdate Cascade). Two list fields that point at each
 * other without `fields:` are an implicit many-to-many relation: Prisma creates a join table
 * `_AToB(A, B)` with a primary key on (A, B), an index on B and cascading foreign keys.
 */
import type { ColumnId } from '../../model/ids.ts'
import type { Column, ColumnType, FkAction, ForeignKey, Table } from '../../model/schema.ts'
import { storageTypeName } from '../../model/types.ts'
import type { Field } from './ast.ts'
import { attribute, fieldRefs, stringArg } from './context.ts'
import type { Context, ModelInfo } from './context.ts'
import { foreignKeyName, generatedRelationName, joinTableNames } from './names.ts'

const actions: Record<string, FkAction> = { Cascade: 'cascade', Restrict: 'restrict', NoAction: 'no action', SetNull: 'set null', SetDefault: 'set default' }

interface RelationEnd {
  readonly model: ModelInfo
  readonly field: Field
  readonly target: ModelInfo
  readonly relationName: string
}

export function buildRelations(ctx: Context): { joinTables: Table[]; emulated: number } {
  const groups = new Map<string, RelationEnd[]>()
  let emulated = 0
  for (const model of ctx.models.values()) {
    for (const field of model.relationFields) {
      const target = ctx.models.get(field.type.name)!
      const rel = attribute(field.attributes, 'relation')
      const relationName = (rel && stringArg(ctx, rel, 'name', 0)) ?? generatedRelationName(model.block.name, target.block.name)
      const hasFields = rel?.args.some((a) => a.name === 'fields') ?? false
      if (hasFields) {
        if (ctx.emulatedRelations) emulated++
        else addForeignKey(ctx, model, field, target)
        continue
      }
      if (!field.type.list) continue
      const pair = [model.block.name, target.block.name].sort().join('\0')
      const key = `${relationName}\0${pair}`
      const ends = groups.get(key) ?? []
      ends.push({ model, field, target, relationName })
      groups.set(key, ends)
    }
  }
  const joinTables: Table[] = []
  for (const ends of groups.values()) {
    const listEnds = ends.filter((e) => e.field.type.list)
    if (listEnds.length === 2) {
      const t = joinTable(ctx, listEnds[0]!, listEnds[1]!)
      if (t) joinTables.push(t)
    }
  }
  return { joinTables, emulated }
}

function addForeignKey(ctx: Context, model: ModelInfo, field: Field, target: ModelInfo): void {
  const rel = attribute(field.attributes, 'relation')!
  const fields = fieldRefs(ctx, rel.args.find((a) => a.name === 'fields')?.value, 'fields:')
  const refsArg = rel.args.find((a) => a.name === 'references')
  const references = fieldRefs(ctx, refsArg?.value, 'references:')
  if (!fields || !references) {
    if (!refsArg) ctx.error(`The relation field "${field.name}" has fields: but no references:.`, rel.at)
    return
  }
  if (fields.length !== references.length) {
    ctx.error(`fields: lists ${fields.length} fields but references: lists ${references.length}; they must pair up.`, rel.at)
    return
  }
  const from: Column[] = []
  for (const f of fields) {
    const c = model.scalars.get(f.name)?.column
    if (!c) return void ctx.error(`The model "${model.block.name}" has no scalar field "${f.name}".`, f.at)
    from.push(c)
  }
  const to: ColumnId[] = []
  for (const r of references) {
    const c = target.scalars.get(r.name)?.column
    if (!c) return void ctx.error(`The model "${target.block.name}" has no scalar field "${r.name}".`, r.at)
    to.push(c.id)
  }
  const action = (key: 'onDelete' | 'onUpdate'): FkAction | undefined => {
    const v = rel.args.find((a) => a.name === key)?.value
    if (!v) return undefined
    const a = v.kind === 'path' ? actions[v.name] : undefined
    if (!a) ctx.error(`Unknown referential action; use one of ${Object.keys(actions).join(', ')}.`, v.at)
    return a
  }
  // Prisma counts the relation as required when any referencing field is (its `referential_arity`).
  const required = fields.some((f) => !model.scalars.get(f.name)!.field.type.optional) || !field.type.optional
  const fk: ForeignKey = {
    kind: 'foreignKey',
    id: ctx.ids.next('constraint'),
    name: stringArg(ctx, rel, 'map') ?? foreignKeyName(model.table.name, from.map((c) => c.name)),
    columns: from.map((c) => c.id),
    target: { tableId: target.table.id, columns: to },
    onDelete: action('onDelete') ?? (required ? 'restrict' : 'set null'),
    onUpdate: action('onUpdate') ?? 'cascade',
  }
  model.table.foreignKeys = [...model.table.foreignKeys, fk]
}

function joinTable(ctx: Context, x: RelationEnd, y: RelationEnd): Table | undefined {
  // A is the model whose name sorts first (for a self-relation, both ends are the same model).
  const [a, b] = x.model.block.name <= y.model.block.name ? [x.model, y.model] : [y.model, x.model]
  const keyColumn = (m: ModelInfo): Column | undefined => {
    const pk = m.table.primaryKey
    if (pk?.columns.length !== 1) {
      ctx.error(
        `The implicit many-to-many relation "${x.relationName}" needs a single-field @id on "${m.block.name}"; use an explicit relation model instead.`,
        x.field.at,
      )
      return undefined
    }
    return m.table.columns.find((c) => c.id === pk.columns[0])
  }
  const ka = keyColumn(a)
  const kb = keyColumn(b)
  if (!ka || !kb) return undefined
  const names = joinTableNames(x.relationName)
  const colA: Column = { id: ctx.ids.next('column'), name: 'A', type: plainType(ka.type), nullable: false }
  const colB: Column = { id: ctx.ids.next('column'), name: 'B', type: plainType(kb.type), nullable: false }
  const fk = (name: string, col: Column, target: ModelInfo, key: Column): ForeignKey => ({
    kind: 'foreignKey',
    id: ctx.ids.next('constraint'),
    name,
    columns: [col.id],
    target: { tableId: target.table.id, columns: [key.id] },
    onDelete: 'cascade',
    onUpdate: 'cascade',
  })
  return {
    id: ctx.ids.next('table'),
    namespaceId: a.table.namespaceId,
    name: names.table,
    columns: [colA, colB],
    primaryKey: { kind: 'primaryKey', id: ctx.ids.next('constraint'), name: names.primaryKey, columns: [colA.id, colB.id] },
    uniques: [],
    checks: [],
    foreignKeys: ctx.emulatedRelations ? [] : [fk(names.foreignKeyA, colA, a, ka), fk(names.foreignKeyB, colB, b, kb)],
    indexes: [{ id: ctx.ids.next('index'), name: names.indexOnB, unique: false, method: 'btree', keys: [{ kind: 'column', columnId: colB.id }], include: [] }],
  }
}

/** The join columns take the key's type without its sequence: `serial` becomes `integer`. */
function plainType(t: ColumnType): ColumnType {
  if (t.kind !== 'builtin') return t
  return { ...t, name: storageTypeName(t) as typeof t.name }
}
