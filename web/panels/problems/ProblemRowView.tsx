/**
 * One row of the problems list: a group heading (a button that folds the group) or a finding
 * (the message, which reveals its object; its quick fixes; the rule, which opens its doc). Each
 * row's first control carries `data-row-focus`, which arrow keys move between.
 */
import { memo } from 'react'
import { ChevronDown, ChevronRight } from 'lucide-react'
import type { Severity } from '@core'
import type { Finding } from '../../worker/protocol.ts'
import type { FixTitles } from './fix-titles.ts'
import { FixButtons } from './FixButtons.tsx'
import type { ProblemRow } from './problem-list.ts'
import { severityIcons, severityNames } from './ProblemsToolbar.tsx'

interface RowProps {
  readonly row: ProblemRow
  readonly index: number
  readonly active: boolean
  readonly docOpen: boolean
  readonly titles: FixTitles
  readonly sameKind: number
  readonly busy: boolean
  readonly onToggleGroup: (s: Severity) => void
  readonly onReveal: (f: Finding) => void
  readonly onDoc: (rule: string) => void
  readonly onFix: (f: Finding, index: number, title: string) => void
  readonly onFixAll: (rule: string) => void
}

/** Memoized: scrolling draws the rows coming into view, not every row again. */
export const ProblemRowView = memo(function ProblemRowView({ row, index, active, docOpen, titles, sameKind, busy, onToggleGroup, onReveal, onDoc, onFix, onFixAll }: RowProps) {
  if (row.kind === 'heading') {
    const Chevron = row.collapsed ? ChevronRight : ChevronDown
    return (
      <div className="cf-problems__row" data-row-index={index}>
        <button
          type="button"
          className="cf-problems__heading"
          aria-expanded={!row.collapsed}
          data-row-focus
          onClick={() => onToggleGroup(row.severity)}
        >
          <Chevron size={13} aria-hidden />
          {severityNames[row.severity]}
          <span className="cf-problems__heading-count">{row.count.toLocaleString('en-US')}</span>
        </button>
      </div>
    )
  }
  const f = row.finding
  const Icon = severityIcons[f.severity]
  const where = [f.target.table, f.target.column].filter(Boolean).join('.')
  return (
    <div className={active ? 'cf-problems__row cf-problems__row--active' : 'cf-problems__row'} data-row-index={index}>
      <button type="button" className="cf-problems__item" title={f.message} data-row-focus onClick={() => onReveal(f)}>
        <Icon size={14} className={`cf-problems__icon cf-problems__icon--${f.severity}`} aria-label={f.severity === 'info' ? 'Note' : f.severity === 'error' ? 'Error' : 'Warning'} role="img" />
        <span className="cf-problems__message">{f.message}</span>
        {where ? <span className="cf-problems__where">{where}</span> : null}
      </button>
      <FixButtons finding={f} titles={titles} sameKind={sameKind} onFix={onFix} onFixAll={onFixAll} busy={busy} />
      <button
        type="button"
        className="cf-problems__rule"
        aria-pressed={docOpen}
        aria-label={`About the rule ${f.rule}`}
        title={`About the rule ${f.rule}`}
        onClick={() => onDoc(f.rule)}
      >
        {f.rule}
      </button>
    </div>
  )
})
