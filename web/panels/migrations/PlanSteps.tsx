/**
 * A migration plan step by step: what it does, how it runs (transaction, lock, long-running,
 * reversible), its hazards and the migration rules' findings about it, and its SQL.
 */
import { AlertTriangle, Info, Lock, Timer, Undo2, XCircle } from 'lucide-react'
import type { Severity } from '@core'
import type { MigrationFinding, PlanView } from '../../worker/diff.ts'
import { lockLabel, transactionLabel } from './migration-flow.ts'

const severityIcons = { error: XCircle, warning: AlertTriangle, info: Info } as const

export function FindingLine({ finding }: { readonly finding: MigrationFinding }) {
  const Icon = severityIcons[finding.severity]
  return (
    <li className={`cf-mig-finding cf-mig-finding--${finding.severity}`}>
      <Icon size={13} aria-hidden />
      <span>
        <span className="cf-visually-hidden">{severityWord(finding.severity)}: </span>
        {finding.message} <code className="cf-mig-finding__rule">{finding.rule}</code>
      </span>
    </li>
  )
}

const severityWord = (s: Severity) => ({ error: 'Error', warning: 'Warning', info: 'Note' })[s]

export function PlanSteps({ plan, label, simple }: { readonly plan: PlanView; readonly label: string; readonly simple: boolean }) {
  if (plan.steps.length === 0) return <p className="cf-mig-empty">No steps: {plan.diagnostics.some((d) => d.severity === 'error') ? 'the problems above stop the plan.' : 'the two designs hold the same schema.'}</p>
  return (
    <ol className="cf-mig-steps" aria-label={label}>
      {plan.steps.map((s) => {
        const findings = plan.findings.filter((f) => f.stepId === s.id)
        return (
          <li key={s.id} className="cf-mig-step" aria-label={`${s.id}. ${s.summary}`}>
            <div className="cf-mig-step__head">
              <span className="cf-mig-step__id">{s.id}</span>
              <span className="cf-mig-step__summary">{s.summary}</span>
            </div>
            <ul className="cf-mig-step__flags" aria-label="How it runs">
              {/* Simple mode writes no transaction control: each statement commits on its own. */}
              <li className={s.transaction === 'none' && !simple ? 'cf-mig-flag cf-mig-flag--notx' : 'cf-mig-flag'}>{simple ? 'Plain statement' : transactionLabel(s)}</li>
              <li className={s.lock === 'access exclusive' ? 'cf-mig-flag cf-mig-flag--strong' : 'cf-mig-flag'}>
                <Lock size={11} aria-hidden />
                {lockLabel(s)}
              </li>
              {s.long ? (
                <li className="cf-mig-flag">
                  <Timer size={11} aria-hidden />
                  Long-running
                </li>
              ) : null}
              {s.reversible ? null : (
                <li className="cf-mig-flag cf-mig-flag--strong">
                  <Undo2 size={11} aria-hidden />
                  Not reversible
                </li>
              )}
            </ul>
            {s.hazards.length > 0 || findings.length > 0 ? (
              <ul className="cf-mig-step__notes" aria-label="Hazards and findings">
                {findings.map((f, i) => (
                  <FindingLine key={`f${i}`} finding={f} />
                ))}
                {s.hazards
                  .filter((h) => !findings.some((f) => f.message === h.message))
                  .map((h, i) => (
                    <li key={`h${i}`} className="cf-mig-finding cf-mig-finding--hazard">
                      <AlertTriangle size={13} aria-hidden />
                      <span>
                        <span className="cf-mig-hazard">{h.kind.replace('-', ' ')}</span> {h.message}
                      </span>
                    </li>
                  ))}
              </ul>
            ) : null}
            {s.needsInput && s.needsInput.supplied === undefined ? <p className="cf-mig-step__needs">Needs a value below: {s.needsInput.prompt}</p> : null}
            <pre className="cf-mig-step__sql">{s.sql}</pre>
          </li>
        )
      })}
    </ol>
  )
}
