/**
 * A drizzle-flavoured builder for test and fixture schemas:
 *
 *   schema({ users: table({ id: col('uuid').primaryKey().default(sql`gen_random_uuid()`) }) })
 *
 * References are by name (`.references('users.id')`, `'billing.invoices.id'`) and resolved when
 * the schema is built; ids are sequential, so fixtures are deterministic.
 */
import type { IdGenerator } from '../model/ids.ts'
import { sequentialIds } from '../model/ids.ts'
import type {
  CheckConstraint,
  Column,
  ColumnDefault,
  EnumType,
  FkAction,
  ForeignKey,
  Index,
  IndexKey,
  Namespace,
  PartitionBy,
  Schema,
  Table,
  UniqueConstraint,
  Deferrable,
} from '../model/schema.ts'
import { parseColumnType } from '../model/types.ts'

interface ColumnSpec {
  type: string
  nullable: boolean
  default?: ColumnDefault
  identity?: 'always' | 'by-default'
  generated?: string
  collation?: string
  comment?: string
  primaryKey?: boolean
  unique?: boolean
  references?: { target: string; onDelete?: FkAction; onUpdate?: FkAction }
}

export class ColumnBuilder {
  constructor(readonly spec: ColumnSpec) {}
  private with(patch: Partial<ColumnSpec>) {
    return new ColumnBuilder({ ...this.spec, ...patch })
  }
  notNull() {
    return this.with({ nullable: false })
  }
  primaryKey() {
    return this.with({ primaryKey: true, nullable: false })
  }
  unique() {
    return this.with({ unique: true })
  }
  /** A constant default: `.default('active')`, `.default(0)`, `.default(true)`. */
  default(value: string | number | boolean | SqlExpr) {
    return this.with({
      default: value instanceof SqlExpr ? { kind: 'expression', sql: value.sql } : { kind: 'literal', value: String(value) },
    })
  }
  identity(kind: 'always' | 'by-default' = 'always') {
    return this.with({ identity: kind, nullable: false })
  }
  generated(sql: string) {
    return this.with({ generated: sql })
  }
  collate(collation: string) {
    return this.with({ collation })
  }
  comment(comment: string) {
    return this.with({ comment })
  }
  /** `'users.id'` or `'billing.invoices.id'`. */
  references(target: string, actions: { onDelete?: FkAction; onUpdate?: FkAction } = {}) {
    return this.with({ references: { target, ...actions } })
  }
}

export class SqlExpr {
  constructor(readonly sql: string) {}
}
export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlExpr {
  return new SqlExpr(strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), ''))
}

/** A nullable column of any PostgreSQL type, as written in DDL (`'varchar(255)'`, `'status'` for an enum). */
export const col = (type: string) => new ColumnBuilder({ type, nullable: true })

export interface TableExtras {
  comment?: string
  primaryKey?: string[] | { columns: string[]; name?: string }
  uniques?: Array<{ columns: string[]; name?: string; nullsNotDistinct?: boolean }>
  checks?: Array<{ name: string; expression: string }>
  foreignKeys?: Array<{
    columns: string[]
    references: string
    targetColumns: string[]
    name?: string
    onDelete?: FkAction
    onUpdate?: FkAction
    match?: 'full'
    deferrable?: Deferrable
  }>
  indexes?: Array<{
    name?: string
    unique?: boolean
    method?: Index['method']
    keys: Array<string | { column?: string; expression?: string; order?: 'desc'; nulls?: 'first' | 'last'; opclass?: string; collation?: string }>
    include?: string[]
    where?: string
    nullsNotDistinct?: boolean
  }>
  partitionBy?: PartitionBy
  unlogged?: boolean
}

export interface TableSpec {
  columns: Record<string, ColumnBuilder>
  extras: TableExtras
}

export const table = (columns: Record<string, ColumnBuilder>, extras: TableExtras = {}): TableSpec => ({ columns, extras })

export interface SchemaExtras {
  enums?: Record<string, string[]>
  /** Comments for namespaces, by name. */
  namespaceComments?: Record<string, string>
  extensions?: string[]
  ids?: IdGenerator
}

/**
 * Builds a schema. Table keys are `name` (in public) or `namespace.name`; enum keys likewise.
 * Throws on a dangling reference: a fixture with a typo should fail loudly.
 */
