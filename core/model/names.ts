/**
 * PostgreSQL's own naming of constraints and indexes that the user did not name
 * (`orders_pkey`, `orders_user_id_fkey`, `orders_email_key`, `orders_created_at_idx`), reproduced
 * exactly: names are cut to 63 bytes by shortening the longer part first, on a character
 * boundary, and a clash in the namespace adds a number to the label (`orders_pkey1`).
 *
 * The model leaves such names empty so that they follow the table when it is renamed; every
 * consumer that needs the real name (DDL, migrations, rules, other targets) asks here.
 */
import type { ConstraintId, IndexId, NamespaceId, TableId } from './ids.ts'
import { closingParen, stripOuterParens } from '../sql/expression.ts'
import { columnMap } from './queries.ts'
import type { Index, Schema, Table } from './schema.ts'
import { isSerial } from './types.ts'

export const maxIdentifierBytes = 63

export function byteLength(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4
      i++
    } else n += 3
  }
  return n
}

/** The longest prefix of `s` of at most `bytes` UTF-8 bytes that ends on a character boundary. */
export function clipBytes(s: string, bytes: number): string {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    const pair = c >= 0xd800 && c <= 0xdbff
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3
    // Stop before a character that would not fit whole: names are never cut mid-character.
    if (n + size > bytes) return s.slice(0, i)
    n += size
    if (pair) i++
  }
  return s
}

/** PostgreSQL's makeObjectName: `name1_name2_label`, cut to 63 bytes, longer part first. */
export function makeObjectName(name1: string, name2: string | undefined, label: string): string {
  let overhead = label ? byteLength(label) + 1 : 0
  let n1 = byteLength(name1)
  let n2 = 0
  if (name2 !== undefined) {
    n2 = byteLength(name2)
    overhead++
  }
  const avail = maxIdentifierBytes - overhead
  while (n1 + n2 > avail) {
    if (n1 > n2) n1--
    else n2--
  }
  let out = clipBytes(name1, n1)
  if (name2 !== undefined) out += '_' + clipBytes(name2, n2)
  if (label) out += '_' + label
  return out
}

/** Column names joined with `_`, stopping once the result reaches 64 bytes (as PostgreSQL does). */
export function joinNameParts(parts: readonly string[]): string {
  let out = ''
  let bytes = 0
  for (const p of parts) {
    if (out.length > 0) (out += '_'), bytes++
    const part = clipBytes(p, maxIdentifierBytes)
    out += part
    bytes += byteLength(part)
    if (bytes >= maxIdentifierBytes + 1) break
  }
  return out
}

/** Index column names: columns by name, expressions as `expr`, repeats numbered (`expr1`). */
export function indexColumnNames(table: Table, index: Pick<Index, 'keys' | 'include'>): string[] {
  const result: string[] = []
  const byId = columnMap(table)
  const names = [
    ...index.keys.map((k) => (k.kind === 'column' ? (byId.get(k.columnId)?.name ?? '?') : figureIndexColname(k.sql))),
    ...index.include.map((id) => byId.get(id)?.name ?? '?'),
  ]
  for (const orig of names) {
    let cur = orig
    for (let i = 1; result.includes(cur); i++) {
      const suffix = String(i)
      cur = clipBytes(orig, maxIdentifierBytes - suffix.length) + suffix
    }
    result.push(cur)
  }
  return result
}

/**
 * The name PostgreSQL gives an index expression column (FigureIndexColname): a function call is
 * named after the function, a cast after its argument or else its type, CASE/ARRAY/ROW after the
 * keyword, and anything else (operators) is `expr`.
 */
export function figureIndexColname(sql: string): string {
  return figure(stripOuterParens(sql.trim()))?.name ?? 'expr'
}

