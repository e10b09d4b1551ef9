/**
 * Running the rules. `lint(schema, config)` checks a design once; `createLinter(config)` keeps the
 * per-table results of the last run and, on the next, re-checks only the tables whose
 * neighbourhood changed. The model is immutable with structural sharing (an edit replaces the
 * objects it touches and shares the rest), so `===` on table objects is the change signal.
 */
import type { Severity } from '../diagnostics.ts'
import type { ConstraintId, TableId } from '../model/ids.ts'
import { resolveNames } from '../model/names.ts'
import type { ResolvedNames } from '../model/names.ts'
import { indexSchema } from '../model/queries.ts'
import type { SchemaIndex } from '../model/queries.ts'
import type { EnumType, Namespace, Schema, Table } from '../model/schema.ts'
import { LintConfigError, resolveConfig, validateLintConfig } from './config.ts'
import type { LintConfig, ResolvedRule } from './config.ts'
import { rules as registry } from './index.ts'
import { defaultOptions } from './options.ts'
import { buildTarget, formatMessage, shiftSeverity } from './report.ts'
import type { AnyRule, DiffContext, DiffRule, Fix, ModelRule, Report, RuleContext, RuleDiagnostic } from './types.ts'
import { planMigration } from '../diff/plan-migration.ts'
import type { Change } from '../diff/changes.ts'
import type { MigrationPlan } from '../diff/plan-migration/types.ts'

export interface LintRunStats {
  readonly tables: number
  /** Tables whose per-table results were reused from the previous run. */
  readonly reused: number
}

export interface Linter {
  lint(schema: Schema): RuleDiagnostic[]
  /** What the last run re-checked (for benchmarks and tests of incremental re-lint). */
  readonly lastRun: LintRunStats
}

interface Sink {
  out: RuleDiagnostic[]
  extra: Table[]
}

interface TableEntry {
  readonly table: Table
  readonly namespace: Namespace | undefined
  readonly diagnostics: readonly RuleDiagnostic[]
  /** Findings of `catalog` rules, which also depend on every table's name and key. */
  readonly catalogDiagnostics: readonly RuleDiagnostic[]
  /** Other tables the findings read (`ctx.dependOn`). */
  readonly extra: readonly Table[]
}

/** What the previous run saw, to tell which tables' results still hold. */
interface PreviousRun {
  readonly index: SchemaIndex
  readonly names: ResolvedNames
  readonly enums: readonly EnumType[]
  readonly tables: readonly Table[]
  readonly entries: ReadonlyMap<TableId, TableEntry>
}

/**
 * A finding. Its fixes are built on first access (a rule may hand over a function): working out
 * names and linked columns for thousands of findings nobody opens would dominate a lint. Being a
 * class keeps that cheap; `fixes` is a getter, so JSON and object spread leave it out, as they
 * would leave out functions anyway.
 */
