/**
 * `relations()` for Drizzle's query API: `one(parent, { fields, references })` on the
 * referencing table, `many(child)` (or `one(child)` when the foreign key columns are unique) on the
 * referenced one. Field names follow the Prisma export, so both ORMs read alike; a relationName
 * is given wherever Drizzle could not pair the two ends by itself (self-relations, and tables
 * joined more than once).
 */
import type { TableId } from '../../model/ids.ts'
import { byteLength, maxIdentifierBytes } from '../../model/names.ts'
import { isUniqueColumnSet } from '../../model/relationships.ts'
import type { ForeignKey, Table } from '../../model/schema.ts'
import { Namer, identifierWords, pascalCase } from '../print/identifiers.ts'
import { modelName } from '../prisma/names.ts'
import { relationFieldBases } from '../prisma/relations.ts'
import { type TsDeclaration, type TsExpr, type TsProperty, arr, call, id, member, obj, str } from './ast.ts'
import type { DrizzleContext } from './context.ts'

interface Link {
  readonly child: Table
  readonly parent: Table
  readonly fk: ForeignKey
}

export function relationDeclarations(ctx: DrizzleContext, tables: readonly Table[]): TsDeclaration[] {
  const byId = new Map(tables.map((t) => [t.id, t]))
  const links: Link[] = []
  for (const child of tables)
    for (const fk of child.foreignKeys) {
      const parent = byId.get(fk.target.tableId)
      if (parent) links.push({ child, parent, fk })
    }
  const pairKey = (l: Link) => (l.child.id < l.parent.id ? `${l.child.id}\0${l.parent.id}` : `${l.parent.id}\0${l.child.id}`)
  const count = (key: (l: Link) => string) => {
    const m = new Map<string, number>()
    for (const l of links) m.set(key(l), (m.get(key(l)) ?? 0) + 1)
    return m
  }
  const perPair = count(pairKey)
  const perDirection = count((l) => `${l.child.id}\0${l.parent.id}`)
  const entries = new Map<TableId, TsProperty[]>()
  // Relation names share the property namespace with the columns: the query API merges them.
  const namers = new Map(tables.map((t) => [t.id, new Namer(ctx.tables.get(t.id)!.keys.values())]))
  const relationNames = new Map<string, Namer>()
  const singulars = new Map<TableId, string>()
  const singularOf = (t: Table) => {
    let name = singulars.get(t.id)
    if (name === undefined) singulars.set(t.id, (name = modelName(t.name) ?? 'Row'))
    return name
  }
  const push = (t: Table, p: TsProperty) => (entries.has(t.id) ? entries.get(t.id)!.push(p) : entries.set(t.id, [p]))

  for (const l of links) {
    const { child, parent, fk } = l
    const c = ctx.tables.get(child.id)!
    const p = ctx.tables.get(parent.id)!
    let relationName: string | undefined
    const pair = pairKey(l)
    if (child === parent || perPair.get(pair)! > 1) {
      if (!relationNames.has(pair)) relationNames.set(pair, new Namer())
      relationName = relationNames.get(pair)!.claim(ctx.names.constraints.get(fk.id)!)
    }
    const childModel = singularOf(child)
    const bases = relationFieldBases(
      { modelName: childModel },
      { modelName: singularOf(parent) },
      fk.columns.map((cid) => child.columns.find((x) => x.id === cid)!.name),
    )
    const childNamer = namers.get(child.id)!
    const childField = childNamer.claim(bases.child.find((n) => childNamer.isFree(n)) ?? bases.child[0]!)
    const oneToOne = isUniqueColumnSet(child, fk.columns)
    const backBase = oneToOne ? childModel.charAt(0).toLowerCase() + childModel.slice(1) : bases.back
    const repeated = perDirection.get(`${child.id}\0${parent.id}`)! > 1
    const backField = namers.get(parent.id)!.claim(repeated ? backBase + 'By' + pascalCase(identifierWords(childField)) : backBase)

    const named = relationName === undefined ? {} : { relationName: str(relationName) }
    const fields = arr(fk.columns.map((cid) => member(id(c.ident), c.keys.get(cid)!)))
    const references = arr(fk.target.columns.map((cid) => member(id(p.ident), p.keys.get(cid)!)))
    push(child, { key: childField, value: call('one', id(p.ident), obj({ fields, references, ...named })) })
    // Drizzle's types take a relationName on `one` only with fields: a named one-to-one back end
    // states the join from its own side.
    const back: TsExpr[] =
      relationName === undefined
        ? [id(c.ident)]
        : oneToOne
          ? [id(c.ident), obj({ fields: arr(fk.target.columns.map((cid) => member(id(p.ident), p.keys.get(cid)!))), references: arr(fk.columns.map((cid) => member(id(c.ident), c.keys.get(cid)!))), ...named })]
          : [id(c.ident), obj(named)]
    push(parent, { key: backField, value: call(oneToOne ? 'one' : 'many', ...back) })
  }

  const out: TsDeclaration[] = []
  for (const t of tables) {
    const props = entries.get(t.id)
    if (!props) continue
    const names = ctx.tables.get(t.id)!
    // The query API aliases a joined table as `<table>_<relation>`, which PostgreSQL cuts at 63 bytes.
    if (byteLength(t.name) + 1 + Math.max(...props.map((p) => byteLength(p.key))) > maxIdentifierBytes)
      ctx.losses.report('drizzle-query-alias-length', ctx.losses.table(t))
    const used = ['one', 'many'].filter((h) => props.some((p) => p.value.kind === 'call' && p.value.callee.kind === 'ident' && p.value.callee.name === h))
    out.push({
      name: ctx.consts.claim(`${names.ident}Relations`),
      exported: true,
      docs: [],
      value: call('relations', id(names.ident), {
        kind: 'arrow',
        params: `{ ${used.join(', ')} }`,
        body: { kind: 'object', entries: props, multiline: true },
      }),
    })
  }
  return out
}
