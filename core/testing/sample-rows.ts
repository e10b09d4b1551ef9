/**
 * Sample rows for migration proofs: a few rows in every table, parents before children, with
 * values of each column's type that are distinct per row, so keys stay unique and foreign keys
 * point at real rows.
 */
import type { ColumnId, EnumId, TableId } from '../model/ids.ts'
import { columnMap, indexSchema } from '../model/queries.ts'
import type { Column, Schema, Table } from '../model/schema.ts'
import { storageTypeName } from '../model/types.ts'
import { quoteIdent, quoteLiteral } from '../sql/quote.ts'
import type { TestDatabase } from './databases.ts'

export type Row = Map<ColumnId, string>

export interface SampleOptions {
  /** Labels to use for an enum's columns (those the new design keeps, so conversions can succeed). */
  readonly labels?: (enumId: EnumId) => readonly string[]
  readonly rows?: number
}

/** A literal of the column's type, distinct for each row number; undefined when we have none. */
export function sampleValue(schema: Schema, c: Column, i: number, options: SampleOptions): string | undefined {
  const t = c.type
  const dims = t.arrayDims
  const scalar = (): string | undefined => {
    if (t.kind === 'enum') {
      const labels = options.labels?.(t.enumId) ?? indexSchema(schema).enums.get(t.enumId)?.values.map((v) => v.name) ?? []
      return labels.length ? labels[i % labels.length] : undefined
    }
    if (t.kind === 'custom') return undefined
    switch (storageTypeName(t)) {
      case 'smallint':
      case 'integer':
      case 'bigint':
        return String(i + 1)
      case 'numeric':
      case 'real':
      case 'double precision':
        return `${i + 1}.5`
      case 'text':
      case 'varchar':
      case 'char':
        return `v${i}`
      case 'boolean':
        return i % 2 === 0 ? 'false' : 'true'
      case 'uuid':
        return `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`
      case 'timestamptz':
      case 'timestamp':
        return `2024-01-${String((i % 28) + 1).padStart(2, '0')} 10:00:00+00`
      case 'date':
        return `2024-01-${String((i % 28) + 1).padStart(2, '0')}`
      case 'jsonb':
      case 'json':
        return `{"i": ${i}}`
      case 'inet':
        return `10.0.0.${i + 1}`
      default:
        return undefined
    }
  }
  const v = scalar()
  if (v === undefined) return undefined
  if (dims === 0) return quoteLiteral(v)
  return quoteLiteral(`{${JSON.stringify(v)}}`)
}

/**
 * Inserts a few rows into every table, parents before children: foreign keys point at real rows,
 * keys are distinct, the second row leaves nullable columns NULL. Returns the rows by table.
 */
export async function insertSampleRows(db: TestDatabase, schema: Schema, options: SampleOptions = {}): Promise<Map<TableId, Row[]>> {
  const idx = indexSchema(schema)
  const inserted = new Map<TableId, Row[]>()
  const order = topological(schema)
  for (const t of order) {
    const ns = idx.namespaces.get(t.namespaceId)!.name
    for (const count of [options.rows ?? 2, 1]) {
      const rows = buildRows(schema, t, count, inserted, options)
      if (!rows || rows.length === 0) break
      const cols = [...rows[0]!.keys()]
      const byId = columnMap(t)
      const overriding = cols.some((id) => byId.get(id)!.identity === 'always') ? ' OVERRIDING SYSTEM VALUE' : ''
      const values = rows.map((r) => `(${cols.map((id) => r.get(id)!).join(', ')})`).join(', ')
      const sql = cols.length
        ? `INSERT INTO ${quoteIdent(ns)}.${quoteIdent(t.name)} (${cols.map((id) => quoteIdent(byId.get(id)!.name)).join(', ')})${overriding} VALUES ${values}`
        : `INSERT INTO ${quoteIdent(ns)}.${quoteIdent(t.name)} DEFAULT VALUES`
      try {
        await db.exec(sql)
        inserted.set(t.id, rows)
        break
      } catch {
        // Two rows can clash on a low-cardinality unique column; one row cannot.
      }
    }
  }
  return inserted
}

function buildRows(schema: Schema, t: Table, count: number, inserted: ReadonlyMap<TableId, Row[]>, options: SampleOptions): Row[] | undefined {
  const rows: Row[] = []
  const fkOf = new Map<ColumnId, { fk: Table['foreignKeys'][number]; k: number }>()
  for (const fk of t.foreignKeys) fk.columns.forEach((c, k) => fkOf.set(c, { fk, k }))
  const keyCols = new Set([...(t.primaryKey?.columns ?? []), ...t.uniques.flatMap((u) => u.columns)])
  for (let i = 0; i < count; i++) {
    const row: Row = new Map()
    for (const c of t.columns) {
      if (c.generated !== undefined) continue
      let v = sampleValue(schema, c, i, options)
      const ref = fkOf.get(c.id)
      if (ref) {
        const parentRows = ref.fk.target.tableId === t.id ? undefined : inserted.get(ref.fk.target.tableId)
        const target = ref.fk.target.columns[ref.k]!
        if (ref.fk.target.tableId === t.id) v = row.get(target) ?? undefined
        else v = parentRows && parentRows.length ? parentRows[i % parentRows.length]!.get(target) : undefined
        if (v === undefined && !c.nullable) return undefined
        row.set(c.id, v ?? 'NULL')
        continue
      }
      if (i === 1 && c.nullable && !keyCols.has(c.id)) v = 'NULL'
      if (v === undefined) {
        if (!c.nullable && !c.default && !c.identity) return undefined
        continue
      }
      row.set(c.id, v)
    }
    rows.push(row)
  }
  // Every row must list the same columns.
  const cols = new Set(rows.flatMap((r) => [...r.keys()]))
  for (const r of rows) for (const c of cols) if (!r.has(c)) r.set(c, 'DEFAULT')
  return rows
}

function topological(schema: Schema): Table[] {
  const out: Table[] = []
  const state = new Map<TableId, 'visiting' | 'done'>()
  const idx = indexSchema(schema)
  const visit = (t: Table) => {
    if (state.get(t.id)) return
    state.set(t.id, 'visiting')
    for (const fk of t.foreignKeys) {
      const p = idx.tables.get(fk.target.tableId)
      if (p && p.id !== t.id) visit(p)
    }
    state.set(t.id, 'done')
    out.push(t)
  }
  for (const t of schema.tables) visit(t)
  return out
}

/** The values of `columns` in every row of `table`, as text, sorted: a multiset to compare. */
export async function readRows(db: TestDatabase, schema: Schema, tableId: TableId, columns: readonly ColumnId[]): Promise<string[]> {
  const idx = indexSchema(schema)
  const t = idx.tables.get(tableId)!
  const byId = columnMap(t)
  const list = columns.map((id) => `${quoteIdent(byId.get(id)!.name)}::text`).join(', ')
  const r = await db.query(`SELECT ${list || 'NULL'} FROM ${quoteIdent(idx.namespaces.get(t.namespaceId)!.name)}.${quoteIdent(t.name)}`)
  return r.rows.map((row) => JSON.stringify(Object.values(row))).sort()
}

