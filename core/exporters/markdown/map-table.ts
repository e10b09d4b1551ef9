/**
 * One table's section of the data dictionary: its columns (type, nullability, default, keys,
 * comment), indexes, constraints and relationships with their cardinality in words.
 */
import { resolveNames } from '../../model/names.ts'
import { displayTableName, findColumn, indexSchema } from '../../model/queries.ts'
import { relationshipOf, type Relationship } from '../../model/relationships.ts'
import type { Column, ColumnType, Constraint, Index, Schema, Table } from '../../model/schema.ts'
import { formatColumnType, storageTypeName } from '../../model/types.ts'
import { assertNever } from '../../errors.ts'
import { quoteIdent, quoteLiteral, quoteQualified } from '../../sql/quote.ts'
import { code, strong, text, type Block, type Inline } from './print.ts'

export const tableAnchor = (t: Table) => `table:${t.id}`

const methodLabels: Record<Index['method'], string> = { btree: 'B-tree', hash: 'Hash', gin: 'GIN', gist: 'GiST', brin: 'BRIN', spgist: 'SP-GiST' }
const endWords = { 'exactly-one': 'exactly one', 'zero-or-one': 'zero or one', 'zero-or-many': 'zero or many' } as const

const yes: readonly Inline[] = [text('yes')]
const no: readonly Inline[] = [text('no')]
const none: readonly Inline[] = []

/** Inline lists joined by `, `. */
function joined(parts: ReadonlyArray<readonly Inline[]>): Inline[] {
  return parts.flatMap((p, i) => (i === 0 ? [...p] : [text(', '), ...p]))
}

