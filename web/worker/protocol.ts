/**
 * Messages between the app and its core worker. Everything here is plain data (structured clone);
 * quick fixes are functions, so they stay in the worker and are asked for by finding key.
 */
import type { CrowsfootDocument, Diagnostic, DiagnosticTarget, ImportResult, LintConfig, Severity, TableGroup } from '@core'
import type { DiffQuery, DiffResult } from './diff.ts'
import type { LayoutAnswer, LayoutGraph } from '../canvas/auto-layout.ts'
import type { SchemaDelta } from './schema-delta.ts'

/** A lint finding as the app sees it: fixes by title only, applied through `applyFix`. */
export interface Finding {
  /** Stable across runs while the finding stays the same: rule, message id and target ids. */
  readonly key: string
  readonly rule: string
  readonly severity: Severity
  readonly message: string
  readonly target: DiagnosticTarget
  readonly hasFixes: boolean
}

export interface LintResult {
  readonly findings: readonly Finding[]
  readonly tables: number
  readonly reused: number
  readonly ms: number
}

export type ExportResult = { readonly text: string; readonly diagnostics: readonly Diagnostic[] }

/** Every request carries the design as a delta on the worker's copy (`sync`), when it needs one. */
export type Request =
  | { readonly kind: 'lint'; readonly sync: Sync; readonly config: LintConfig | undefined }
  | { readonly kind: 'fixTitles'; readonly keys: readonly string[] }
  | { readonly kind: 'applyFix'; readonly key: string; readonly index: number }
  /** The first fix of each finding, together, as one change ("Fix all of this kind"). */
  | { readonly kind: 'applyFixes'; readonly keys: readonly string[] }
  | { readonly kind: 'export'; readonly sync: Sync; readonly target: string; readonly document?: Omit<CrowsfootDocument, 'schema'> }
  /** With `sync`, the design the text replaces: objects that keep their names keep their ids. */
  | { readonly kind: 'import'; readonly format: string; readonly text: string; readonly fileName?: string; readonly sync?: Sync }
  /** The migration between two designs (`current` is the synced one); see diff.ts. */
  | { readonly kind: 'diff'; readonly sync: Sync; readonly query: DiffQuery }
  /**
   * The code panel's text as an edit of the synced design: renames typed in text keep their ids
   * (matched by name, then by place and shape), and the answer is a delta carrying only the
   * tables that really changed, so one keystroke redraws one table, not all of them. `baseText`:
   * the text before the edit, whose tables the edit did not touch keep the design's objects.
   */
  | { readonly kind: 'parseText'; readonly format: string; readonly text: string; readonly baseText?: string; readonly sync: Sync }
  /** ELK auto layout of the table boxes; the graph carries all it needs, so no sync. */
  | { readonly kind: 'layout'; readonly graph: LayoutGraph }

export type ParseTextResult =
  | {
      readonly ok: true
      readonly delta: SchemaDelta
      readonly diagnostics: readonly Diagnostic[]
      readonly groups?: readonly TableGroup[]
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] }

export interface Sync {
  /** The generation of the worker's copy this delta applies to (0: the delta is the whole design). */
  readonly base: number
  readonly generation: number
  readonly delta: SchemaDelta
}

export type ResponseOf<R extends Request> = R extends { kind: 'lint' }
  ? LintResult
  : R extends { kind: 'fixTitles' }
    ? Record<string, readonly string[]>
    : R extends { kind: 'applyFix' }
      ? { readonly delta: SchemaDelta } | { readonly error: string }
      : R extends { kind: 'applyFixes' }
        ? { readonly delta: SchemaDelta; readonly applied: number } | { readonly error: string }
      : R extends { kind: 'export' }
        ? ExportResult
        : R extends { kind: 'import' }
          ? ImportResult
          : R extends { kind: 'diff' }
            ? DiffResult
          : R extends { kind: 'parseText' }
            ? ParseTextResult
          : R extends { kind: 'layout' }
            ? LayoutAnswer
            : never

export type WorkerIn = { readonly id: number; readonly request: Request }
export type WorkerOut =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string; readonly outOfSync?: boolean }