export function schema(tables: Record<string, TableSpec>, extras: SchemaExtras = {}): Schema {
  const ids = extras.ids ?? sequentialIds()
  const namespaces = new Map<string, Namespace>()
  const ns = (name: string) => {
    let n = namespaces.get(name)
    if (!n) {
      const comment = extras.namespaceComments?.[name]
      n = { id: ids.next('namespace'), name, ...(comment ? { comment } : {}) }
      namespaces.set(name, n)
    }
    return n
  }
  const split = (key: string): [string, string] => {
    const i = key.indexOf('.')
    return i < 0 ? ['public', key] : [key.slice(0, i), key.slice(i + 1)]
  }
  if (Object.keys(tables).length === 0 && !extras.enums) ns('public')
  const enums: EnumType[] = Object.entries(extras.enums ?? {}).map(([key, values]) => {
    const [n, name] = split(key)
    return { id: ids.next('enum'), namespaceId: ns(n).id, name, values: values.map((v) => ({ id: ids.next('enumValue'), name: v })) }
  })
  const resolveEnum = (name: string, schemaName: string | undefined) =>
    enums.find((e) => e.name === name && (schemaName === undefined || namespaces.get(schemaName)?.id === e.namespaceId))?.id

  // First pass: tables and columns, so references can resolve in any order.
  const built = Object.entries(tables).map(([key, spec]) => {
    const [n, name] = split(key)
    const columns: Column[] = Object.entries(spec.columns).map(([colName, b]) => {
      const parsed = parseColumnType(b.spec.type, { resolveEnum })
      if (!parsed.ok) throw new Error(`${key}.${colName}: ${parsed.message}`)
      const s = b.spec
      return {
        id: ids.next('column'),
        name: colName,
        type: parsed.type,
        nullable: s.nullable,
        ...(s.default ? { default: s.default } : {}),
        ...(s.identity ? { identity: s.identity } : {}),
        ...(s.generated !== undefined ? { generated: s.generated } : {}),
        ...(s.collation ? { collation: s.collation } : {}),
        ...(s.comment !== undefined ? { comment: s.comment } : {}),
      }
    })
    return { key, spec, table: { id: ids.next('table'), namespaceId: ns(n).id, name, columns } }
  })
  const findTable = (ref: string) => {
    const hit = built.find((b) => b.key === ref || (!ref.includes('.') && b.key === ref))
    if (!hit) throw new Error(`No table "${ref}" in this fixture`)
    return hit
  }
  const colId = (t: { key: string; table: { columns: Column[] } }, name: string) => {
    const c = t.table.columns.find((x) => x.name === name)
    if (!c) throw new Error(`No column "${name}" in table "${t.key}"`)
    return c.id
  }
  const splitColumnRef = (ref: string): [string, string] => {
    const i = ref.lastIndexOf('.')
    return [ref.slice(0, i), ref.slice(i + 1)]
  }

  const result: Table[] = built.map((b) => {
    const x = b.spec.extras
    const cols = (names: string[]) => names.map((n) => colId(b, n))
    const inlinePk = Object.entries(b.spec.columns).filter(([, c]) => c.spec.primaryKey).map(([n]) => n)
    const pkSpec = Array.isArray(x.primaryKey) ? { columns: x.primaryKey } : x.primaryKey
    const pkCols = pkSpec?.columns ?? inlinePk
    const uniques: UniqueConstraint[] = [
      ...Object.entries(b.spec.columns)
        .filter(([, c]) => c.spec.unique)
        .map(([n]): UniqueConstraint => ({ kind: 'unique', id: ids.next('constraint'), columns: [colId(b, n)] })),
      ...(x.uniques ?? []).map(
        (u): UniqueConstraint => ({
          kind: 'unique',
          id: ids.next('constraint'),
          columns: cols(u.columns),
          ...(u.name ? { name: u.name } : {}),
          ...(u.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
        }),
      ),
    ]
    const checks: CheckConstraint[] = (x.checks ?? []).map((c) => ({ kind: 'check', id: ids.next('constraint'), ...c }))
    const foreignKeys: ForeignKey[] = [
      ...Object.entries(b.spec.columns)
        .filter(([, c]) => c.spec.references)
        .map(([n, c]): ForeignKey => {
          const r = c.spec.references!
          const [tref, cname] = splitColumnRef(r.target)
          const target = findTable(tref)
          return {
            kind: 'foreignKey',
            id: ids.next('constraint'),
            columns: [colId(b, n)],
            target: { tableId: target.table.id, columns: [colId(target, cname)] },
            ...(r.onDelete ? { onDelete: r.onDelete } : {}),
            ...(r.onUpdate ? { onUpdate: r.onUpdate } : {}),
          }
        }),
      ...(x.foreignKeys ?? []).map((f): ForeignKey => {
        const target = findTable(f.references)
        return {
          kind: 'foreignKey',
          id: ids.next('constraint'),
          ...(f.name ? { name: f.name } : {}),
          columns: cols(f.columns),
          target: { tableId: target.table.id, columns: f.targetColumns.map((n) => colId(target, n)) },
          ...(f.onDelete ? { onDelete: f.onDelete } : {}),
          ...(f.onUpdate ? { onUpdate: f.onUpdate } : {}),
          ...(f.match ? { match: f.match } : {}),
          ...(f.deferrable ? { deferrable: f.deferrable } : {}),
        }
      }),
    ]
    const indexes: Index[] = (x.indexes ?? []).map((i) => ({
      id: ids.next('index'),
      ...(i.name ? { name: i.name } : {}),
      unique: i.unique ?? false,
      method: i.method ?? 'btree',
      keys: i.keys.map((k): IndexKey => {
        const o = typeof k === 'string' ? { column: k } : k
        const opts = {
          ...(o.order ? { order: o.order } : {}),
          ...(o.nulls ? { nulls: o.nulls } : {}),
          ...(o.opclass ? { opclass: o.opclass } : {}),
          ...(o.collation ? { collation: o.collation } : {}),
        }
        return o.expression !== undefined
          ? { kind: 'expression', sql: o.expression, ...opts }
          : { kind: 'column', columnId: colId(b, o.column!), ...opts }
      }),
      include: cols(i.include ?? []),
      ...(i.where ? { where: i.where } : {}),
      ...(i.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
    }))
    // PRIMARY KEY makes its columns NOT NULL, so the fixture says so too.
    const columns = b.table.columns.map((c) => (pkCols.includes(c.name) ? { ...c, nullable: false } : c))
    return {
      ...b.table,
      columns,
      ...(x.comment !== undefined ? { comment: x.comment } : {}),
      ...(pkCols.length
        ? { primaryKey: { kind: 'primaryKey' as const, id: ids.next('constraint'), columns: cols(pkCols), ...(pkSpec && 'name' in pkSpec && pkSpec.name ? { name: pkSpec.name } : {}) } }
        : {}),
      uniques,
      checks,
      foreignKeys,
      indexes,
      ...(x.partitionBy ? { partitionBy: x.partitionBy } : {}),
      ...(x.unlogged ? { unlogged: true } : {}),
    }
  })
  return { namespaces: [...namespaces.values()], enums, tables: result, extensions: extras.extensions ?? [] }
}
