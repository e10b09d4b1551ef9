/**
 * The problems panel: the lint findings of the design, errors first, kept current by the worker.
 * A click selects the object a finding is about and brings it into view.
 */
import { useMemo } from 'react'
import { AlertTriangle, Info, XCircle } from 'lucide-react'
import type { Severity } from '@core'
import { VirtualList } from '../../components/VirtualList.tsx'
import { appStore, useApp } from '../../store/index.ts'
import type { Finding } from '../../worker/protocol.ts'
import './ProblemsPanel.css'

const order: readonly Severity[] = ['error', 'warning', 'info']
const icons = { error: XCircle, warning: AlertTriangle, info: Info } as const
const headings = { error: 'Errors', warning: 'Warnings', info: 'Notes' } as const

type Row = { readonly kind: 'heading'; readonly severity: Severity; readonly count: number } | { readonly kind: 'finding'; readonly finding: Finding }

export function problemRows(findings: readonly Finding[]): Row[] {
  const rows: Row[] = []
  for (const severity of order) {
    const group = findings.filter((f) => f.severity === severity)
    if (group.length === 0) continue
    rows.push({ kind: 'heading', severity, count: group.length })
    for (const finding of group) rows.push({ kind: 'finding', finding })
  }
  return rows
}

export function revealFinding(finding: Finding): void {
  const state = appStore.getState()
  const { tableId, columnId, constraintId, indexId, enumId } = finding.target
  if (tableId) {
    const focus = columnId
      ? ({ kind: 'column', columnId } as const)
      : constraintId
        ? ({ kind: 'constraint', constraintId } as const)
        : indexId
          ? ({ kind: 'index', indexId } as const)
          : undefined
    state.select({ kind: 'tables', tableIds: [tableId], ...(focus ? { focus } : {}) })
    state.revealTables([tableId])
    state.setPanel('inspector', true)
  } else if (enumId) {
    state.select({ kind: 'enum', enumId })
    state.setPanel('inspector', true)
  }
}

export function ProblemsPanel() {
  const findings = useApp((s) => s.findings)
  const status = useApp((s) => s.lintStatus)
  const rows = useMemo(() => problemRows(findings), [findings])
  return (
    <section className="cf-problems" aria-label="Problems">
      {status.state === 'failed' ? <p className="cf-problems__status">Checking the design failed: {status.message}</p> : null}
      {rows.length === 0 ? (
        <p className="cf-problems__empty">No problems: the design follows every enabled rule.</p>
      ) : (
        <VirtualList
          className="cf-problems__list"
          items={rows}
          rowHeight={30}
          getKey={(row) => (row.kind === 'heading' ? `h-${row.severity}` : row.finding.key)}
          renderRow={(row) => {
            if (row.kind === 'heading') {
              return (
                <div className="cf-problems__heading">
                  {headings[row.severity]} <span>{row.count}</span>
                </div>
              )
            }
            const f = row.finding
            const Icon = icons[f.severity]
            return (
              <button type="button" className="cf-problems__item" onClick={() => revealFinding(f)}>
                <Icon size={14} aria-hidden className={`cf-problems__icon cf-problems__icon--${f.severity}`} />
                <span className="cf-problems__message">{f.message}</span>
                <span className="cf-problems__rule">{f.rule}</span>
              </button>
            )
          }}
        />
      )}
    </section>
  )
}
