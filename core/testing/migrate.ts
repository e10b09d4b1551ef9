/**
 * The proof of a migration on PostgreSQL: apply the old design, insert sample rows, run the up
 * script as psql would (statement by statement), read the catalog back and compare it with the new
 * design, check that the rows the change keeps are still there, re-diff the catalog against the
 * new design (nothing may be left), then run the down script and compare with the old design.
 *
 * PostgreSQL cannot reorder columns, so the expected catalog has the columns in the order the
 * migration leaves them: kept columns where they were, added ones last (`physicalOrder`).
 */
import { expect } from 'vitest'
import { alignIds } from '../diff/align.ts'
import { describeChange } from '../diff/changes.ts'
import { diffSchemas } from '../diff/diff-schemas.ts'
import { planMigration } from '../diff/plan-migration.ts'
import type { MigrationPlan, PlanOptions } from '../diff/plan-migration/types.ts'
import { printMigration } from '../diff/print-migration.ts'
import { exportSchema } from '../exporters/index.ts'
import { readCatalog } from '../importers/catalog.ts'
import { importSchema } from '../importers/index.ts'
import { splitStatements } from '../importers/postgres/split.ts'
import type { ColumnId, EnumId, TableId } from '../model/ids.ts'
import { columnMap, indexSchema } from '../model/queries.ts'
import type { Schema } from '../model/schema.ts'
import { quoteIdent } from '../sql/quote.ts'
import { comparable } from './compare.ts'
import { insertSampleRows, readRows, type Row, sampleValue } from './sample-rows.ts'
import type { TestDatabase } from './databases.ts'

/** Runs a script as `psql -f` does: one statement at a time, so CONCURRENTLY works outside BEGIN. */
export async function runScript(db: TestDatabase, sql: string): Promise<void> {
  for (const chunk of splitStatements(sql)) {
    if (chunk.kind !== 'sql') continue
    const text = sql.slice(chunk.start, chunk.end)
    try {
      await db.exec(text)
    } catch (e) {
      await db.exec('ROLLBACK').catch(() => undefined)
      throw new Error(`${db.label} rejected: ${text}\n  ${(e as Error).message}\n--- script ---\n${sql}`)
    }
  }
}

/** `after` with its columns in the order PostgreSQL holds them once `before` was migrated to it. */
export function physicalOrder(before: Schema, after: Schema, recreated: ReadonlySet<string> = new Set()): Schema {
  const old = indexSchema(before)
  return {
    ...after,
    tables: after.tables.map((t) => {
      const prev = old.tables.get(t.id)
      if (!prev || (prev.partitionBy?.key ?? '') !== (t.partitionBy?.key ?? '') || prev.partitionBy?.strategy !== t.partitionBy?.strategy) return t
      const byId = columnMap(t)
      const kept = prev.columns.filter((c) => byId.has(c.id) && !recreated.has(c.id)).map((c) => byId.get(c.id)!)
      const keptIds = new Set(kept.map((c) => c.id))
      return { ...t, columns: [...kept, ...t.columns.filter((c) => !keptIds.has(c.id))] }
    }),
  }
}

export interface ProofOptions {
  readonly plan?: PlanOptions
  /** Values for input requests the options do not answer, given the request (default: none). */
  readonly answer?: (plan: MigrationPlan, rows: ReadonlyMap<TableId, readonly Row[]>) => Readonly<Record<string, string>>
  /** Insert sample rows before migrating (default true). */
  readonly rows?: boolean
  /** More rows (or anything else) before migrating, after the sample rows. */
  readonly seed?: (db: TestDatabase) => Promise<unknown>
  /** Extra checks once up has run and the catalog matched. */
  readonly afterUp?: (db: TestDatabase) => Promise<unknown>
}

export interface Proof {
  readonly up: MigrationPlan
  readonly down: MigrationPlan
  readonly upSql: string
  readonly downSql: string
}

