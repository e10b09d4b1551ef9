/**
 * The full DDL of a design, as statements in an order that always applies on a fresh database:
 * schemas, extensions, enums, tables with their keys, uniques and checks, indexes, then foreign
 * keys (so cycles, forward references and keys backed by a unique index work), comments last.
 */
import type { Diagnostic } from '../diagnostics.ts'
import { resolveNames } from '../model/names.ts'
import type { ResolvedNames } from '../model/names.ts'
import { indexSchema } from '../model/queries.ts'
import type { Schema, Table, UniqueConstraint } from '../model/schema.ts'
import { checkStructure } from '../model/validate.ts'
import type { StructuralReport } from '../model/validate.ts'
import type { DdlStatement } from './ddl.ts'
import { canInlinePrimaryKey, columnDef, constraintDef, indexDef, tableName } from './defs.ts'

export interface CreatePlan {
  readonly statements: DdlStatement[]
  readonly diagnostics: Diagnostic[]
}

/** Extensions a design needs because of the types, functions or operator classes it uses. */
const typeExtensions: Record<string, string> = {
  citext: 'citext',
  hstore: 'hstore',
  ltree: 'ltree',
  lquery: 'ltree',
  cube: 'cube',
  earth: 'earthdistance',
  isbn: 'isn',
  vector: 'vector',
  geometry: 'postgis',
  geography: 'postgis',
}
const functionExtensions: Array<[RegExp, string]> = [
  [/\buuid_generate_v[1-5]\s*\(/i, 'uuid-ossp'],
  [/\b(crypt|gen_salt|digest|hmac)\s*\(/i, 'pgcrypto'],
]
const opclassExtensions: Record<string, string> = { gin_trgm_ops: 'pg_trgm', gist_trgm_ops: 'pg_trgm' }

export function neededExtensions(schema: Schema): string[] {
  const out = new Set(schema.extensions)
  for (const t of schema.tables) {
    for (const c of t.columns) {
      if (c.type.kind === 'custom' && c.type.schema === undefined && typeExtensions[c.type.name]) out.add(typeExtensions[c.type.name]!)
      const expr = c.default?.kind === 'expression' ? c.default.sql : undefined
      for (const [re, ext] of functionExtensions) if (expr && re.test(expr)) out.add(ext)
    }
    for (const i of t.indexes)
      for (const k of i.keys) {
        const op = k.opclass?.split('.').pop()
        if (op && opclassExtensions[op]) out.add(opclassExtensions[op]!)
      }
  }
  return [...out]
}

export function createStatements(schema: Schema): CreatePlan {
  const report = checkStructure(schema)
  const idx = indexSchema(schema)
  const names = resolveNames(schema)
  const statements: DdlStatement[] = []
  const comments: DdlStatement[] = []
  const tables = schema.tables.filter((t) => !report.skipTables.has(t.id))

  for (const ns of schema.namespaces) {
    if (ns.name !== 'public') statements.push({ kind: 'createSchema', name: ns.name })
    if (ns.comment !== undefined) comments.push({ kind: 'comment', target: { kind: 'schema', name: ns.name }, text: ns.comment })
  }
  for (const ext of neededExtensions(schema)) statements.push({ kind: 'createExtension', name: ext })
  for (const e of schema.enums) {
    if (report.skipEnums.has(e.id)) continue
    const name = { namespace: idx.namespaces.get(e.namespaceId)!.name, name: e.name }
    statements.push({ kind: 'createEnum', name, values: e.values.map((v) => v.name) })
    if (e.comment !== undefined) comments.push({ kind: 'comment', target: { kind: 'type', name }, text: e.comment })
  }
  // Each table's statements are kept per table object (see TableStatements) and placed in the
  // order PostgreSQL needs: every table, then every index, then every foreign key, then comments.
  const groups = tables.map((t) => tableStatements(schema, t, report, names))
  for (const g of groups) for (const st of g.tables) statements.push(st)
  for (const g of groups) for (const st of g.comments) comments.push(st)
  for (const g of groups) for (const st of g.indexes) statements.push(st)
  for (const g of groups) for (const st of g.indexComments) comments.push(st)
  for (const g of groups) for (const st of g.foreignKeys) statements.push(st)
  // PostgreSQL treats an empty comment as no comment at all.
  statements.push(...comments.filter((c) => c.kind !== 'comment' || c.text !== ''))
  return { statements, diagnostics: report.diagnostics }
}

/**
 * One table's DDL: its CREATE TABLE (and uniques PostgreSQL would merge into it), indexes,
 * foreign keys and comments. Reused while everything it prints from outside the table is the
 * same: schema and enum names (qualified names, enum column types), the table's resolved names,
 * the tables its foreign keys point at, and which of its objects the structural check leaves out.
 */
interface TableStatements {
  readonly key: readonly unknown[]
  readonly tables: readonly DdlStatement[]
  readonly comments: readonly DdlStatement[]
  readonly indexes: readonly DdlStatement[]
  readonly indexComments: readonly DdlStatement[]
  readonly foreignKeys: readonly DdlStatement[]
}

const tableGroups = new WeakMap<Table, TableStatements>()

function tableStatements(schema: Schema, t: Table, report: StructuralReport, names: ResolvedNames): TableStatements {
  const skipped: string[] = []
  for (const c of t.columns) if (report.skipColumns.has(c.id)) skipped.push(c.id)
  if (t.primaryKey && report.skipConstraints.has(t.primaryKey.id)) skipped.push(t.primaryKey.id)
  for (const list of [t.uniques, t.checks, t.foreignKeys]) for (const c of list) if (report.skipConstraints.has(c.id)) skipped.push(c.id)
  for (const i of t.indexes) if (report.skipIndexes.has(i.id)) skipped.push(i.id)
  const idx = indexSchema(schema)
  const key: unknown[] = [schema.namespaces, schema.enums, names.tables?.get(t.id) ?? {}, skipped.join('\0')]
  for (const f of t.foreignKeys) key.push(idx.tables.get(f.target.tableId))
  const hit = tableGroups.get(t)
  if (hit && hit.key.length === key.length && hit.key.every((k, i) => k === key[i])) return hit
  const statements: DdlStatement[] = []
  const comments: DdlStatement[] = []
  const indexes: DdlStatement[] = []
  const indexComments: DdlStatement[] = []
  const foreignKeys: DdlStatement[] = []
  const name = tableName(schema, t)
  const inlinePk = canInlinePrimaryKey(schema, t) && !report.skipConstraints.has(t.primaryKey!.id)
  const columns = t.columns
    .filter((c) => !report.skipColumns.has(c.id))
    .map((c) => {
      const def = columnDef(schema, t, c)
      return inlinePk && t.primaryKey!.columns[0] === c.id ? { ...def, inlinePrimaryKey: true } : def
    })
  // Inside CREATE TABLE, PostgreSQL silently merges a UNIQUE identical to the primary key or to
  // an earlier UNIQUE; ALTER TABLE does not, so such duplicates are added afterwards.
  const indexLike: Array<{ columns: readonly string[]; nnd: boolean }> = []
  const sameKey = (cols: readonly string[], nnd: boolean) =>
    indexLike.some((k) => k.nnd === nnd && k.columns.length === cols.length && k.columns.every((c, i) => c === cols[i]))
  if (t.primaryKey && !report.skipConstraints.has(t.primaryKey.id)) indexLike.push({ columns: t.primaryKey.columns, nnd: false })
  const later: UniqueConstraint[] = []
  const uniques = t.uniques.filter((u) => {
    if (report.skipConstraints.has(u.id)) return false
    if (sameKey(u.columns, u.nullsNotDistinct ?? false)) return later.push(u), false
    indexLike.push({ columns: u.columns, nnd: u.nullsNotDistinct ?? false })
    return true
  })
  const keys = [...(t.primaryKey && !inlinePk ? [t.primaryKey] : []), ...uniques, ...t.checks].filter(
    (c) => !report.skipConstraints.has(c.id),
  )
  statements.push({
    kind: 'createTable',
    name,
    columns,
    constraints: keys.map((c) => constraintDef(schema, t, c)),
    ...(t.partitionBy ? { partitionBy: t.partitionBy } : {}),
    ...(t.unlogged ? { unlogged: true } : {}),
  })
  for (const u of later) statements.push({ kind: 'addConstraint', table: name, constraint: constraintDef(schema, t, u) })
  if (t.comment !== undefined) comments.push({ kind: 'comment', target: { kind: 'table', name }, text: t.comment })
  for (const c of t.columns)
    if (c.comment !== undefined && !report.skipColumns.has(c.id))
      comments.push({ kind: 'comment', target: { kind: 'column', table: name, column: c.name }, text: c.comment })
  for (const c of [...(t.primaryKey ? [t.primaryKey] : []), ...t.uniques, ...t.checks, ...t.foreignKeys])
    if (c.comment !== undefined && !report.skipConstraints.has(c.id))
      comments.push({
        kind: 'comment',
        target: { kind: 'constraint', table: name, constraint: names.constraints.get(c.id)! },
        text: c.comment,
      })
  for (const i of t.indexes) {
    if (report.skipIndexes.has(i.id)) continue
    const name = tableName(schema, t)
    indexes.push({ kind: 'createIndex', table: name, index: indexDef(schema, t, i) })
    if (i.comment !== undefined)
      indexComments.push({
        kind: 'comment',
        target: { kind: 'index', name: { namespace: name.namespace, name: names.indexes.get(i.id)! } },
        text: i.comment,
      })
  }
  for (const f of t.foreignKeys)
    if (!report.skipConstraints.has(f.id)) foreignKeys.push({ kind: 'addConstraint', table: tableName(schema, t), constraint: constraintDef(schema, t, f) })
  const group = { key, tables: statements, comments, indexes, indexComments, foreignKeys }
  tableGroups.set(t, group)
  return group
}
