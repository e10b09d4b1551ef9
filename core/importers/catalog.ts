/**
 * Reads a live PostgreSQL catalog into the model. The same queries run on PGlite (tests, the
 * browser) and on a server through `pg` (`crowsfoot pull`), behind a one-function client.
 *
 * Composite values come back as JSON text and are parsed here, so that client libraries that map
 * arrays and int2vectors differently all give the same result.
 */
import type { IdGenerator } from '../model/ids.ts'
import { sequentialIds } from '../model/ids.ts'
import type {
  CheckConstraint,
  Column,
  ColumnDefault,
  ColumnType,
  Constraint,
  EnumType,
  ForeignKey,
  FkAction,
  Index,
  IndexKey,
  Namespace,
  PrimaryKey,
  Schema,
  Table,
  UniqueConstraint,
} from '../model/schema.ts'
import { dropDefaultNames } from '../model/default-names.ts'
import { parseColumnType } from '../model/types.ts'
import { stripOuterParens } from '../sql/expression.ts'

export type QueryFn = (sql: string) => Promise<{ rows: Array<Record<string, unknown>> }>

export interface ReadCatalogOptions {
  /** Only these schemas (namespaces); default: every user schema. */
  readonly namespaces?: readonly string[]
  readonly ids?: IdGenerator
  /** Keep constraint and index names equal to PostgreSQL's defaults (default: drop them). */
  readonly keepDefaultNames?: boolean
}

