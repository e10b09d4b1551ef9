/**
 * The `diff` request of the core worker: the changes between two designs, the up and down plans,
 * their files and the migration-safety findings. Saved versions never change, so the worker keeps
 * each schema it was sent under a key and the app sends a schema once; the changes between two
 * schemas are kept too, so typing a backfill value re-plans without diffing again.
 */
import type { Change, Diagnostic, DiagnosticTarget, InputRequest, LintConfig, MigrationPlan, MigrationStep, Schema, Severity } from '@core'
import { alignIds, diffSchemas, hasSharedIds, lintMigration, planMigration, printMigration } from '@core'

/** A design in a diff request: the worker's copy of the open design, or a schema by key. */
export type DiffSide =
  | { readonly kind: 'current' }
  /** `schema` only the first time the worker is sent this key. */
  | { readonly kind: 'stored'; readonly key: number; readonly schema?: Schema }

export interface DiffQuery {
  readonly base: DiffSide
  readonly target: DiffSide
  /** The base comes from elsewhere (a file): unless it shares ids with the target, match it by name. */
  readonly external: boolean
  readonly mode: 'safe' | 'simple'
  readonly inputs: Readonly<Record<string, string>>
  readonly config: LintConfig | undefined
}

/** A finding as plain data (no fix functions), with the step it is about. */
export interface MigrationFinding {
  readonly rule: string
  readonly severity: Severity
  readonly message: string
  readonly target: DiagnosticTarget
  readonly stepId?: string
  readonly changeId?: string
}

/** A step as the panel shows it: its SQL printed, without the statement objects behind it. */
export type StepView = Omit<MigrationStep, 'statements'>

export interface PlanView {
  readonly steps: readonly StepView[]
  readonly inputs: readonly InputRequest[]
  readonly diagnostics: readonly Diagnostic[]
  readonly findings: readonly MigrationFinding[]
  /** The migration file, as `crowsfoot diff` writes it. */
  readonly text: string
}

export interface DiffResult {
  readonly changes: readonly Change[]
  /**
   * The base with the target's ids, only when it was matched by name (otherwise it is the schema
   * the app sent, which it has already: a 1,000-table copy is not worth the trip back).
   */
  readonly aligned?: Schema
  readonly matchedByName: boolean
  readonly up: PlanView
  readonly down: PlanView
  readonly ms: number
}

export class MissingSchema extends Error {}

interface Compared {
  readonly base: Schema
  readonly matchedByName: boolean
  readonly up: readonly Change[]
  readonly down: readonly Change[]
}

export class DiffCache {
  private readonly stored = new Map<number, Schema>()
  private readonly compared = new WeakMap<Schema, WeakMap<Schema, Compared>>()

  resolve(side: DiffSide, current: Schema): Schema {
    if (side.kind === 'current') return current
    if (side.schema) {
      this.stored.set(side.key, side.schema)
      return side.schema
    }
    const s = this.stored.get(side.key)
    if (!s) throw new MissingSchema(`The worker has no schema ${side.key}.`)
    return s
  }

  run(query: DiffQuery, current: Schema): DiffResult {
    const started = performance.now()
    const given = this.resolve(query.base, current)
    const target = this.resolve(query.target, current)
    const c = this.compare(given, target, query.external)
    const up = planMigration(c.base, target, { mode: query.mode, inputs: query.inputs, changes: c.up })
    const down = planMigration(target, c.base, { mode: query.mode, inputs: query.inputs, direction: 'down', changes: c.down })
    return {
      changes: c.up,
      ...(c.matchedByName ? { aligned: c.base } : {}),
      matchedByName: c.matchedByName,
      up: view(up, query.config),
      down: view(down, query.config),
      ms: performance.now() - started,
    }
  }

  private compare(given: Schema, target: Schema, external: boolean): Compared {
    let inner = this.compared.get(given)
    if (!inner) this.compared.set(given, (inner = new WeakMap()))
    const hit = inner.get(target)
    if (hit) return hit
    const matchedByName = external && !hasSharedIds(given, target)
    const base = matchedByName ? alignIds(given, target) : given
    const expressions = matchedByName ? 'loose' : 'exact'
    const compared = { base, matchedByName, up: diffSchemas(base, target, { expressions }), down: diffSchemas(target, base, { expressions }) }
    inner.set(target, compared)
    return compared
  }
}

function view(plan: MigrationPlan, config: LintConfig | undefined): PlanView {
  const found = lintMigration(plan, config)
  const findings: MigrationFinding[] = found.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    target: f.target,
    ...(f.stepId === undefined ? {} : { stepId: f.stepId }),
    ...(f.changeId === undefined ? {} : { changeId: f.changeId }),
  }))
  const steps = plan.steps.map(({ statements: _, ...rest }) => rest)
  return { steps, inputs: plan.inputs, diagnostics: plan.diagnostics, findings, text: printMigration(plan, { findings: found }) }
}
