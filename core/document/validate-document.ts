/**
 * What a valid document looks like, field by field, and the cross-references a shape check cannot
 * see (a foreign key's target table exists, ids are unique, ...).
 */
import { builtinTypeNames, indexMethods } from '../model/schema.ts'
import type { Schema } from '../model/schema.ts'
import { resolveConfig } from '../rules/config.ts'
import { rules } from '../rules/index.ts'
import type { CrowsfootDocument } from './document.ts'
import type { Check, Path, Problem } from './shape.ts'
import { bool, byKind, finiteNumber, int, list, nonEmptyStr, obj, oneOf, record, str } from './shape.ts'

const id = nonEmptyStr
const opt = (check: Check) => check
const dims = int(0, 6)
const fkAction = oneOf('no action', 'restrict', 'cascade', 'set null', 'set default')

const columnType = byKind({
  builtin: obj({
    kind: str,
    name: oneOf(...builtinTypeNames),
    'length?': int(1, 10485760),
    'precision?': int(0, 1000),
    'scale?': int(-1000, 1000),
    'fields?': str,
    arrayDims: dims,
  }),
  enum: obj({ kind: str, enumId: id, arrayDims: dims }),
  custom: obj({ kind: str, 'schema?': nonEmptyStr, name: nonEmptyStr, 'modifiers?': list(nonEmptyStr, 16), arrayDims: dims }),
})

const column = obj({
  id,
  name: str,
  type: columnType,
  nullable: bool,
  'default?': byKind({ literal: obj({ kind: str, value: str }), expression: obj({ kind: str, sql: str }) }),
  'identity?': oneOf('always', 'by-default'),
  'generated?': str,
  'collation?': nonEmptyStr,
  'comment?': str,
})

const keyOptions = { 'order?': oneOf('desc'), 'nulls?': oneOf('first', 'last'), 'opclass?': nonEmptyStr, 'collation?': nonEmptyStr }

const table = obj({
  id,
  namespaceId: id,
  name: str,
  'comment?': str,
  columns: list(column, 1600),
  'primaryKey?': obj({ kind: oneOf('primaryKey'), id, 'name?': str, columns: list(id), 'comment?': str }),
  uniques: list(obj({ kind: oneOf('unique'), id, 'name?': str, columns: list(id), 'nullsNotDistinct?': bool, 'comment?': str })),
  checks: list(obj({ kind: oneOf('check'), id, name: str, expression: str, 'noInherit?': bool, 'comment?': str })),
  foreignKeys: list(
    obj({
      kind: oneOf('foreignKey'),
      id,
      'name?': str,
      columns: list(id),
      target: obj({ tableId: id, columns: list(id) }),
      'onDelete?': fkAction,
      'onUpdate?': fkAction,
      'match?': oneOf('full'),
      'deferrable?': oneOf('not deferrable', 'initially immediate', 'initially deferred'),
      'comment?': str,
    }),
  ),
  indexes: list(
    obj({
      id,
      'name?': str,
      unique: bool,
      method: oneOf(...indexMethods),
      keys: list(byKind({ column: obj({ kind: str, columnId: id, ...keyOptions }), expression: obj({ kind: str, sql: str, ...keyOptions }) })),
      include: list(id),
      'where?': str,
      'nullsNotDistinct?': bool,
      'comment?': str,
    }),
  ),
  'partitionBy?': obj({ strategy: oneOf('range', 'list', 'hash'), key: nonEmptyStr }),
  'unlogged?': bool,
})

const schema = obj({
  namespaces: list(obj({ id, name: str, 'comment?': str })),
  enums: list(obj({ id, namespaceId: id, name: str, values: list(obj({ id, name: str })), 'comment?': str })),
  tables: list(table),
  extensions: list(nonEmptyStr),
})

/** The design's own rule configuration (what `crowsfoot.config.json` holds), checked rule by rule. */
function lintConfig(value: unknown, path: Path): Problem | undefined {
  const problem = resolveConfig(value, rules).problems[0]
  return problem ? { path: [...path, ...problem.path], message: problem.message } : undefined
}

const isoTime: Check = (v, path) =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(v) && !Number.isNaN(Date.parse(v))
    ? undefined
    : { path, message: `Expected a UTC time like "2026-03-01T09:30:00.000Z", found ${JSON.stringify(v)?.slice(0, 40)}.` }

export const documentShape: Check = obj({
  version: int(2, 2),
  name: str,
  schema,
  layout: obj({
    tables: record(obj({ x: finiteNumber, y: finiteNumber, 'color?': opt(str), 'pinned?': bool })),
    'groups?': list(obj({ id, name: str, tableIds: list(id), 'color?': str, 'note?': str })),
  }),
  'lint?': lintConfig,
  'comments?': list(
    obj({
      id,
      target: byKind({
        table: obj({ kind: str, tableId: id }),
        column: obj({ kind: str, tableId: id, columnId: id }),
        relationship: obj({ kind: str, tableId: id, foreignKeyId: id }),
      }),
      author: str,
      text: str,
      at: isoTime,
      'resolved?': bool,
      'replyTo?': id,
    }),
    100_000,
  ),
  'versions?': list(obj({ id, message: str, at: isoTime, schema }), 10_000),
})