const userNamespaces = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg_temp_%' AND n.nspname NOT LIKE 'pg_toast_temp_%'
  AND n.oid NOT IN (SELECT d.objid FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass AND d.deptype = 'e')`

// NOT IN over a subquery is planned as one hashed lookup; NOT EXISTS became a per-row scan of
// pg_depend, which crawls on a catalog bloated by many drops.
const notExtensionMember = (catalog: string, oid: string) =>
  `${oid} NOT IN (SELECT d.objid FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.deptype = 'e')`

/** The catalog queries, exported so tests can show what `pull` runs. */
export function catalogQueries(version: number) {
  const nullsNotDistinct = version >= 150000 ? 'i.indnullsnotdistinct' : 'false'
  return {
    namespaces: `SELECT n.oid::int8::text AS oid, n.nspname AS name, obj_description(n.oid, 'pg_namespace') AS comment
      FROM pg_namespace n WHERE ${userNamespaces} ORDER BY n.nspname`,
    extensions: `SELECT extname AS name FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY extname`,
    enums: `SELECT t.oid::int8::text AS oid, t.typnamespace::int8::text AS ns, t.typname AS name,
        obj_description(t.oid, 'pg_type') AS comment,
        (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)::text AS labels
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'e' AND ${userNamespaces} AND ${notExtensionMember('pg_type', 't.oid')}
      ORDER BY t.oid`,
    tables: `SELECT c.oid::int8::text AS oid, c.relnamespace::int8::text AS ns, c.relname AS name, c.relkind AS kind,
        c.relpersistence AS persistence, obj_description(c.oid, 'pg_class') AS comment,
        CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partkey
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${userNamespaces}
        AND ${notExtensionMember('pg_class', 'c.oid')}
      ORDER BY c.oid`,
    columns: `SELECT a.attrelid::int8::text AS rel, a.attnum AS num, a.attname AS name,
        format_type(a.atttypid, a.atttypmod) AS formatted, a.attndims AS ndims, a.attnotnull AS notnull,
        a.attidentity AS identity, a.attgenerated AS generated,
        pg_get_expr(ad.adbin, ad.adrelid) AS default_expr,
        col_description(a.attrelid, a.attnum) AS comment,
        CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0 THEN co.collname END AS collation,
        bt.typtype AS base_typtype, bt.oid::int8::text AS base_oid, bn.nspname AS base_ns, bt.typname AS base_name,
        (t.typcategory = 'A') AS is_array,
        (SELECT s.relname FROM pg_depend dp JOIN pg_class s ON s.oid = dp.objid
          WHERE dp.classid = 'pg_class'::regclass AND dp.refobjid = a.attrelid AND dp.refobjsubid = a.attnum
            AND dp.deptype = 'a' AND s.relkind = 'S' LIMIT 1) AS owned_sequence
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_type t ON t.oid = a.atttypid
      JOIN pg_type bt ON bt.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END
      JOIN pg_namespace bn ON bn.oid = bt.typnamespace
      LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
      LEFT JOIN pg_collation co ON co.oid = a.attcollation
      WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${userNamespaces}
      ORDER BY a.attrelid, a.attnum`,
    constraints: `SELECT con.oid::int8::text AS oid, con.conrelid::int8::text AS rel, con.conname AS name, con.contype AS type,
        array_to_json(con.conkey)::text AS keys, con.confrelid::int8::text AS frel, array_to_json(con.confkey)::text AS fkeys,
        con.confupdtype AS upd, con.confdeltype AS del, con.confmatchtype AS match,
        con.condeferrable AS deferrable, con.condeferred AS deferred, con.connoinherit AS noinherit,
        pg_get_constraintdef(con.oid) AS def, obj_description(con.oid, 'pg_constraint') AS comment,
        (SELECT ${nullsNotDistinct} FROM pg_index i WHERE i.indexrelid = con.conindid) AS nulls_not_distinct
      FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE con.contype IN ('p', 'u', 'c', 'f') AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${userNamespaces}
        AND con.conparentid = 0
      ORDER BY con.oid`,
    indexes: `SELECT i.indexrelid::int8::text AS oid, i.indrelid::int8::text AS rel, ic.relname AS name,
        i.indisunique AS uniq, am.amname AS method, i.indnkeyatts AS nkeys,
        array_to_json(i.indkey::int2[])::text AS attnums, array_to_json(i.indoption::int2[])::text AS options,
        (SELECT json_agg(json_build_object('def', pg_get_indexdef(i.indexrelid, k, true),
           'opc', opc.opcname, 'opcns', opcn.nspname, 'opcdefault', opc.opcdefault,
           'coll', CASE WHEN i.indcollation[k - 1] NOT IN (0, 100) THEN col.collname END) ORDER BY k)
         FROM generate_subscripts(i.indkey::int2[], 1) AS gs(k0)
         CROSS JOIN LATERAL (SELECT gs.k0 + 1 AS k) kk
         LEFT JOIN pg_opclass opc ON opc.oid = i.indclass[k - 1]
         LEFT JOIN pg_namespace opcn ON opcn.oid = opc.opcnamespace
         LEFT JOIN pg_collation col ON col.oid = i.indcollation[k - 1])::text AS keys,
        pg_get_expr(i.indpred, i.indrelid, true) AS pred, ${nullsNotDistinct} AS nulls_not_distinct,
        obj_description(i.indexrelid, 'pg_class') AS comment
      FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am am ON am.oid = ic.relam
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${userNamespaces}
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
      ORDER BY i.indexrelid`,
  }
}

const actions: Record<string, FkAction | undefined> = { a: undefined, r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' }

export async function readCatalog(query: QueryFn, options: ReadCatalogOptions = {}): Promise<Schema> {
  const ids = options.ids ?? sequentialIds()
  const versionRows = await query(`SELECT current_setting('server_version_num')::int AS v`)
  const q = catalogQueries(Number(versionRows.rows[0]?.v ?? 150000))
  const str = (v: unknown) => (v === null || v === undefined ? undefined : String(v))
  const wanted = (name: string) => !options.namespaces || options.namespaces.includes(name)

  const namespaces: Namespace[] = []
  const nsByOid = new Map<string, Namespace>()
  for (const r of (await query(q.namespaces)).rows) {
    const name = String(r.name)
    if (!wanted(name)) continue
    const comment = str(r.comment)
    // PostgreSQL ships `public` with this comment; it is not the user's.
    const ns: Namespace = { id: ids.next('namespace'), name, ...(comment !== undefined && !(name === 'public' && comment === 'standard public schema') ? { comment } : {}) }
    namespaces.push(ns)
    nsByOid.set(String(r.oid), ns)
  }
  const extensions = (await query(q.extensions)).rows.map((r) => String(r.name))

  const enums: EnumType[] = []
  const enumByOid = new Map<string, EnumType>()
  for (const r of (await query(q.enums)).rows) {
    const ns = nsByOid.get(String(r.ns))
    if (!ns) continue
    const labels = JSON.parse(String(r.labels ?? '[]')) as string[] | null
    const comment = str(r.comment)
    const e: EnumType = {
      id: ids.next('enum'),
      namespaceId: ns.id,
      name: String(r.name),
      values: (labels ?? []).map((name) => ({ id: ids.next('enumValue'), name })),
      ...(comment !== undefined ? { comment } : {}),
    }
    enums.push(e)
    enumByOid.set(String(r.oid), e)
  }

  interface Building {
    table: { -readonly [K in keyof Table]: Table[K] }
    columnsByNum: Map<number, Column>
  }
  const tables = new Map<string, Building>()
  for (const r of (await query(q.tables)).rows) {
    const ns = nsByOid.get(String(r.ns))
    if (!ns) continue
    const comment = str(r.comment)
    const partkey = str(r.partkey)
    const pm = partkey ? /^(RANGE|LIST|HASH)\s*\((.*)\)$/s.exec(partkey) : null
    tables.set(String(r.oid), {
      table: {
        id: ids.next('table'),
        namespaceId: ns.id,
        name: String(r.name),
        ...(comment !== undefined ? { comment } : {}),
        columns: [],
        uniques: [],
        checks: [],
        foreignKeys: [],
        indexes: [],
        ...(pm ? { partitionBy: { strategy: pm[1]!.toLowerCase() as 'range', key: pm[2]! } } : {}),
        ...(r.persistence === 'u' ? { unlogged: true } : {}),
      },
      columnsByNum: new Map(),
    })
  }

  for (const r of (await query(q.columns)).rows) {
    const b = tables.get(String(r.rel))
    if (!b) continue
    const column = readColumn(r, ids, enumByOid)
    b.columnsByNum.set(Number(r.num), column)
    b.table.columns = [...b.table.columns, column]
  }

  for (const r of (await query(q.constraints)).rows) {
    const b = tables.get(String(r.rel))
    if (!b) continue
    const cols = (json: unknown, bt: Building) =>
      (JSON.parse(String(json ?? '[]')) as number[] | null ?? []).map((n) => bt.columnsByNum.get(n)!.id)
    const comment = str(r.comment)
    const base = { id: ids.next('constraint'), name: String(r.name), ...(comment !== undefined ? { comment } : {}) }
    let c: Constraint
    switch (r.type) {
      case 'p':
        c = { kind: 'primaryKey', ...base, columns: cols(r.keys, b) } satisfies PrimaryKey
        b.table.primaryKey = c
        break
      case 'u':
        c = { kind: 'unique', ...base, columns: cols(r.keys, b), ...(r.nulls_not_distinct ? { nullsNotDistinct: true } : {}) } satisfies UniqueConstraint
        b.table.uniques = [...b.table.uniques, c]
        break
      case 'c':
        c = {
          kind: 'check',
          ...base,
          expression: checkBody(String(r.def)),
          ...(r.noinherit ? { noInherit: true } : {}),
        } satisfies CheckConstraint
        b.table.checks = [...b.table.checks, c]
        break
      case 'f': {
        const target = tables.get(String(r.frel))
        if (!target) continue // a reference outside the schemas read
        const onDelete = actions[String(r.del)]
        const onUpdate = actions[String(r.upd)]
        c = {
          kind: 'foreignKey',
          ...base,
          columns: cols(r.keys, b),
          target: { tableId: target.table.id, columns: cols(r.fkeys, target) },
          ...(onDelete ? { onDelete } : {}),
          ...(onUpdate ? { onUpdate } : {}),
          ...(r.match === 'f' ? { match: 'full' as const } : {}),
          ...(r.deferrable ? { deferrable: r.deferred ? ('initially deferred' as const) : ('initially immediate' as const) } : {}),
        } satisfies ForeignKey
        b.table.foreignKeys = [...b.table.foreignKeys, c]
        break
      }
      default:
        continue
    }
  }

  for (const r of (await query(q.indexes)).rows) {
    const b = tables.get(String(r.rel))
    if (!b) continue
    b.table.indexes = [...b.table.indexes, readIndex(r, b.columnsByNum, ids)]
  }

  const schema: Schema = {
    namespaces,
    enums,
    tables: [...tables.values()].map((b) => b.table),
    extensions: extensions,
  }
  return options.keepDefaultNames ? schema : dropDefaultNames(schema)
}

function readColumn(r: Record<string, unknown>, ids: IdGenerator, enumByOid: Map<string, EnumType>): Column {
  const isArray = r.is_array === true
  const dims = isArray ? Math.max(1, Number(r.ndims ?? 1)) : 0
  let type: ColumnType
  const enumType = enumByOid.get(String(r.base_oid))
  if (enumType) type = { kind: 'enum', enumId: enumType.id, arrayDims: dims }
  else if (r.base_ns === 'pg_catalog') {
    const formatted = String(r.formatted).replace(/(\[\])+$/, '')
    const parsed = parseColumnType(formatted)
    type = parsed.ok ? { ...parsed.type, arrayDims: dims } : { kind: 'custom', name: String(r.base_name), arrayDims: dims }
    if (type.kind === 'custom' && type.name === String(r.base_name)) {
      // A pg_catalog type we have no builtin for (e.g. "char", regtype): keep it by catalog name.
      type = { kind: 'custom', schema: 'pg_catalog', name: String(r.base_name), arrayDims: dims }
    }
  } else {
    const mods = /\(([^()]*)\)(\[\])*$/.exec(String(r.formatted))
    type = {
      kind: 'custom',
      ...(r.base_ns === 'public' ? {} : { schema: String(r.base_ns) }),
      name: String(r.base_name),
      ...(mods ? { modifiers: mods[1]!.split(',').map((s) => s.trim()) } : {}),
      arrayDims: dims,
    }
  }
  const defaultExpr = r.default_expr === null || r.default_expr === undefined ? undefined : String(r.default_expr)
  let column: { -readonly [K in keyof Column]: Column[K] } = {
    id: ids.next('column'),
    name: String(r.name),
    type,
    nullable: r.notnull !== true,
  }
  if (r.identity === 'a') column.identity = 'always'
  else if (r.identity === 'd') column.identity = 'by-default'
  // 's' is STORED; PostgreSQL 18 adds 'v' (VIRTUAL), which the model holds as a generated
  // column too (it cannot say VIRTUAL yet), rather than mistaking it for a default.
  if ((r.generated === 's' || r.generated === 'v') && defaultExpr !== undefined) column.generated = defaultExpr
  else if (defaultExpr !== undefined) {
    const serial = serialFor(type, defaultExpr, r.owned_sequence)
    if (serial) column.type = serial
    else column.default = readDefault(defaultExpr)
  }
  if (r.collation) column.collation = String(r.collation)
  if (r.comment !== null && r.comment !== undefined) column.comment = String(r.comment)
  return column
}

/** An integer column whose default draws from a sequence it owns is a serial column. */
function serialFor(type: ColumnType, expr: string, owned: unknown): ColumnType | undefined {
  if (type.kind !== 'builtin' || type.arrayDims !== 0 || !owned) return undefined
  if (!/^nextval\('.*'::regclass\)$/.test(expr)) return undefined
  const name = { smallint: 'smallserial', integer: 'serial', bigint: 'bigserial' }[type.name as string] as 'serial' | undefined
  return name ? { kind: 'builtin', name, arrayDims: 0 } : undefined
}

const identPart = `(?:"(?:[^"]|"")*"|[A-Za-z_][\\w$]*)`
/** A type as PostgreSQL prints it after `::`: qualified, quoted, multi-word, with modifiers. */
const castType = `${identPart}(?:\\.${identPart})?(?:\\(\\d+(?:,\\s*\\d+)?\\))?(?:\\s+(?:varying|precision|with(?:out)?\\s+time\\s+zone))?(?:\\(\\d+(?:,\\s*\\d+)?\\))?(?:\\[\\])*`

