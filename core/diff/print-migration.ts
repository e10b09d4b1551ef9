/**
 * A plan as a migration file, run as psql runs a file (statement by statement). Quick steps that
 * follow each other share one transaction; a long transactional step (VALIDATE, an ADD VALUE that
 * must commit before use) gets its own; CONCURRENTLY and batched backfills run outside any. Every
 * transaction runs under `lock_timeout` (a blocked ALTER gives up instead of queueing every
 * reader behind it) and `statement_timeout`, raised for the long steps. Hazards, rule findings and
 * input requests are comments above their step.
 *
 * Only transaction control and timeouts are added here; every statement is printed by the one
 * DDL printer.
 */
import type { Diagnostic } from '../diagnostics.ts'
import type { DdlStatement } from '../sql/ddl.ts'
import { printStatement } from '../sql/print-postgres.ts'
import type { MigrationPlan, MigrationStep } from './plan-migration/types.ts'

export interface PrintMigrationOptions {
  /** Rule findings on the plan (`lintMigration`); those with a `stepId` are printed above it. */
  readonly findings?: ReadonlyArray<Diagnostic & { readonly stepId?: string; readonly rule?: string }>
  /** First lines of the file, as comments. */
  readonly header?: string
}

/**
 * @example
 *   const plan = planMigration(before, after)
 *   writeFile(names.up, printMigration(plan, { findings: lintMigration(plan) }))
 */
export function printMigration(plan: MigrationPlan, options: PrintMigrationOptions = {}): string {
  const out: string[] = []
  const note = (text: string) => printStatement({ kind: 'note', text })
  const header = options.header ?? defaultHeader(plan)
  out.push(note(header))
  for (const d of plan.diagnostics) out.push(note(`${d.severity}: ${d.message}`))
  const plain = plan.mode === 'simple'
  const { lockTimeout, statementTimeout, longStatementTimeout } = plan.options
  const lines: string[] = []
  const emit = (s: DdlStatement) => lines.push(printStatement(s))
  let timeout: string | undefined
  const setTimeout = (value: string) => {
    if (plain || !value || value === timeout) return
    emit({ kind: 'setParameter', name: 'statement_timeout', value })
    timeout = value
  }
  if (!plain && lockTimeout) emit({ kind: 'setParameter', name: 'lock_timeout', value: lockTimeout })
  const byStep = new Map<string, Array<Diagnostic & { rule?: string }>>()
  for (const f of options.findings ?? []) {
    if (!f.stepId) continue
    let list = byStep.get(f.stepId)
    if (!list) byStep.set(f.stepId, (list = []))
    list.push(f)
  }
  const groups = group(plan.steps)
  for (const g of groups) {
    lines.push('')
    setTimeout(g.some((s) => s.long) ? longStatementTimeout : statementTimeout)
    const tx = !plain && g[0]!.transaction !== 'none'
    if (tx) emit({ kind: 'transaction', action: 'begin' })
    g.forEach((s, i) => {
      if (i > 0) lines.push('')
      lines.push(note(stepComment(s, byStep.get(s.id) ?? [])))
      for (const st of s.statements) emit(st)
    })
    if (tx) emit({ kind: 'transaction', action: 'commit' })
  }
  if (plan.steps.length === 0)
    lines.push('', note(plan.diagnostics.some((d) => d.severity === 'error') ? 'No migration: the errors above stop the plan.' : 'Nothing to do: the two designs hold the same schema.'))
  return [...out, ...lines].join('\n') + '\n'
}

/** Runs of shared steps together; own and non-transactional steps alone. */
function group(steps: readonly MigrationStep[]): MigrationStep[][] {
  const out: MigrationStep[][] = []
  for (const s of steps) {
    const last = out[out.length - 1]
    if (last && s.transaction === 'shared' && last[0]!.transaction === 'shared') last.push(s)
    else out.push([s])
  }
  return out
}

function stepComment(s: MigrationStep, findings: ReadonlyArray<Diagnostic & { rule?: string }>): string {
  const where = s.transaction === 'none' ? ' (outside a transaction)' : ''
  const lines = [`${s.id}. ${s.summary}${where}`]
  for (const f of findings) lines.push(`  ${f.severity}: ${f.message} (${f.rule ?? f.code})`)
  for (const h of s.hazards) if (!findings.some((f) => f.message === h.message)) lines.push(`  hazard, ${h.kind}: ${h.message}`)
  if (s.needsInput) {
    const r = s.needsInput
    lines.push(
      r.supplied !== undefined
        ? `  input ${r.changeId}: ${r.supplied}`
        : `  needs input ${r.changeId}: ${r.prompt}${r.suggestion !== undefined ? ` (suggested: ${r.suggestion})` : ''}`,
    )
  }
  return lines.join('\n')
}

function defaultHeader(plan: MigrationPlan): string {
  const down = plan.options.direction === 'down'
  const lines = [
    `${down ? 'Down' : 'Up'} migration written by Crowsfoot: ${plan.changes.length} change${plan.changes.length === 1 ? '' : 's'}, ${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'}, ${plan.mode} mode.`,
    plan.mode === 'safe'
      ? 'Run it as psql does, statement by statement (psql -f): some steps cannot run inside a transaction.'
      : 'Plain statements for a development database: no transactions, no timeouts, no zero-downtime patterns.',
  ]
  if (down) lines.push('A down migration restores the schema, not the data: what the up migration dropped comes back empty.')
  return lines.join('\n')
}

/**
 * The seeds' file names, `YYYYMMDDHHMMSS_<description>.up.sql` and `.down.sql`, with the time in
 * UTC and the description in lower-case snake case.
 * @example migrationFileNames(new Date('2026-03-01T09:30:00Z'), 'Add orders.note') // { up: '20260301093000_add_orders_note.up.sql', ... }
 */
export function migrationFileNames(at: Date, description: string): { readonly up: string; readonly down: string; readonly stem: string } {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  const stamp = `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`
  const slug =
    description
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 60)
      .replace(/_+$/, '') || 'migration'
  const stem = `${stamp}_${slug}`
  return { up: `${stem}.up.sql`, down: `${stem}.down.sql`, stem }
}