export function tableSection(schema: Schema, t: Table, typeText: (type: ColumnType) => string): Block[] {
  const names = resolveNames(schema)
  const tables = indexSchema(schema).tables
  const colName = (table: Table, id: string) => findColumn(table, id as never)?.name ?? '?'
  const colList = (table: Table, ids: readonly string[]) => ids.map((id) => quoteIdent(colName(table, id))).join(', ')
  const sqlTable = (id: Table['id']) => {
    const table = tables.get(id)
    if (!table) return undefined
    const ns = indexSchema(schema).namespaces.get(table.namespaceId)?.name
    return { name: quoteQualified(ns === 'public' ? undefined : ns, table.name), table }
  }
  const via = (r: Relationship) =>
    `${sqlTable(r.child.id)!.name} (${colList(r.child, r.foreignKey.columns)}) → ${sqlTable(r.parent!.id)!.name} (${colList(r.parent!, r.foreignKey.target.columns)})`
  const link = (table: Table): Inline => ({ kind: 'link', target: tableAnchor(table), content: [code(displayTableName(schema, table))] })

  // Each column's keys, gathered in one pass over the table's constraints and indexes.
  const keys = new Map<string, Inline[][]>()
  const mark = (id: string, key: Inline[]) => (keys.get(id) ?? (keys.set(id, []), keys.get(id)!)).push(key)
  for (const id of t.primaryKey?.columns ?? []) mark(id, [text('PK')])
  for (const fk of t.foreignKeys) {
    const parent = tables.get(fk.target.tableId)
    if (parent) fk.columns.forEach((id, i) => mark(id, [text('FK → '), code(`${displayTableName(schema, parent)}.${colName(parent, fk.target.columns[i]!)}`)]))
  }
  for (const u of t.uniques) for (const id of u.columns) mark(id, u.columns.length === 1 ? [text('UQ')] : [text('UQ '), code(`(${colList(t, u.columns)})`)])
  for (const i of t.indexes) {
    const key = i.keys[0]
    if (i.unique && i.where === undefined && i.keys.length === 1 && key?.kind === 'column') mark(key.columnId, [text('UQ')])
  }
  const checked = new Set(t.checks.flatMap((c) => [...mentionedNames(c.expression)]))
  for (const c of t.columns) if (checked.has(c.name) || (c.name === c.name.toLowerCase() && checked.has(`~${c.name}`))) mark(c.id, [text('CHECK')])

  const columnRows = t.columns.map((c): Array<readonly Inline[]> => {
    const marks = keys.get(c.id)
    return [[code(c.name)], [code(typeText(c.type))], c.nullable ? yes : no, defaultCell(c), marks ? joined(marks) : none, c.comment ? [text(c.comment)] : none]
  })

  const indexRows = t.indexes.map((i): Inline[][] => {
    const keys = i.keys.map((k) => {
      const base = k.kind === 'column' ? quoteIdent(colName(t, k.columnId)) : `(${k.sql})`
      const collate = k.collation ? ` COLLATE ${quoteIdent(k.collation)}` : ''
      return `${base}${collate}${k.opclass ? ` ${k.opclass}` : ''}${k.order === 'desc' ? ' DESC' : ''}${k.nulls ? ` NULLS ${k.nulls.toUpperCase()}` : ''}`
    })
    const details: Inline[][] = []
    if (i.include.length) details.push([text('INCLUDE '), code(`(${colList(t, i.include)})`)])
    if (i.where !== undefined) details.push([text('WHERE '), code(i.where)])
    if (i.nullsNotDistinct) details.push([text('NULLS NOT DISTINCT')])
    const type = methodLabels[i.method] + (i.unique ? ', unique' : '')
    return [[code(names.indexes.get(i.id)!)], [code(keys.join(', '))], [text(type)], joined(details), i.comment ? [text(i.comment)] : []]
  })

  const constraintRows = [...(t.primaryKey ? [t.primaryKey] : []), ...t.uniques, ...t.checks, ...t.foreignKeys].map((c): Inline[][] => [
    [code(names.constraints.get(c.id)!)],
    [text(constraintKind(c))],
    constraintDefinition(c, t, colList, sqlTable),
    c.comment ? [text(c.comment)] : [],
  ])

  const related = [
    ...t.foreignKeys.map((fk) => relationshipOf(schema, t, fk)).filter((r) => r.parent).map((r) => belongsTo(r, schema, link, via)),
    ...(indexSchema(schema).referencedBy.get(t.id) ?? []).map(([child, fk]) => hasMany(relationshipOf(schema, child, fk), schema, link, via)),
  ]

  return [
    { kind: 'heading', level: 2, content: [text('Entity: '), code(displayTableName(schema, t))], anchor: tableAnchor(t) },
    ...(t.comment ? [{ kind: 'paragraph', content: [text(t.comment)] } as const] : []),
    { kind: 'heading', level: 3, content: [text('Columns')] },
    { kind: 'table', header: ['Column', 'Type', 'Nullable', 'Default', 'Constraints', 'Description'], rows: columnRows },
    ...(indexRows.length
      ? ([{ kind: 'heading', level: 3, content: [text('Indexes')] }, { kind: 'table', header: ['Name', 'Columns', 'Type', 'Details', 'Description'], rows: indexRows }] as const)
      : []),
    ...(constraintRows.length
      ? ([{ kind: 'heading', level: 3, content: [text('Constraints')] }, { kind: 'table', header: ['Name', 'Type', 'Definition', 'Description'], rows: constraintRows }] as const)
      : []),
    ...(related.length ? ([{ kind: 'heading', level: 3, content: [text('Relationships')] }, { kind: 'list', items: related }] as const) : []),
  ]
}

const numericTypes = new Set(['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision'])

/** Defaults as SQL, the way the DDL writes them: `'pending'`, `0`, `now()`. */
function defaultCell(c: Column): readonly Inline[] {
  if (c.identity) return [text(`identity (${c.identity === 'always' ? 'always' : 'by default'})`)]
  if (c.generated !== undefined) return [text('generated: '), code(c.generated)]
  if (!c.default) return none
  if (c.default.kind === 'expression') return [code(c.default.sql)]
  const v = c.default.value
  const scalar = c.type.kind === 'builtin' && c.type.arrayDims === 0
  const bare =
    scalar &&
    ((numericTypes.has(storageTypeName(c.type)) && /^-?\d+(\.\d+)?$/.test(v)) || (storageTypeName(c.type) === 'boolean' && (v === 'true' || v === 'false')))
  return [code(bare ? v : quoteLiteral(v))]
}

