/**
 * The DBML proof: @dbml/core parses the export, and what it read compares field by field with
 * what the design says, worked out from the model here (not from the exporter): tables, columns
 * (type, NOT NULL, increment, default, note), primary keys, uniques and indexes (whether written
 * as settings or index lines), checks, refs with actions, enums, notes and groups.
 */
import type { Parser } from '@dbml/core'
import { expect } from 'vitest'
import type { CrowsfootDocument } from '../../document/document.ts'
import { resolveNames } from '../../model/names.ts'
import { findColumn, indexSchema } from '../../model/queries.ts'
import { relationshipOf } from '../../model/relationships.ts'
import type { ColumnType, Schema, Table } from '../../model/schema.ts'
import { formatColumnType } from '../../model/types.ts'
import { dbmlDedent } from './map-table.ts'

type Default = { literal: string } | { expression: string } | null
interface IndexView { columns: string[]; unique: boolean; name: string | null; type: string | null; note: string | null }
export interface DbmlView {
  enums: Array<{ name: string; values: string[] }>
  tables: Array<{
    name: string
    note: string | null
    fields: Array<{ name: string; type: string; notNull: boolean; increment: boolean; default: Default; note: string | null }>
    primaryKey: { columns: string[]; name: string | null; note: string | null } | null
    /** Unique settings of fields and index lines together, sorted: DBML may say either. */
    indexes: IndexView[]
    checks: Array<{ expression: string; name: string | null }>
  }>
  refs: Array<{ name: string | null; child: string; parent: string; oneToOne: boolean; onDelete: string | null; onUpdate: string | null }>
  groups: Array<{ name: string; tables: string[]; color: string | null; note: string | null }>
}

const sortIndexes = (list: IndexView[]) => list.map((i) => [JSON.stringify(i), i] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, i]) => i)
const q = (schema: string | null | undefined, name: string) => `${schema ?? 'public'}.${name}`
// @dbml/core's model classes are typed loosely and differently per version: read them as plain data.
type Any = any

export function readDbml(parser: Parser, text: string): DbmlView {
  const db: Any = parser.parse(text, 'dbmlv2')
  const schemas: Any[] = db.schemas
  return {
    enums: schemas.flatMap((s) => s.enums.map((e: Any) => ({ name: q(s.name, e.name), values: e.values.map((v: Any) => v.name) }))),
    tables: schemas.flatMap((s) =>
      s.tables.map((t: Any) => {
        const pkIndex = t.indexes.find((i: Any) => i.pk)
        const pkFields = t.fields.filter((f: Any) => f.pk).map((f: Any) => f.name)
        const column = (c: Any) => `${c.type}:${c.value}`
        return {
          name: q(s.name, t.name),
          note: t.note ?? null,
          fields: t.fields.map((f: Any) => ({
            name: f.name,
            type: (f.type.schemaName ? `${f.type.schemaName}.` : '') + (f.type.originalTypeName ?? f.type.type_name),
            notNull: f.not_null === true,
            increment: f.increment === true,
            default: readDefault(f.dbdefault),
            note: f.note ?? null,
          })),
          primaryKey: pkIndex
            ? { columns: pkIndex.columns.map((c: Any) => c.value), name: pkIndex.name ?? null, note: pkIndex.note ?? null }
            : pkFields.length
              ? { columns: pkFields, name: null, note: null }
              : null,
          indexes: sortIndexes([
            ...t.fields.filter((f: Any) => f.unique).map((f: Any) => ({ columns: [`column:${f.name}`], unique: true, name: null, type: null, note: null })),
            ...t.indexes
              .filter((i: Any) => !i.pk)
              .map((i: Any) => ({ columns: i.columns.map(column), unique: i.unique === true, name: i.name ?? null, type: i.type ?? null, note: i.note ?? null })),
          ]),
          checks: (t.checks ?? []).map((c: Any) => ({ expression: c.expression, name: c.name ?? null })),
        }
      }),
    ),
    refs: schemas.flatMap((s) =>
      s.refs.map((r: Any) => {
        const [a, b] = r.endpoints
        const oneToOne = a.relation === '1' && b.relation === '1'
        // `>`: the many side holds the key; `-`: the second endpoint does (as @dbml/core exports it).
        const [child, parent] = oneToOne ? [b, a] : a.relation === '*' ? [a, b] : [b, a]
        const end = (e: Any) => `${q(e.schemaName, e.tableName)}(${e.fieldNames.join(',')})`
        return { name: r.name ?? null, child: end(child), parent: end(parent), oneToOne, onDelete: r.onDelete ?? null, onUpdate: r.onUpdate ?? null }
      }),
    ),
    groups: schemas.flatMap((s) =>
      s.tableGroups.map((g: Any) => ({ name: g.name, tables: g.tables.map((t: Any) => q(t.schema.name, t.name)), color: g.color ?? null, note: g.note ?? null })),
    ),
  }
}

/** Notes as DBML documents reading them: indentation stripped (reported as a loss by the exporter). */
const noteText = (comment: string | undefined) => (comment ? dbmlDedent(comment) : null)

function readDefault(d: Any): Default {
  if (!d) return null
  return d.type === 'expression' ? { expression: d.value } : { literal: String(d.value) }
}

/**
 * What DBML must say about a design: all of it but what DBML has no syntax for (see dbml.ts).
 * Nothing is excused as broken: the designs proven here are whole, so that an object the exporter
 * wrongly left out shows as a difference.
 */