/** Ids unique, and every reference pointing at something that exists, in the design and in every saved version. */
export function checkReferences(doc: CrowsfootDocument): Problem | undefined {
  const p = checkSchemaReferences(doc.schema, ['schema'])
  if (p) return p
  const versionIds = new Set<string>()
  for (const [i, v] of (doc.versions ?? []).entries()) {
    if (versionIds.has(v.id)) return { path: ['versions', i, 'id'], message: `Two saved versions have the id "${v.id}".` }
    versionIds.add(v.id)
    const q = checkSchemaReferences(v.schema, ['versions', i, 'schema'])
    if (q) return q
  }
  return undefined
}

function checkSchemaReferences(s: Schema, prefix: Path): Problem | undefined {
  const seen = new Set<string>()
  const unique = (value: string, path: Path): Problem | undefined => {
    if (seen.has(value)) return { path, message: `The id "${value}" is used twice.` }
    seen.add(value)
    return undefined
  }
  const at = (...p: Path): Path => [...prefix, ...p]
  const namespaces = new Set(s.namespaces.map((n) => n.id as string))
  const enums = new Set(s.enums.map((e) => e.id as string))
  const tableCols = new Map(s.tables.map((t) => [t.id as string, new Set(t.columns.map((c) => c.id as string))]))
  for (const [i, n] of s.namespaces.entries()) {
    const p = unique(n.id, at('namespaces', i, 'id'))
    if (p) return p
  }
  for (const [i, e] of s.enums.entries()) {
    const p = unique(e.id, at('enums', i, 'id'))
    if (p) return p
    if (!namespaces.has(e.namespaceId)) return { path: at('enums', i, 'namespaceId'), message: `No schema has the id "${e.namespaceId}".` }
    for (const [j, v] of e.values.entries()) {
      const q = unique(v.id, at('enums', i, 'values', j, 'id'))
      if (q) return q
    }
  }
  for (const [ti, t] of s.tables.entries()) {
    const base = (...p: Path) => at('tables', ti, ...p)
    let p = unique(t.id, base('id'))
    if (p) return p
    if (!namespaces.has(t.namespaceId)) return { path: base('namespaceId'), message: `No schema has the id "${t.namespaceId}".` }
    const cols = tableCols.get(t.id)!
    for (const [ci, c] of t.columns.entries()) {
      p = unique(c.id, base('columns', ci, 'id'))
      if (p) return p
      if (c.type.kind === 'enum' && !enums.has(c.type.enumId))
        return { path: base('columns', ci, 'type', 'enumId'), message: `No enum has the id "${c.type.enumId}".` }
    }
    const colRefs = (ids: readonly string[], path: Path, set = cols): Problem | undefined => {
      const k = ids.findIndex((x) => !set.has(x))
      return k < 0 ? undefined : { path: [...path, k], message: `No column of this table has the id "${ids[k]}".` }
    }
    const constraints = [
      ...(t.primaryKey ? [[t.primaryKey, base('primaryKey')] as const] : []),
      ...t.uniques.map((u, i) => [u, base('uniques', i)] as const),
      ...t.checks.map((c, i) => [c, base('checks', i)] as const),
      ...t.foreignKeys.map((f, i) => [f, base('foreignKeys', i)] as const),
    ]
    for (const [c, path] of constraints) {
      p = unique(c.id, [...path, 'id'])
      if (p) return p
      if (c.kind !== 'check') {
        p = colRefs(c.columns, [...path, 'columns'])
        if (p) return p
      }
      if (c.kind === 'foreignKey') {
        const target = tableCols.get(c.target.tableId)
        if (!target) return { path: [...path, 'target', 'tableId'], message: `No table has the id "${c.target.tableId}".` }
        p = colRefs(c.target.columns, [...path, 'target', 'columns'], target)
        if (p) return { ...p, message: p.message.replace('this table', 'the referenced table') }
      }
    }
    for (const [ii, ix] of t.indexes.entries()) {
      p = unique(ix.id, base('indexes', ii, 'id'))
      if (p) return p
      for (const [ki, k] of ix.keys.entries())
        if (k.kind === 'column' && !cols.has(k.columnId))
          return { path: base('indexes', ii, 'keys', ki, 'columnId'), message: `No column of this table has the id "${k.columnId}".` }
      p = colRefs(ix.include, base('indexes', ii, 'include'))
      if (p) return p
    }
  }
  return undefined
}