/**
 * apply(a) → rows → up → catalog equals b, kept rows survive, re-diff empty → down → catalog
 * equals a. Throws (through expect) at the first difference.
 */
export async function proveMigration(db: TestDatabase, a: Schema, b: Schema, options: ProofOptions = {}): Promise<Proof> {
  const version = Number((await db.query(`SELECT current_setting('server_version_num')::int / 10000 AS v`)).rows[0]!.v)
  const base: PlanOptions = { postgresVersion: version, ...options.plan }
  await db.reset()
  await runScript(db, exportSchema('postgres', a).text)
  const keptLabels = (enumId: EnumId) => {
    const ea = indexSchema(a).enums.get(enumId)
    const eb = indexSchema(b).enums.get(enumId)
    const kept = ea?.values.filter((v) => !eb || eb.values.some((x) => x.id === v.id)).map((v) => v.name) ?? []
    return kept.length ? kept : (ea?.values.map((v) => v.name) ?? [])
  }
  const rows = options.rows === false ? new Map<TableId, Row[]>() : await insertSampleRows(db, a, { labels: keptLabels })
  // Answers may depend on the rows (a backfill of a foreign key column names a row that exists).
  let up = planMigration(a, b, base)
  if (options.answer) up = planMigration(a, b, { ...base, inputs: { ...base.inputs, ...options.answer(up, rows) } })
  expect(up.diagnostics.filter((d) => d.severity === 'error'), 'the up plan has no errors').toEqual([])
  let down = planMigration(b, a, { ...base, direction: 'down' })
  if (options.answer) down = planMigration(b, a, { ...base, direction: 'down', inputs: { ...base.inputs, ...options.answer(down, new Map()) } })
  expect(down.diagnostics.filter((d) => d.severity === 'error'), 'the down plan has no errors').toEqual([])
  const upSql = printMigration(up)
  const downSql = printMigration(down)

  if (options.seed) await options.seed(db)
  const kept = keptColumns(a, b, up)
  const before = new Map<TableId, string[]>()
  for (const [tableId, cols] of kept) before.set(tableId, await readRows(db, a, tableId, cols))

  await runScript(db, upSql)
  // Columns dropped and added again (a new generated expression) go last, as PostgreSQL adds them.
  const recreated = new Set(up.steps.flatMap((s) => (s.statements[0]?.kind === 'dropColumn' && s.changeIds.some((id) => id.startsWith('columnGeneratedChanged:')) ? s.objectIds : [])))
  const expectedB = physicalOrder(a, b, recreated)
  const afterUp = await readCatalog(db.query)
  expect(comparable(afterUp), 'after up, the catalog is the new design').toEqual(comparable(expectedB))
  for (const [tableId, cols] of kept) if (before.has(tableId)) expect(await readRows(db, b, tableId, cols), `rows of ${tableId} survive`).toEqual(before.get(tableId))
  const rediff = diffSchemas(expectedB, alignIds(afterUp, expectedB), { expressions: 'loose' })
  expect(rediff.map((c) => `${c.id}: ${describeChange(c)}${c.kind === 'constraintChanged' ? ` ${JSON.stringify([c.before, c.after])}` : ''}`), 'the catalog re-diffed against the new design').toEqual([])
  if (options.afterUp) await options.afterUp(db)
  // The script read by our own importer, on top of the old design's DDL, is the new design too.
  const reimported = await importSchema('postgres', `${exportSchema('postgres', a).text}\n${upSql}`)
  expect(reimported.ok && reimported.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.message), 'the up script re-imports cleanly').toEqual([])
  if (reimported.ok) {
    const again = diffSchemas(expectedB, alignIds(reimported.schema, expectedB), { expressions: 'loose' })
    expect(again.map((c) => `${c.id}: ${describeChange(c)}`), 'the re-imported script re-diffed against the new design').toEqual([])
  }

  // A down migration that recreates what up dropped restores the schema, not the data; values it
  // would need (a NOT NULL column, the rows a foreign key points at) are gone, so it runs on empty tables.
  if (down.steps.some((st) => st.hazards.some((h) => h.kind === 'not-restored')) && b.tables.length > 0) {
    const idx = indexSchema(b)
    await db.exec(`TRUNCATE ${b.tables.map((t) => `${quoteIdent(idx.namespaces.get(t.namespaceId)!.name)}.${quoteIdent(t.name)}`).join(', ')} CASCADE`)
  }
  await runScript(db, downSql)
  const afterDown = await readCatalog(db.query)
  expect(comparable(afterDown), 'after down, the catalog is the old design').toEqual(comparable(physicalOrder(expectedB, a)))
  return { up, down, upSql, downSql }
}