/**
 * Splits a catalog default into a constant (`'active'::text` -> active, `42`, `true`) or an
 * expression. Constants are what exporters can carry into every target.
 */
export function readDefault(expr: string): ColumnDefault {
  const quoted = new RegExp(`^(E?)'((?:[^']|'')*)'(?:::${castType})?$`, 's').exec(expr)
  if (quoted) {
    let value = quoted[2]!.replaceAll("''", "'")
    if (quoted[1]) value = value.replace(/\\(.)/gs, '$1')
    return { kind: 'literal', value }
  }
  const number = /^(-?\d+(?:\.\d+)?)(?:::[\w\s]+)?$/.exec(expr) ?? /^\((-?\d+(?:\.\d+)?)\)::[\w\s]+$/.exec(expr)
  if (number) return { kind: 'literal', value: number[1]! }
  if (expr === 'true' || expr === 'false') return { kind: 'literal', value: expr }
  return { kind: 'expression', sql: expr }
}

/** `CHECK ((price > 0)) NO INHERIT` -> `(price > 0)`. */
function checkBody(def: string): string {
  const m = /^CHECK \((.*)\)( NO INHERIT)?( NOT VALID)?$/s.exec(def)
  return m ? m[1]! : def
}

function readIndex(r: Record<string, unknown>, columns: Map<number, Column>, ids: IdGenerator): Index {
  const attnums = JSON.parse(String(r.attnums)) as number[]
  const options = JSON.parse(String(r.options)) as number[]
  const keyInfo = JSON.parse(String(r.keys)) as Array<{ def: string; opc: string | null; opcns: string | null; opcdefault: boolean | null; coll: string | null }>
  const nkeys = Number(r.nkeys)
  const keys: IndexKey[] = []
  const include: Column['id'][] = []
  attnums.forEach((num, k) => {
    const col = num === 0 ? undefined : columns.get(num)
    if (k >= nkeys) {
      if (col) include.push(col.id)
      return
    }
    const info = keyInfo[k]!
    const opt = options[k] ?? 0
    const desc = (opt & 1) === 1
    const nullsFirst = (opt & 2) === 2
    const extra = {
      ...(desc ? { order: 'desc' as const } : {}),
      ...(nullsFirst !== desc ? { nulls: nullsFirst ? ('first' as const) : ('last' as const) } : {}),
      ...(info.opc && info.opcdefault === false ? { opclass: info.opcns && info.opcns !== 'pg_catalog' && info.opcns !== 'public' ? `${info.opcns}.${info.opc}` : info.opc } : {}),
      ...(info.coll && info.coll !== col?.collation ? { collation: info.coll } : {}),
    }
    keys.push(col ? { kind: 'column', columnId: col.id, ...extra } : { kind: 'expression', sql: stripOuterParens(info.def), ...extra })
  })
  const pred = r.pred === null || r.pred === undefined ? undefined : String(r.pred)
  const comment = r.comment === null || r.comment === undefined ? undefined : String(r.comment)
  return {
    id: ids.next('index'),
    name: String(r.name),
    unique: r.uniq === true,
    method: String(r.method) as Index['method'],
    keys,
    include,
    ...(pred !== undefined ? { where: pred } : {}),
    ...(r.nulls_not_distinct === true ? { nullsNotDistinct: true } : {}),
    ...(comment !== undefined ? { comment } : {}),
  }
}
