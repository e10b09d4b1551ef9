/**
 * The lint findings of the open design, as the worker last reported them. `lintedSchema` is the
 * schema those findings are about: a quick fix only applies while it is still the current one.
 */
import type { StateCreator } from 'zustand'
import type { Schema } from '@core'
import type { Finding } from '../worker/protocol.ts'
import type { AppState } from './index.ts'

export interface LintStatus {
  readonly state: 'idle' | 'running' | 'failed'
  readonly message?: string
  /** Time the last run took in the worker, and how many tables it could reuse. */
  readonly ms?: number
  readonly reused?: number
}

export interface DiagnosticsSlice {
  readonly findings: readonly Finding[]
  readonly lintedSchema: Schema | undefined
  readonly lintStatus: LintStatus
  /** History: none (derived from the document). */
  setFindings(schema: Schema, findings: readonly Finding[], stats: { ms: number; reused: number }): void
  setLintStatus(status: LintStatus): void
}

export const createDiagnosticsSlice: StateCreator<AppState, [], [], DiagnosticsSlice> = (set) => ({
  findings: [],
  lintedSchema: undefined,
  lintStatus: { state: 'idle' },
  setFindings(schema, findings, stats) {
    set({ findings, lintedSchema: schema, lintStatus: { state: 'idle', ms: stats.ms, reused: stats.reused } })
  },
  setLintStatus(lintStatus) {
    set({ lintStatus })
  },
})