/**
 * Answers every input request as a user might: a backfill takes a value of the column's type unlike
 * the sample rows' (so a unique column stays unique), a cast takes the plan's suggestion, a removed
 * label is replaced by the enum's first label.
 */
export function answerAll(plan: MigrationPlan, rows: ReadonlyMap<TableId, readonly Row[]> = new Map()): Record<string, string> {
  const out: Record<string, string> = {}
  const idx = indexSchema(plan.after)
  // A foreign key column takes a value of a row of the table it references.
  const referenced = (tableId: TableId, columnId: ColumnId): string | undefined => {
    for (const fk of idx.tables.get(tableId)?.foreignKeys ?? []) {
      const k = fk.columns.indexOf(columnId)
      if (k < 0) continue
      const parent = rows.get(fk.target.tableId)?.[0]
      const v = parent?.get(fk.target.columns[k]!)
      if (v !== undefined && v !== 'NULL' && v !== 'DEFAULT') return v
    }
    return undefined
  }
  for (const r of plan.inputs) {
    const change = plan.changes.find((c) => c.id === r.changeId)
    if (r.kind === 'using' && r.suggestion !== undefined) out[r.changeId] = r.suggestion
    else if (r.kind === 'enum-replacement' && change && 'enumId' in change) {
      const first = idx.enums.get(change.enumId)?.values[0]
      if (first) out[r.changeId] = first.name
    } else if (r.kind === 'backfill' && change && 'columnId' in change) {
      const column = idx.tables.get(change.tableId)?.columns.find((c) => c.id === change.columnId)
      const value = column && (referenced(change.tableId, column.id) ?? sampleValue(plan.after, column, 5, {}))
      if (value !== undefined) out[r.changeId] = value
      else if (column?.default) out[r.changeId] = 'DEFAULT'
    }
  }
  return out
}

/** Per table of both versions: the columns whose stored values the change must leave alone. */
function keptColumns(a: Schema, b: Schema, plan: MigrationPlan): Map<TableId, ColumnId[]> {
  const touched = new Set<string>()
  for (const c of plan.changes) {
    if (c.kind === 'columnRetyped' || c.kind === 'columnNullabilityChanged' || c.kind === 'columnGeneratedChanged' || c.kind === 'columnCollationChanged' || c.kind === 'columnIdentityChanged') touched.add(c.columnId)
    if (c.kind === 'tablePartitioningChanged') touched.add(c.tableId)
  }
  const relabelled = new Set(plan.changes.filter((c) => c.kind === 'enumValueRenamed' || c.kind === 'enumValueRemoved' || c.kind === 'enumValuesReordered').map((c) => (c as { enumId: string }).enumId))
  const ib = indexSchema(b)
  const out = new Map<TableId, ColumnId[]>()
  for (const ta of a.tables) {
    const tb = ib.tables.get(ta.id)
    if (!tb || touched.has(ta.id)) continue
    const cols = columnMap(tb)
    out.set(
      ta.id,
      ta.columns
        .filter((c) => cols.has(c.id) && !touched.has(c.id) && c.generated === undefined && !(c.type.kind === 'enum' && relabelled.has(c.type.enumId)))
        .map((c) => c.id),
    )
  }
  return out
}
