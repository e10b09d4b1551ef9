/**
 * A migration plan is data: ordered steps on the DDL intermediate, each saying how it must run
 * (in a transaction or not, which lock it takes), what can go wrong (hazards), whether it can be
 * undone, and what it needs from the user. The SQL is printed from the statements, never built by
 * hand.
 */
import type { Diagnostic } from '../../diagnostics.ts'
import type { Schema } from '../../model/schema.ts'
import type { DdlStatement } from '../../sql/ddl.ts'
import type { Change } from '../changes.ts'

/** PostgreSQL's table lock modes, weakest first; `none` for objects nobody else can see yet. */
export const lockLevels = [
  'none',
  'access share',
  'row share',
  'row exclusive',
  'share update exclusive',
  'share',
  'share row exclusive',
  'exclusive',
  'access exclusive',
] as const
export type LockLevel = (typeof lockLevels)[number]

/**
 * `shared`: quick DDL, batched with neighbouring shared steps in one transaction (all or nothing).
 * `own`: transactional but long (a scan, a backfill) or a boundary (a new enum value must be
 * committed before it is used): its own transaction. `none`: cannot run in a transaction block
 * (CONCURRENTLY, a batched backfill that commits as it goes).
 */
export type TransactionMode = 'shared' | 'own' | 'none'

export type HazardKind =
  /** The table is rewritten under ACCESS EXCLUSIVE: reads and writes wait for the whole copy. */
  | 'rewrite'
  /** Rows or values are lost (a drop, a narrowing cast, a removed enum value). */
  | 'data-loss'
  /** A lock that blocks reads or writes is held for longer than a catalog update (a scan, an index build). */
  | 'long-lock'
  /** The step needs a value only the user can give (a backfill, a USING expression). */
  | 'needs-value'
  /** Running clients that use the old name fail. */
  | 'breaks-clients'
  /** The step can fail on the data that is there (duplicates, NULLs, values a cast rejects). */
  | 'may-fail'
  /** A down step recreates an object, but not the data the up migration removed. */
  | 'not-restored'

export interface Hazard {
  readonly kind: HazardKind
  readonly message: string
}

export type InputKind = 'backfill' | 'using' | 'enum-replacement'

/** A value the plan asks for, keyed by the change that needs it. */
export interface InputRequest {
  readonly changeId: string
  readonly kind: InputKind
  /** What to type, in plain words. */
  readonly prompt: string
  /** A value that would work, when one can be guessed (the column's default, a plain cast). */
  readonly suggestion?: string
  /** The value the options supplied, if any. */
  readonly supplied?: string
}

export interface MigrationStep {
  /** `s1`, `s2`, ... in order. */
  readonly id: string
  readonly summary: string
  readonly changeIds: readonly string[]
  readonly statements: readonly DdlStatement[]
  /** The statements printed, one per line group (no transaction control or timeouts). */
  readonly sql: string
  readonly transaction: TransactionMode
  readonly transactional: boolean
  /** The strongest lock the step takes on a table that already holds data. */
  readonly lock: LockLevel
  /** Long-running (a scan, a build, a backfill): runs under the long statement timeout. */
  readonly long: boolean
  readonly hazards: readonly Hazard[]
  /** False when running the down migration cannot bring back what this step destroys. */
  readonly reversible: boolean
  readonly needsInput?: InputRequest
  /** Ids of the model objects the step touches (tables, columns, constraints, indexes, enums). */
  readonly objectIds: readonly string[]
  /** The step alters a table that exists before the migration (safe patterns apply there). */
  readonly onExistingTable: boolean
}

export interface PlanOptions {
  /**
   * `safe` (default): zero-downtime patterns on existing tables, steps in transactions with
   * timeouts. `simple`: plain statements and no transaction control, for a development database.
   */
  readonly mode?: 'safe' | 'simple'
  /** Values for the plan's input requests, by change id (see `MigrationPlan.inputs`). */
  readonly inputs?: Readonly<Record<string, string>>
  /** `SET lock_timeout` before each transaction (default `5s`). */
  readonly lockTimeout?: string
  /** `SET statement_timeout` for quick steps (default `1min`). */
  readonly statementTimeout?: string
  /** `SET statement_timeout` for long steps: scans, index builds, backfills (default `0`, none). */
  readonly longStatementTimeout?: string
  /** Rows per transaction in batched backfills (default 10,000). */
  readonly batchSize?: number
  /** The oldest PostgreSQL the migration must run on (major version, default 14). */
  readonly postgresVersion?: number
  /** Precomputed changes of the same two schemas (diffSchemas), to save diffing twice. */
  readonly changes?: readonly Change[]
  /** Only wording: a down migration says which steps recreate objects without their data. */
  readonly direction?: 'up' | 'down'
}

export interface MigrationPlan {
  readonly before: Schema
  readonly after: Schema
  readonly mode: 'safe' | 'simple'
  readonly changes: readonly Change[]
  readonly steps: readonly MigrationStep[]
  /** Every value the plan asks for, supplied or not. */
  readonly inputs: readonly InputRequest[]
  /**
   * Problems that stop planning (structural errors in either design) or changes the plan does not
   * carry out (a column reorder); when any is an error, `steps` is empty.
   */
  readonly diagnostics: readonly Diagnostic[]
  readonly options: Required<Omit<PlanOptions, 'changes' | 'inputs'>> & { readonly inputs: Readonly<Record<string, string>> }
}