export function expectedDbml(schema: Schema, document?: CrowsfootDocument): DbmlView {
  const idx = indexSchema(schema)
  const names = resolveNames(schema)
  const ns = (id: string) => idx.namespaces.get(id as never)!.name
  const tableName = (t: Table) => q(ns(t.namespaceId), t.name)
  const written = (o: { id: string; name?: string }, name: string) => (o.name !== undefined || names.numbered.has(o.id as never) ? name : null)
  const tick = (s: string | undefined) => s !== undefined && s.includes('`')
  const typeText = (t: ColumnType) => {
    if (t.kind === 'custom') return (t.schema !== undefined ? `${t.schema}.` : '') + formatColumnType({ ...t, schema: undefined })
    if (t.kind === 'builtin') return formatColumnType(t)
    const e = idx.enums.get(t.enumId)!
    return (ns(e.namespaceId) === 'public' ? '' : `${ns(e.namespaceId)}.`) + e.name + '[]'.repeat(t.arrayDims)
  }
  const tables = schema.tables.filter((t) => t.columns.length > 0)
  const exported = new Set(tables.map((t) => t.id))
  const pairs = new Set<string>()
  return {
    enums: schema.enums
      .filter((e) => e.values.length > 0 && e.values.every((v) => v.name !== ''))
      .map((e) => ({ name: q(ns(e.namespaceId), e.name), values: e.values.map((v) => v.name) })),
    tables: tables.map((t) => {
      const colName = (id: string) => findColumn(t, id as never)!.name
      const pk = t.primaryKey
      const unique = (u: (typeof t.uniques)[number]) => ({
        columns: u.columns.map((id) => `column:${colName(id)}`),
        unique: true,
        name: written(u, names.constraints.get(u.id)!),
        type: null,
        note: noteText(u.comment),
      })
      return {
        name: tableName(t),
        note: noteText(t.comment),
        fields: t.columns.map((c) => ({
          name: c.name,
          type: typeText(c.type),
          notNull: !c.nullable,
          increment: c.identity !== undefined,
          default: !c.default ? null : c.default.kind === 'literal' ? { literal: c.default.value } : tick(c.default.sql) ? null : { expression: c.default.sql },
          note: noteText(c.comment),
        })),
        primaryKey: pk ? { columns: pk.columns.map(colName), name: written(pk, names.constraints.get(pk.id)!), note: noteText(pk.comment) } : null,
        indexes: sortIndexes([
          ...t.uniques.map(unique),
          ...t.indexes
            .filter((i) => !(i.unique && i.where !== undefined) && !i.keys.some((k) => k.kind === 'expression' && tick(k.sql)))
            .map((i) => ({
              columns: i.keys.map((k) => (k.kind === 'column' ? `column:${colName(k.columnId)}` : `expression:${k.sql}`)),
              unique: i.unique,
              name: written(i, names.indexes.get(i.id)!),
              type: i.method === 'btree' ? null : i.method,
              note: noteText(i.comment),
            })),
        ]),
        checks: t.checks.filter((c) => !tick(c.expression)).map((c) => ({ expression: c.expression, name: c.name })),
      }
    }),
    refs: tables.flatMap((t) =>
      t.foreignKeys.flatMap((fk) => {
        const parent = idx.tables.get(fk.target.tableId)
        if (!parent || !exported.has(parent.id)) return []
        const ends = [`${t.id}:${[...fk.columns].sort()}`, `${parent.id}:${[...fk.target.columns].sort()}`]
        const key = [...ends].sort().join('|')
        if (ends[0] === ends[1] || pairs.has(key)) return []
        pairs.add(key)
        const cols = (table: Table, ids: readonly string[]) => `${tableName(table)}(${ids.map((id) => findColumn(table, id as never)!.name).join(',')})`
        return [
          {
            name: written(fk, names.constraints.get(fk.id)!),
            child: cols(t, fk.columns),
            parent: cols(parent, fk.target.columns),
            oneToOne: relationshipOf(schema, t, fk).childEnd === 'zero-or-one',
            onDelete: fk.onDelete ?? null,
            onUpdate: fk.onUpdate ?? null,
          },
        ]
      }),
    ),
    groups: expectedGroups(document, new Map(tables.map((t) => [t.id as string, tableName(t)]))),
  }
}

function expectedGroups(document: CrowsfootDocument | undefined, tables: ReadonlyMap<string, string>): DbmlView['groups'] {
  const seen = new Set<string>()
  const names = new Set<string>()
  return (document?.layout.groups ?? []).flatMap((g) => {
    if (names.has(g.name)) return []
    names.add(g.name)
    const members = g.tableIds.filter((id) => tables.has(id) && !seen.has(id) && (seen.add(id), true)).map((id) => tables.get(id)!)
    const color = g.color && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(g.color) ? g.color : null
    return [{ name: g.name, tables: members, color, note: noteText(g.note) }]
  })
}

/** Item by item, so that a mismatch in a large design prints one small diff. */
export function expectSameDbml(got: DbmlView, want: DbmlView): void {
  const sortByName = <T extends { name: string }>(list: T[]) => [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  expect(sortByName(got.enums)).toEqual(sortByName(want.enums))
  const gotTables = sortByName(got.tables)
  const wantTables = sortByName(want.tables)
  expect(gotTables.map((t) => t.name)).toEqual(wantTables.map((t) => t.name))
  gotTables.forEach((t, i) => expect(t).toEqual(wantTables[i]))
  const key = (r: DbmlView['refs'][number]) => `${r.child}>${r.parent}`
  const refs = (list: DbmlView['refs']) => [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
  expect(got.refs.length).toBe(want.refs.length)
  const wantRefs = refs(want.refs)
  refs(got.refs).forEach((r, i) => expect(r).toEqual(wantRefs[i]))
  expect(got.groups).toEqual(want.groups)
}
