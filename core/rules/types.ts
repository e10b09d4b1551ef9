/**
 * The rule engine's types. A rule is data (`meta`) plus a check that reads the model and reports;
 * it never edits the model. Model rules (scope `model`) read one schema; diff rules (scope `diff`,
 * the migration-safety rules) read two versions and plug into the same registry, config and
 * diagnostics once migrations exist.
 */
import type { Diagnostic, DiagnosticTarget, Severity } from '../diagnostics.ts'
import type { SchemaIndex } from '../model/queries.ts'
import type { ResolvedNames } from '../model/names.ts'
import type { Column, Constraint, EnumType, Index, Namespace, Schema, Table } from '../model/schema.ts'
import type { OptionsSchema, OptionsOf } from './options.ts'
import type { Change } from '../diff/changes.ts'
import type { MigrationPlan } from '../diff/plan-migration/types.ts'

export type RuleCategory = 'integrity' | 'naming' | 'types' | 'indexing' | 'relationships' | 'normalization' | 'security' | 'documentation' | 'migration'

/** `model`: needs one schema. `diff`: needs the change between two versions (migrations). */
export type RuleScope = 'model' | 'diff'

/**
 * `table`: what a rule reports about a table depends only on that table, the tables its foreign
 * keys point at and the tables pointing at it, so an unchanged neighbourhood reuses the last
 * result. `catalog`: like `table`, but the rule also reads which tables exist and their primary
 * keys (name-based matching), so a table added, renamed or re-keyed re-checks every table.
 * `schema`: the rule looks across all tables (cycles, name clashes) and runs on every change.
 */
export type RuleGranularity = 'table' | 'catalog' | 'schema'

export type RuleSeverity = Severity | 'off'

/** A model edit offered with a diagnostic. Built only from `core/model/edits.ts`, never SQL. */
export interface Fix {
  readonly title: string
  apply(schema: Schema): Schema
}

export interface RuleDiagnostic extends Diagnostic {
  /** The rule id (also in `code`, which importers and exporters share). */
  readonly rule: string
  readonly messageId: string
  readonly target: DiagnosticTarget
  readonly fixes?: readonly Fix[]
  /** Diff rules: the migration step and the change the finding is about. */
  readonly stepId?: string
  readonly changeId?: string
}

/** What a report points at: model objects, turned into ids and display names by the engine. */
export interface ReportTarget {
  readonly table?: Table
  readonly column?: Column
  readonly constraint?: Constraint
  readonly index?: Index
  readonly enum?: EnumType
  readonly namespace?: Namespace
}

export interface Report<M extends string> {
  readonly messageId: M
  readonly target: ReportTarget
  readonly data?: Readonly<Record<string, string | number>>
  /**
   * For rules with two levels (fk-column-mismatch E/W, column-name-case's info-level boolean
   * prefix): the severity this finding has when the rule runs at its default severity. A user who
   * raises or lowers the rule shifts it by the same number of steps.
   */
  readonly severity?: Severity
  /**
   * The quick fixes, or a function that builds them: fixes often need names and linked columns
   * worked out, which only matters when someone looks (the Problems panel, the rule tester).
   */
  readonly fixes?: readonly Fix[] | (() => readonly Fix[])
  /** Diff rules: the migration step the finding is about (printed above it in the SQL). */
  readonly stepId?: string
  /** Diff rules: the change the finding is about. */
  readonly changeId?: string
}

export interface RuleContext<O, M extends string> {
  readonly schema: Schema
  readonly options: O
  readonly index: SchemaIndex
  /** Effective names of constraints and indexes (PostgreSQL's defaults for unnamed ones). */
  readonly names: ResolvedNames
  /** The resolved options of another rule, so fixes agree with it (a new index follows its naming). */
  optionsOf(ruleId: string): Readonly<Record<string, unknown>>
  /**
   * In `checkTable`: the findings also depend on this table (beyond the foreign-key neighbours),
   * so a change to it re-checks the table being checked.
   */
  dependOn(table: Table): void
  report(report: Report<M>): void
}

export interface RuleMeta<S extends OptionsSchema, M extends string> {
  readonly id: string
  readonly category: RuleCategory
  readonly scope: RuleScope
  readonly severity: Severity
  /** Off unless a config turns it on (the catalog's "I (off)"). */
  readonly defaultOff?: boolean
  readonly granularity?: RuleGranularity
  /** One line: what the rule checks. */
  readonly description: string
  /** Message templates by id; `{{name}}` is replaced with the report's data. */
  readonly messages: Readonly<Record<M, string>>
  readonly options?: S
  /** Repository path of the rule's doc (`core/rules/<id>.md`). */
  readonly docs: string
}

export interface ModelRule<S extends OptionsSchema = OptionsSchema, M extends string = string> {
  readonly meta: RuleMeta<S, M> & { readonly scope: 'model' }
  /** Whole-schema check (granularity `schema`, or a rule that is simplest written that way). */
  readonly check?: (schema: Schema, ctx: RuleContext<OptionsOf<S>, M>) => void
  /** Per-table check (granularity `table`): results are cached per table neighbourhood. */
  readonly checkTable?: (table: Table, ctx: RuleContext<OptionsOf<S>, M>) => void
}

/**
 * What a diff rule reads: both versions, the changes between them (matched by id) and the plan
 * that carries them out, so a rule can judge the statements it will run (a plain SET NOT NULL, an
 * index built without CONCURRENTLY) as well as the changes themselves.
 */
export interface DiffContext {
  readonly before: Schema
  readonly after: Schema
  readonly changes: readonly Change[]
  readonly plan: MigrationPlan
}

export interface DiffRule<S extends OptionsSchema = OptionsSchema, M extends string = string> {
  readonly meta: RuleMeta<S, M> & { readonly scope: 'diff' }
  readonly check: (diff: DiffContext, ctx: RuleContext<OptionsOf<S>, M>) => void
}

// The registry holds rules of any option shape; `never`-free widening keeps it assignable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = ModelRule<any, string> | DiffRule<any, string>
