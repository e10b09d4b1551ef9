/**
 * Foreign keys as Prisma relations: a relation field on the referencing model (`fields`,
 * `references`, actions, `map:`) and its back-relation on the referenced one (a list, or an
 * optional single field when the foreign key columns are unique: one-to-one). Relations between
 * the same two models more than once, and self-relations, are named.
 */
import type { ColumnId } from '../../model/ids.ts'
import { pluralize } from '../../model/inflect.ts'
import type { FkAction, ForeignKey } from '../../model/schema.ts'
import { Namer, camelCase, identifierWords, pascalCase } from '../print/identifiers.ts'
import { type PrismaArg, arg, array, attr, ident, str } from './ast.ts'
import type { MapContext, ModelDraft } from './draft.ts'
import { prismaDefaultName } from './keys.ts'

const actions: Record<FkAction, string> = {
  'no action': 'NoAction',
  restrict: 'Restrict',
  cascade: 'Cascade',
  'set null': 'SetNull',
  'set default': 'SetDefault',
}

const sameSet = (a: readonly ColumnId[], b: readonly ColumnId[]) => a.length === b.length && a.every((x) => b.includes(x))

/** The field names a relation gets on both sides; shared with the Drizzle exporter's `relations()`. */
export function relationFieldBases(
  child: { readonly modelName: string },
  parent: { readonly modelName: string },
  fkColumnNames: readonly string[],
): { child: string[]; back: string } {
  const candidates: string[] = []
  if (fkColumnNames.length === 1) {
    // author_id -> author, userId -> user
    const words = identifierWords(fkColumnNames[0]!)
    if (words.length > 1 && /^(id|fk|key|ref)$/i.test(words[words.length - 1]!)) candidates.push(camelCase(words.slice(0, -1)))
  }
  candidates.push(lowerFirst(parent.modelName))
  const words = identifierWords(child.modelName)
  const last = words[words.length - 1]!
  // pluralize looks words up in plain objects: `constructor` would come back as a function's source.
  words[words.length - 1] = last.toLowerCase() in Object.prototype ? last + 's' : pluralize(last)
  return { child: candidates.filter((c) => /^[A-Za-z]/.test(c)), back: camelCase(words) }
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1)

interface Link {
  readonly child: ModelDraft
  readonly parent: ModelDraft
  readonly fk: ForeignKey
}

export function mapRelations(ctx: MapContext): void {
  const links: Link[] = []
  for (const child of ctx.models.values())
    for (const fk of child.table.foreignKeys) {
      const parent = ctx.models.get(fk.target.tableId)
      if (parent && usable(ctx, child, parent, fk)) links.push({ child, parent, fk })
    }
  // Prisma needs a name wherever two relations join the same pair of models.
  const pairKey = ({ child, parent }: Link) => (child.table.id < parent.table.id ? `${child.table.id}\0${parent.table.id}` : `${parent.table.id}\0${child.table.id}`)
  const perPair = new Map<string, number>()
  const perDirection = new Map<string, number>()
  for (const l of links) {
    const pair = pairKey(l)
    perPair.set(pair, (perPair.get(pair) ?? 0) + 1)
    const dir = `${l.child.table.id}\0${l.parent.table.id}`
    perDirection.set(dir, (perDirection.get(dir) ?? 0) + 1)
  }
  const relationNames = new Map<string, Namer>()
  for (const l of links) {
    const key = pairKey(l)
    const named = l.child === l.parent || perPair.get(key)! > 1
    let relationName: string | undefined
    if (named) {
      if (!relationNames.has(key)) relationNames.set(key, new Namer())
      relationName = relationNames.get(key)!.claim(ctx.names.constraints.get(l.fk.id)!)
    }
    addRelation(ctx, l, relationName, perDirection.get(`${l.child.table.id}\0${l.parent.table.id}`)! > 1)
  }
}

/** Whether Prisma can take the foreign key as a relation; reports why not otherwise. */
function usable(ctx: MapContext, child: ModelDraft, parent: ModelDraft, fk: ForeignKey): boolean {
  const target = () => ctx.losses.constraint(child.table, fk)
  const from = fk.columns.map((id) => child.byColumn.get(id)?.scalar)
  const to = fk.target.columns.map((id) => parent.byColumn.get(id)?.scalar)
  if (from.some((s) => !s) || to.some((s) => !s)) return false
  const key = (s: (typeof from)[number]) => `${s!.name}${s!.list ? '[]' : ''}:${s!.unsupported ?? ''}`
  if (from.some((s, i) => key(s) !== key(to[i]))) {
    const types = from.map((s, i) => `${key(s).replace(/:$/, '')} -> ${key(to[i]).replace(/:$/, '')}`).join(', ')
    ctx.losses.report('prisma-relation-type-mismatch', target(), { types })
    return false
  }
  if (!parent.uniqueKeys.some((k) => sameSet(k, fk.target.columns))) {
    ctx.losses.report('prisma-relation-target', target())
    return false
  }
  return true
}