function figure(e: string): { name: string; strength: number } | undefined {
  const cast = splitTopLevelCast(e)
  if (cast) {
    const inner = figure(stripOuterParens(cast.arg))
    if (inner && inner.strength > 1) return inner
    const typeName = cast.type.replace(/\[\]|\(.*\)/g, '').trim().split('.').pop()!
    return { name: normalizeIdent(canonicalTypeName(typeName)), strength: 1 }
  }
  const call = /^((?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)(?:\s*\.\s*(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*))*)\s*\(/.exec(e)
  if (call && closingParen(e, call[0].length - 1) === e.length - 1) {
    const last = call[1]!.split('.').pop()!.trim()
    const name = normalizeIdent(last)
    if (name === 'cast') return undefined
    return { name: name === 'row' ? 'row' : name, strength: name === 'row' ? 1 : 2 }
  }
  if (/^case\b[\s\S]*\bend$/i.test(e)) return { name: 'case', strength: 1 }
  if (/^array\s*\[/i.test(e)) return { name: 'array', strength: 1 }
  if (/^(current_date|current_time|current_timestamp|localtime|localtimestamp|current_user|current_role|session_user|user|current_catalog|current_schema)$/i.test(e))
    return { name: e.toLowerCase(), strength: 2 }
  const ident = /^(?:(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)\s*\.\s*)*("(?:[^"]|"")+"|[A-Za-z_][\w$]*)$/.exec(e)
  if (ident) return { name: normalizeIdent(ident[1]!), strength: 2 }
  return undefined
}

const typeCanon: Record<string, string> = { int: 'int4', integer: 'int4', smallint: 'int2', bigint: 'int8', real: 'float4', float: 'float8', boolean: 'bool', decimal: 'numeric' }
function canonicalTypeName(t: string): string {
  return typeCanon[t.toLowerCase()] ?? t
}

function normalizeIdent(s: string): string {
  return s.startsWith('"') ? s.slice(1, -1).replaceAll('""', '"') : s.toLowerCase()
}

/** `expr::type` at the top level (outside parentheses and quotes), split at the last `::`. */
function splitTopLevelCast(e: string): { arg: string; type: string } | undefined {
  let depth = 0
  let quote: string | undefined
  let at = -1
  for (let i = 0; i < e.length; i++) {
    const c = e[i]!
    if (quote) {
      if (c === quote) quote = e[i + 1] === quote ? (i++, quote) : undefined
      continue
    }
    if (c === "'" || c === '"') quote = c
    else if (c === '(' || c === '[') depth++
    else if (c === ')' || c === ']') depth--
    else if (depth === 0 && c === ':' && e[i + 1] === ':') (at = i), i++
    else if (depth === 0 && /[+\-*/<>=|&!%^~@#?]/.test(c)) return undefined
    else if (depth === 0 && /\s/.test(c) && /^\s+(and|or|is|in|like|ilike|between|similar|not|collate)\b/i.test(e.slice(i))) return undefined
  }
  // `::` binds tighter than any operator, so it is the outermost node only when no operator stands
  // at the top level.
  if (at < 0) return undefined
  const type = e.slice(at + 2).trim()
  if (!/^("(?:[^"]|"")+"|[A-Za-z_][\w$ .]*)(\(.*\))?(\[\])*$/.test(type)) return undefined
  return { arg: e.slice(0, at).trim(), type }
}

export type NamedObjectKind = 'primaryKey' | 'unique' | 'foreignKey' | 'index'

/** The name PostgreSQL would choose if nothing else in the namespace were called that. */
export function simpleDefaultName(table: Table, object: DefaultNamedObject): string {
  switch (object.kind) {
    case 'primaryKey':
      return makeObjectName(table.name, undefined, 'pkey')
    case 'unique':
      return makeObjectName(table.name, joinNameParts(columnNames(table, object.columns)), 'key')
    case 'foreignKey':
      return makeObjectName(table.name, joinNameParts(columnNames(table, object.columns)), 'fkey')
    case 'index':
      return makeObjectName(table.name, joinNameParts(indexColumnNames(table, object)), 'idx')
  }
}

type DefaultNamedObject =
  | { kind: 'primaryKey' }
  | { kind: 'unique'; columns: readonly string[] }
  | { kind: 'foreignKey'; columns: readonly string[] }
  | ({ kind: 'index' } & Pick<Index, 'keys' | 'include'>)

function columnNames(table: Table, ids: readonly string[]): string[] {
  const byId = columnMap(table)
  return ids.map((id) => byId.get(id as never)?.name ?? '?')
}

/**
 * The effective name of every constraint and index of a schema. Named objects keep their name;
 * unnamed ones get PostgreSQL's default, numbered past any clash in their namespace the way
 * PostgreSQL numbers them. Cached per schema object: the model is immutable.
 */
export interface ResolvedNames {
  readonly constraints: ReadonlyMap<ConstraintId, string>
  readonly indexes: ReadonlyMap<IndexId, string>
  /** Unnamed objects whose resolved name differs from the simple default (a clash was avoided). */
  readonly numbered: ReadonlySet<ConstraintId | IndexId>
  /**
   * The resolved names of each table's keys, checks, foreign keys and indexes, in model order. The
   * same object from one version to the next while the table's names stay the same, so consumers
   * caching per table can tell with `===` that a clash elsewhere renumbered nothing of theirs.
   */
  readonly tables?: ReadonlyMap<TableId, TableNames>
}

export interface TableNames {
  readonly primaryKey: string | undefined
  readonly uniques: readonly string[]
  readonly checks: readonly string[]
  readonly foreignKeys: readonly string[]
  readonly indexes: readonly string[]
}

const cache = new WeakMap<Schema, ResolvedNames>()

/**
 * What naming needs from one table, worked out once per table object: the explicit names it
 * claims, and the first candidate (and its parts) for each unnamed object. An edit makes new
 * objects only for the tables it changes, so a new version of a 1,000-table design recomputes a
 * handful of these; the namespace-wide clash check that remains is set lookups.
 */
interface Unnamed {
  readonly cols: string | undefined
  readonly first: string
}
interface TableNaming {
  readonly relations: readonly string[]
  readonly constraints: readonly string[]
  readonly primaryKey: Unnamed | undefined
  readonly uniques: ReadonlyArray<Unnamed | undefined>
  readonly foreignKeys: ReadonlyArray<Unnamed | undefined>
  readonly indexes: ReadonlyArray<Unnamed | undefined>
}
const namings = new WeakMap<Table, TableNaming>()
/** The last names handed out for each table object, to hand the same object out again. */
const lastNames = new WeakMap<Table, TableNames>()

function tableNaming(t: Table): TableNaming {
  const hit = namings.get(t)
  if (hit) return hit
  const relations: string[] = [t.name]
  const constraints: string[] = []
  for (const c of t.columns) if (isSerial(c.type)) relations.push(makeObjectName(t.name, c.name, 'seq'))
  if (t.primaryKey?.name) relations.push(t.primaryKey.name), constraints.push(t.primaryKey.name)
  for (const u of t.uniques) if (u.name) relations.push(u.name), constraints.push(u.name)
  for (const c of t.checks) constraints.push(c.name)
  for (const f of t.foreignKeys) if (f.name) constraints.push(f.name)
  for (const i of t.indexes) if (i.name) relations.push(i.name)
  const unnamed = (cols: string | undefined, label: string): Unnamed => ({ cols, first: makeObjectName(t.name, cols, label) })
  const naming: TableNaming = {
    relations,
    constraints,
    primaryKey: t.primaryKey && !t.primaryKey.name ? unnamed(undefined, 'pkey') : undefined,
    uniques: t.uniques.map((u) => (u.name ? undefined : unnamed(joinNameParts(columnNames(t, u.columns)), 'key'))),
    foreignKeys: t.foreignKeys.map((f) => (f.name ? undefined : unnamed(joinNameParts(columnNames(t, f.columns)), 'fkey'))),
    indexes: t.indexes.map((i) => (i.name ? undefined : unnamed(joinNameParts(indexColumnNames(t, i)), 'idx'))),
  }
  namings.set(t, naming)
  return naming
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i])

export function resolveNames(schema: Schema): ResolvedNames {
  const hit = cache.get(schema)
  if (hit) return hit
  const constraints = new Map<ConstraintId, string>()
  const indexes = new Map<IndexId, string>()
  const numbered = new Set<ConstraintId | IndexId>()
  // Relation names (tables, indexes, sequences) and constraint names, per namespace.
  const relationNames = new Map<NamespaceId, Set<string>>()
  const constraintNames = new Map<NamespaceId, Set<string>>()
  const set = (m: Map<NamespaceId, Set<string>>, ns: NamespaceId) => {
    let s = m.get(ns)
    if (!s) m.set(ns, (s = new Set()))
    return s
  }
  const naming = schema.tables.map(tableNaming)
  // First every explicit name, so that generated names step around them wherever they stand.
  schema.tables.forEach((t, k) => {
    const rel = set(relationNames, t.namespaceId)
    const con = set(constraintNames, t.namespaceId)
    for (const n of naming[k]!.relations) rel.add(n)
    for (const n of naming[k]!.constraints) con.add(n)
  })
  // Then the unnamed ones, in the order our DDL creates them: keys with their table, then foreign
  // keys, then indexes.
  // Returns the chosen name; records in `numbered` when a clash forced a number onto the label.
  const choose = (id: ConstraintId | IndexId, t: Table, u: Unnamed, label: string, taken: Array<Set<string>>) => {
    let name = u.first
    let pass = 0
    while (taken.some((s) => s.has(name))) name = makeObjectName(t.name, u.cols, label + ++pass)
    for (const s of taken) s.add(name)
    if (pass > 0) numbered.add(id)
    return name
  }
  const pkNames: Array<string | undefined> = []
  const uniqueNames: string[][] = []
  schema.tables.forEach((t, k) => {
    const n = naming[k]!
    const rel = set(relationNames, t.namespaceId)
    const con = set(constraintNames, t.namespaceId)
    const pk = t.primaryKey
    let pkName: string | undefined
    if (pk) pkName = pk.name || choose(pk.id, t, n.primaryKey!, 'pkey', [rel, con])
    if (pk) constraints.set(pk.id, pkName!)
    pkNames.push(pkName)
    uniqueNames.push(
      t.uniques.map((u, j) => {
        const name = u.name || choose(u.id, t, n.uniques[j]!, 'key', [rel, con])
        constraints.set(u.id, name)
        return name
      }),
    )
    for (const c of t.checks) constraints.set(c.id, c.name)
  })
  const fkNames = schema.tables.map((t, k) => {
    const n = naming[k]!
    const con = set(constraintNames, t.namespaceId)
    return t.foreignKeys.map((f, j) => {
      const name = f.name || choose(f.id, t, n.foreignKeys[j]!, 'fkey', [con])
      constraints.set(f.id, name)
      return name
    })
  })
  const tables = new Map<TableId, TableNames>()
  schema.tables.forEach((t, k) => {
    const n = naming[k]!
    const rel = set(relationNames, t.namespaceId)
    const indexNames = t.indexes.map((i, j) => {
      const name = i.name || choose(i.id, t, n.indexes[j]!, 'idx', [rel])
      indexes.set(i.id, name)
      return name
    })
    const checks = t.checks.map((c) => c.name)
    const last = lastNames.get(t)
    const same =
      last !== undefined &&
      last.primaryKey === pkNames[k] &&
      sameList(last.uniques, uniqueNames[k]!) &&
      sameList(last.checks, checks) &&
      sameList(last.foreignKeys, fkNames[k]!) &&
      sameList(last.indexes, indexNames)
    const record = same ? last : { primaryKey: pkNames[k], uniques: uniqueNames[k]!, checks, foreignKeys: fkNames[k]!, indexes: indexNames }
    if (!same) lastNames.set(t, record)
    tables.set(t.id, record)
  })
  const result = { constraints, indexes, numbered, tables }
  cache.set(schema, result)
  return result
}
