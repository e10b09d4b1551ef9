/**
 * The migration from one version of a design to another, as ordered steps on the same DDL
 * intermediate the full export uses (the full export is the migration from an empty schema).
 *
 * Phases, each in plan-migration/: drops (dependents first, under the old names), renames and moves
 * (swaps through temporary names), enum types, new tables, columns, keys / checks / indexes,
 * foreign keys, comments, and what can go only at the end. On tables that hold rows the safe
 * patterns apply (CONCURRENTLY, NOT VALID + VALIDATE, NOT NULL through a valid CHECK, batched
 * backfills); `mode: 'simple'` writes plain statements instead.
 */
import type { Diagnostic } from '../diagnostics.ts'
import type { Schema } from '../model/schema.ts'
import { CoreError } from '../errors.ts'
import { checkStructure } from '../model/validate.ts'
import { printStatement } from '../sql/print-postgres.ts'
import type { Change } from './changes.ts'
import { alignPublic } from './align.ts'
import { diffSchemas } from './diff-schemas.ts'
import { planCleanup } from './plan-migration/cleanup.ts'
import { planColumns } from './plan-migration/columns.ts'
import { planComments } from './plan-migration/comments.ts'
import { planKeysAndIndexes } from './plan-migration/constraints.ts'
import { lockOf, PlanContext, type ResolvedOptions, type StepDraft } from './plan-migration/context.ts'
import { planDrops } from './plan-migration/drops.ts'
import { planEnums } from './plan-migration/enums.ts'
import { planForeignKeys } from './plan-migration/foreign-keys.ts'
import { NameState } from './plan-migration/names.ts'
import { prepare } from './plan-migration/prepare.ts'
import { planRenames } from './plan-migration/renames.ts'
import { planNewTables } from './plan-migration/tables.ts'
import { type Hazard, type LockLevel, lockLevels, type MigrationPlan, type MigrationStep, type PlanOptions } from './plan-migration/types.ts'

export type * from './plan-migration/types.ts'
export { lockLevels } from './plan-migration/types.ts'

export interface PlanInput {
  readonly before: Schema
  readonly after: Schema
  /** The changes from `before` to `after`, when already computed. */
  readonly changes?: readonly Change[]
}

/**
 * @example
 *   const plan = planMigration(version.schema, document.schema, { inputs: { 'columnNullabilityChanged:co_7': "'unknown'" } })
 *   plan.steps.map((s) => s.sql)        // the DDL, step by step
 *   plan.inputs.filter((i) => !i.supplied) // what the plan still asks for
 */
export function planMigration(before: Schema, after: Schema, options?: PlanOptions): MigrationPlan
export function planMigration(input: PlanInput, options?: PlanOptions): MigrationPlan
export function planMigration(x: Schema | PlanInput, y?: Schema | PlanOptions, z?: PlanOptions): MigrationPlan {
  const [before, given, options] = 'before' in x ? [x.before, x.after, { ...(y as PlanOptions | undefined), changes: x.changes ?? (y as PlanOptions | undefined)?.changes }] : [x, y as Schema, z ?? {}]
  const resolved = resolveOptions(options)
  // Planning works on ids; the new design's public takes the old one's id when they differ.
  const after = alignPublic(before, given)
  const changes = options.changes ?? diffSchemas(before, after)
  // The new design's DDL must be valid. The old one is what the database holds already: its
  // problems are PostgreSQL's to have refused; one that confuses the plan (two objects under one
  // name) stops it below with a message instead.
  const blocking: Diagnostic[] = []
  for (const d of checkStructure(after).diagnostics)
    if (d.severity === 'error') blocking.push({ ...d, message: `The new design cannot be migrated: ${d.message}` })
  const base = { before, after: given, mode: resolved.mode, changes, options: resolved }
  if (blocking.length > 0) return { ...base, steps: [], inputs: [], diagnostics: blocking }

  const ctx = new PlanContext(before, after, changes, resolved, new NameState())
  try {
    prepare(ctx)
    for (const c of ctx.all('extensionAdded'))
      ctx.step({ summary: `Create extension ${c.extension}`, changeIds: [c.id], statements: [{ kind: 'createExtension', name: c.extension }], transaction: 'shared', objectIds: [], existing: false })
    planDrops(ctx)
    planRenames(ctx)
    planEnums(ctx)
    planNewTables(ctx)
    planColumns(ctx)
    planKeysAndIndexes(ctx)
    planForeignKeys(ctx)
    planComments(ctx)
    planCleanup(ctx)
  } catch (e) {
    if (!(e instanceof CoreError)) throw e
    const problems = checkStructure(before).diagnostics.filter((d) => d.severity === 'error')
    const why = problems.length > 0 ? `The old design cannot be migrated: ${problems[0]!.message}` : `The migration cannot be planned: ${e.message}`
    return { ...base, steps: [], inputs: [], diagnostics: [{ code: problems[0]?.code ?? 'unplannable', severity: 'error', message: why }] }
  }
  for (const c of ctx.all('columnsReordered'))
    ctx.diagnostics.push({
      code: 'columns-not-reordered',
      severity: 'info',
      message: `PostgreSQL cannot reorder the columns of "${c.table}": the migration keeps their order (${c.from.join(', ')}) and adds new columns last.`,
      target: { tableId: c.tableId, table: c.table },
    })
  const failed = ctx.diagnostics.some((d) => d.severity === 'error')
  return { ...base, steps: failed ? [] : ctx.drafts.map((d, i) => finish(d, i, resolved)), inputs: ctx.inputs, diagnostics: ctx.diagnostics }
}

function resolveOptions(o: PlanOptions): ResolvedOptions {
  return {
    mode: o.mode ?? 'safe',
    inputs: o.inputs ?? {},
    lockTimeout: o.lockTimeout ?? '5s',
    statementTimeout: o.statementTimeout ?? '1min',
    longStatementTimeout: o.longStatementTimeout ?? '0',
    batchSize: o.batchSize ?? 10_000,
    postgresVersion: o.postgresVersion ?? 14,
    direction: o.direction ?? 'up',
  }
}

const rank = (l: LockLevel) => lockLevels.indexOf(l)

function finish(d: StepDraft, i: number, options: ResolvedOptions): MigrationStep {
  let lock: LockLevel = 'none'
  if (d.existing) for (const s of d.statements) if (rank(lockOf(s)) > rank(lock)) lock = lockOf(s)
  const hazards: Hazard[] = [...(d.hazards ?? [])]
  if (options.direction === 'down') {
    // What a down migration creates, the up migration removed: its data is not brought back.
    const recreates = d.statements.some((s) => s.kind === 'addColumn' || s.kind === 'createTable' || s.kind === 'addEnumValue')
    if (recreates) hazards.push({ kind: 'not-restored', message: 'This restores the schema, not the data: what the up migration removed comes back empty.' })
  }
  const step: MigrationStep = {
    id: `s${i + 1}`,
    summary: d.summary,
    changeIds: d.changeIds,
    statements: d.statements,
    sql: d.statements.map(printStatement).join('\n'),
    transaction: d.transaction,
    transactional: d.transaction !== 'none',
    lock,
    long: d.long ?? false,
    hazards,
    reversible: d.reversible ?? !hazards.some((h) => h.kind === 'data-loss'),
    ...(d.needsInput ? { needsInput: d.needsInput } : {}),
    objectIds: d.objectIds,
    onExistingTable: d.existing,
  }
  return step
}