function addRelation(ctx: MapContext, { child, parent, fk }: Link, relationName: string | undefined, repeated: boolean): void {
  const t = child.table
  const fkName = ctx.names.constraints.get(fk.id)!
  const target = () => ctx.losses.constraint(t, fk)
  let pairs = fk.columns.map((c, i) => [c, fk.target.columns[i]!] as const)
  // One-to-one when the columns are a unique key; Prisma wants them in that key's order.
  const key = child.uniqueKeys.find((k) => sameSet(k, fk.columns))
  if (key && key.some((c, i) => c !== fk.columns[i])) {
    pairs = key.map((c) => pairs.find(([from]) => from === c)!)
    ctx.losses.report('prisma-fk-column-order', target())
  }
  const optional = fk.columns.some((id) => child.byColumn.get(id)!.column!.nullable)
  const bases = relationFieldBases(
    { modelName: child.name },
    { modelName: parent.name },
    fk.columns.map((id) => child.byColumn.get(id)!.column!.name),
  )
  const childField = child.namer.claim(bases.child.find((c) => child.namer.isFree(c)) ?? bases.child[0]!)
  const backBase = key ? lowerFirst(child.name) : bases.back
  const backField = parent.namer.claim(repeated ? backBase + 'By' + pascalCase(identifierWords(childField)) : backBase)

  const args: PrismaArg[] = []
  if (relationName !== undefined) args.push(arg(str(relationName)))
  args.push(arg(array(pairs.map(([c]) => ident(child.byColumn.get(c)!.name))), 'fields'))
  args.push(arg(array(pairs.map(([, p]) => ident(parent.byColumn.get(p)!.name))), 'references'))
  // Prisma's defaults: onDelete Restrict (SetNull when optional), onUpdate Cascade; ours is NO ACTION.
  // Where some fields are required in Prisma's eyes (NOT NULL, or a list) and the relation is
  // optional, Prisma's default is not ours to guess: the action is written out.
  const onDelete = actions[fk.onDelete ?? 'no action']
  const onUpdate = actions[fk.onUpdate ?? 'no action']
  const mixed = optional && fk.columns.some((id) => child.byColumn.get(id)!.type.modifier !== '?')
  if (mixed || onDelete !== (optional ? 'SetNull' : 'Restrict')) args.push(arg(ident(onDelete), 'onDelete'))
  if (onUpdate !== 'Cascade') args.push(arg(ident(onUpdate), 'onUpdate'))
  // Prisma keeps a model's index and foreign key names apart (PostgreSQL does not): on a clash the
  // key takes the first free numbered name, and says so.
  let name = fkName
  if (child.indexNames.has(name)) {
    ctx.losses.report('prisma-name-clash', target())
    for (let n = 1; child.indexNames.has(name); n++) name = `${fkName}${n}`
  }
  child.indexNames.add(name)
  if (name !== prismaDefaultName(t, pairs.map(([c]) => c), 'fkey')) args.push(arg(str(name), 'map'))
  if (fk.deferrable && fk.deferrable !== 'not deferrable')
    ctx.losses.report('prisma-unsupported-deferrable', target(), { deferrable: fk.deferrable.toUpperCase() })
  if (fk.match === 'full') ctx.losses.report('prisma-unsupported-match-full', target())

  child.fields.push({
    name: childField,
    type: { name: parent.name, modifier: optional ? '?' : '' },
    attributes: [attr('@relation', ...args), ...(parent.ignored && !child.ignored ? [attr('@ignore')] : [])],
    docs: [],
  })
  parent.fields.push({
    name: backField,
    type: { name: child.name, modifier: key ? '?' : '[]' },
    attributes: [
      ...(relationName !== undefined ? [attr('@relation', arg(str(relationName)))] : []),
      ...(child.ignored && !parent.ignored ? [attr('@ignore')] : []),
    ],
    docs: [],
  })
}