function constraintKind(c: Constraint): string {
  switch (c.kind) {
    case 'primaryKey':
      return 'PRIMARY KEY'
    case 'unique':
      return c.nullsNotDistinct ? 'UNIQUE NULLS NOT DISTINCT' : 'UNIQUE'
    case 'check':
      return c.noInherit ? 'CHECK NO INHERIT' : 'CHECK'
    case 'foreignKey':
      return 'FOREIGN KEY'
    default:
      return assertNever(c, 'constraint')
  }
}

function constraintDefinition(c: Constraint, t: Table, colList: ColList, sqlTable: (id: Table['id']) => { name: string; table: Table } | undefined): Inline[] {
  if (c.kind === 'check') return [code(c.expression)]
  if (c.kind !== 'foreignKey') return [code(`(${colList(t, c.columns)})`)]
  const parent = sqlTable(c.target.tableId)
  const target = parent ? `${parent.name} (${colList(parent.table, c.target.columns)})` : '?'
  const options = [
    c.onDelete && `ON DELETE ${c.onDelete.toUpperCase()}`,
    c.onUpdate && `ON UPDATE ${c.onUpdate.toUpperCase()}`,
    c.match && 'MATCH FULL',
    c.deferrable && c.deferrable !== 'not deferrable' && `DEFERRABLE ${c.deferrable.toUpperCase()}`,
  ].filter((o): o is string => !!o)
  return [code(`(${colList(t, c.columns)}) REFERENCES ${target}`), ...(options.length ? [text(`, ${options.join(', ')}`)] : [])]
}

type Link = (t: Table) => Inline
type ColList = (t: Table, ids: readonly string[]) => string
/** `orders (user_id) → users (id)` */
type Via = (r: Relationship) => string

/** Both ends in words: how many parent rows a child row has, and how many child rows a parent has. */
function cardinality(r: Relationship, schema: Schema): Inline[] {
  const child = code(displayTableName(schema, r.child))
  const parent = code(displayTableName(schema, r.parent!))
  return [text(`${endWords[r.parentEnd]} `), parent, text(' per '), child, text(`, ${endWords[r.childEnd]} `), child, text(' per '), parent]
}

function actions(r: Relationship, schema: Schema): Inline[] {
  const names = resolveNames(schema)
  const fk = r.foreignKey
  const parts = [fk.onDelete && `on delete ${fk.onDelete}`, fk.onUpdate && `on update ${fk.onUpdate}`].filter((p): p is string => !!p)
  return [text(parts.length ? `; ${parts.join(', ')} (` : ' ('), code(names.constraints.get(fk.id)!), text(')')]
}

function belongsTo(r: Relationship, schema: Schema, link: Link, via: Via): Inline[] {
  const verb = r.parentEnd === 'exactly-one' ? 'Belongs to' : 'Belongs to (optional)'
  return [strong(verb), text(' '), link(r.parent!), text(' via '), code(via(r)), text(': '), ...cardinality(r, schema), ...actions(r, schema)]
}

function hasMany(r: Relationship, schema: Schema, link: Link, via: Via): Inline[] {
  const verb = r.childEnd === 'zero-or-one' ? 'Has one' : 'Has many'
  return [strong(verb), text(' '), link(r.child), text(' via '), code(via(r)), text(': '), ...cardinality(r, schema), ...actions(r, schema)]
}

/**
 * Identifiers an SQL expression mentions, to mark the columns a check constrains: quoted names as
 * written, bare words as `~lowercased` (they match only columns whose name is all lower case).
 */
function mentionedNames(sql: string): Set<string> {
  const out = new Set<string>()
  for (const m of sql.matchAll(/'(?:[^']|'')*'|"((?:[^"]|"")*)"|([A-Za-z_][\w$]*)/g)) {
    if (m[1] !== undefined) out.add(m[1].replaceAll('""', '"'))
    else if (m[2] !== undefined) out.add(`~${m[2].toLowerCase()}`)
  }
  return out
}