class Finding implements RuleDiagnostic {
  readonly rule: string
  #fixes: readonly Fix[] | (() => readonly Fix[]) | undefined
  constructor(
    readonly code: string,
    readonly messageId: string,
    readonly severity: Severity,
    readonly message: string,
    readonly target: RuleDiagnostic['target'],
    fixes: readonly Fix[] | (() => readonly Fix[]) | undefined,
  ) {
    this.rule = code
    this.#fixes = fixes
  }
  get fixes(): readonly Fix[] | undefined {
    if (typeof this.#fixes === 'function') this.#fixes = this.#fixes()
    return this.#fixes && this.#fixes.length > 0 ? this.#fixes : undefined
  }
}

/** Checks a design once with `config` (default: the recommended preset). */
export function lint(schema: Schema, config?: LintConfig): RuleDiagnostic[] {
  return createLinter(config).lint(schema)
}

/**
 * A linter for one config. Throws a LintConfigError for an invalid config (files should go through
 * `parseLintConfig` first, which locates the problem).
 */
export function createLinter(config?: LintConfig, rules: readonly AnyRule[] = registry): Linter {
  const { rules: resolved, problems } = resolveConfig(config, rules)
  if (problems.length > 0) throw new LintConfigError(validateLintConfig(config, rules))
  const modelRules = resolved.filter((r): r is ResolvedRule & { rule: ModelRule } => r.rule.meta.scope === 'model')
  const tableRules = modelRules.filter((r) => r.rule.checkTable && r.rule.meta.granularity !== 'catalog')
  const catalogRules = modelRules.filter((r) => r.rule.checkTable && r.rule.meta.granularity === 'catalog')
  const schemaRules = modelRules.filter((r) => r.rule.check)
  const optionsById = new Map(resolved.map((r) => [r.rule.meta.id, r.options]))
  // Defaults of every registered rule, so optionsOf works even in a linter that runs one rule.
  const defaultsById = new Map([...registry, ...rules].map((r) => [r.meta.id, defaultOptions(r.meta.options)]))

  let previous: PreviousRun | undefined
  let lastRun: LintRunStats = { tables: 0, reused: 0 }

  function makeContext(schema: Schema, index: SchemaIndex, names: ResolvedNames, r: ResolvedRule, sink: Sink) {
    const meta = r.rule.meta
    const ctx: RuleContext<never, string> = {
      schema,
      options: r.options as never,
      index,
      names,
      optionsOf: (id) => optionsById.get(id) ?? defaultsById.get(id) ?? {},
      dependOn: (table) => void sink.extra.push(table),
      report(rep: Report<string>) {
        const template = (meta.messages as Record<string, string>)[rep.messageId] ?? rep.messageId
        const severity: Severity = rep.severity ? shiftSeverity(rep.severity, meta.severity, r.severity) : r.severity
        const d = new Finding(meta.id, rep.messageId, severity, formatMessage(template, rep.data), buildTarget(rep.target, index, names), rep.fixes)
        sink.out.push(d)
      },
    }
    return ctx
  }

  function crashed(r: ResolvedRule, e: unknown, table?: Table, index?: SchemaIndex, names?: ResolvedNames): RuleDiagnostic {
    const id = r.rule.meta.id
    return {
      code: id,
      rule: id,
      messageId: '__crash__',
      severity: 'error',
      message: `The rule "${id}" failed on this design (${e instanceof Error ? e.message : String(e)}); please report it.`,
      target: table && index && names ? buildTarget({ table }, index, names) : {},
    }
  }

  return {
    get lastRun() {
      return lastRun
    },
    lint(schema) {
      const index = indexSchema(schema)
      const names = resolveNames(schema)
      // Enum changes (labels, names) can change any table's findings: start over.
      const prev = previous && previous.enums === schema.enums ? previous : undefined
      const sink: Sink = { out: [], extra: [] }
      const tableContexts = tableRules.map((r) => [r, makeContext(schema, index, names, r, sink)] as const)
      const catalogContexts = catalogRules.map((r) => [r, makeContext(schema, index, names, r, sink)] as const)
      const catalogHolds = prev !== undefined && sameCatalog(prev.tables, schema.tables)
      const run = (table: Table, contexts: typeof tableContexts, extra: Table[]) => {
        sink.out = []
        sink.extra = extra
        for (const [r, ctx] of contexts) {
          try {
            r.rule.checkTable!(table, ctx)
          } catch (e) {
            sink.out.push(crashed(r, e, table, index, names))
          }
        }
        return sink.out
      }
      const next = new Map<TableId, TableEntry>()
      const all: RuleDiagnostic[] = []
      let reused = 0
      for (const table of schema.tables) {
        const namespace = index.namespaces.get(table.namespaceId)
        const entry = prev?.entries.get(table.id)
        const holds =
          entry !== undefined &&
          entry.table === table &&
          entry.namespace === namespace &&
          sameNeighbours(table, prev!.index, index) &&
          sameNames(table, prev!.names, names) &&
          entry.extra.every((t) => index.tables.get(t.id) === t)
        const extra: Table[] = holds ? (catalogHolds ? (entry.extra as Table[]) : [...entry.extra]) : []
        const diagnostics = holds ? entry.diagnostics : run(table, tableContexts, extra)
        const catalogDiagnostics = holds && catalogHolds ? entry.catalogDiagnostics : run(table, catalogContexts, extra)
        if (holds) reused++
        next.set(table.id, holds && diagnostics === entry.diagnostics && catalogDiagnostics === entry.catalogDiagnostics ? entry : { table, namespace, diagnostics, catalogDiagnostics, extra: [...new Set(extra)] })
        for (const d of diagnostics) all.push(d)
        for (const d of catalogDiagnostics) all.push(d)
      }
      previous = { index, names, enums: schema.enums, tables: schema.tables, entries: next }
      for (const r of schemaRules) {
        sink.out = all
        try {
          r.rule.check!(schema, makeContext(schema, index, names, r, sink))
        } catch (e) {
          all.push(crashed(r, e))
        }
      }
      lastRun = { tables: schema.tables.length, reused }
      return all
    },
  }
}

/** A plan and its changes, when the caller has them already. */
export interface MigrationContext {
  readonly changes?: readonly Change[]
  readonly plan?: MigrationPlan
}

/**
 * Runs the diff-scope rules (migration safety) on a change from `before` to `after`, with the same
 * config, findings and fixes as model rules. The rules read the changes and the migration plan
 * (safe mode unless `migration.plan` says otherwise); findings about objects that only the old
 * version has are named as the old version names them.
 */
export function lintChange(
  before: Schema,
  after: Schema,
  config?: LintConfig,
  rules: readonly AnyRule[] = registry,
  migration: MigrationContext = {},
): RuleDiagnostic[] {
  const { rules: resolved, problems } = resolveConfig(config, rules)
  if (problems.length > 0) throw new LintConfigError(validateLintConfig(config, rules))
  const diffRules = resolved.filter((r) => r.rule.meta.scope === 'diff')
  if (diffRules.length === 0) return []
  const index = indexSchema(after)
  const names = resolveNames(after)
  const oldIndex = indexSchema(before)
  const oldNames = resolveNames(before)
  const plan = migration.plan ?? planMigration(before, after, migration.changes ? { changes: migration.changes } : {})
  const diff: DiffContext = { before, after, changes: plan.changes, plan }
  const out: RuleDiagnostic[] = []
  for (const r of diffRules) {
    const meta = r.rule.meta
    const ctx: RuleContext<never, string> = {
      schema: after,
      options: r.options as never,
      index,
      names,
      optionsOf: (id) => resolved.find((x) => x.rule.meta.id === id)?.options ?? {},
      dependOn: () => undefined,
      report(rep) {
        const template = (meta.messages as Record<string, string>)[rep.messageId] ?? rep.messageId
        const severity = rep.severity ? shiftSeverity(rep.severity, meta.severity, r.severity) : r.severity
        const gone = rep.target.table !== undefined && !index.tables.has(rep.target.table.id)
        const target = gone ? buildTarget(rep.target, oldIndex, oldNames) : buildTarget(rep.target, index, names)
        const finding = new Finding(meta.id, rep.messageId, severity, formatMessage(template, rep.data), target, rep.fixes)
        out.push(Object.assign(finding, { ...(rep.stepId ? { stepId: rep.stepId } : {}), ...(rep.changeId ? { changeId: rep.changeId } : {}) }))
      },
    }
    try {
      ;(r.rule as DiffRule).check(diff, ctx)
    } catch (e) {
      out.push(crashedDiff(meta.id, e))
    }
  }
  return out
}

function crashedDiff(id: string, e: unknown): RuleDiagnostic {
  return {
    code: id,
    rule: id,
    messageId: '__crash__',
    severity: 'error',
    message: `The rule "${id}" failed on this migration (${e instanceof Error ? e.message : String(e)}); please report it.`,
    target: {},
  }
}

/**
 * Which tables exist, under which names and keys, is unchanged. An unchanged table object says so
 * at once; a changed one must keep its name, schema and primary key (same objects, same types).
 */
function sameCatalog(before: readonly Table[], after: readonly Table[]): boolean {
  if (before === after) return true
  if (before.length !== after.length) return false
  for (let i = 0; i < after.length; i++) {
    const a = before[i]!
    const b = after[i]!
    if (a === b) continue
    if (a.id !== b.id || a.name !== b.name || a.namespaceId !== b.namespaceId) return false
    const pa = a.primaryKey?.columns ?? []
    const pb = b.primaryKey?.columns ?? []
    if (pa.length !== pb.length) return false
    for (let k = 0; k < pa.length; k++) {
      if (pa[k] !== pb[k]) return false
      if (a.columns.find((c) => c.id === pa[k])?.type !== b.columns.find((c) => c.id === pb[k])?.type) return false
    }
  }
  return true
}

/** The tables a table's foreign keys point at, and those pointing at it, are the same objects. */
function sameNeighbours(table: Table, before: SchemaIndex, after: SchemaIndex): boolean {
  for (const fk of table.foreignKeys) if (before.tables.get(fk.target.tableId) !== after.tables.get(fk.target.tableId)) return false
  const a = before.referencedBy.get(table.id) ?? []
  const b = after.referencedBy.get(table.id) ?? []
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i]![0] !== b[i]![0] || a[i]![1] !== b[i]![1]) return false
  return true
}

/** Effective constraint and index names: a clash elsewhere can renumber an unnamed one. */
function sameNames(table: Table, before: ResolvedNames, after: ResolvedNames): boolean {
  if (before === after) return true
  const a = before.tables?.get(table.id)
  if (a !== undefined && a === after.tables?.get(table.id)) return true
  const c = (id: ConstraintId) => before.constraints.get(id) === after.constraints.get(id)
  if (table.primaryKey && !c(table.primaryKey.id)) return false
  for (const u of table.uniques) if (!c(u.id)) return false
  for (const f of table.foreignKeys) if (!c(f.id)) return false
  for (const i of table.indexes) if (before.indexes.get(i.id) !== after.indexes.get(i.id)) return false
  return true
}
