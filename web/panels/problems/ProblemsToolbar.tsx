/**
 * The problems panel's header: counts, the severity toggles, rule and text filters, "this table
 * only", and the way to the rules. Every control is labelled; the toggles are pressed buttons.
 */
import { AlertTriangle, Info, ListChecks, Search, Wand2, X, XCircle } from 'lucide-react'
import type { Severity } from '@core'
import { Button, IconButton } from '../../components/Button.tsx'
import { countLabel, severityOrder, type ProblemGroups } from './problem-list.ts'

export const severityIcons = { error: XCircle, warning: AlertTriangle, info: Info } as const
export const severityNames = { error: 'Errors', warning: 'Warnings', info: 'Notes' } as const

interface ToolbarProps {
  readonly groups: ProblemGroups
  readonly shown: number
  readonly severities: ReadonlySet<Severity>
  readonly onToggleSeverity: (s: Severity) => void
  readonly rule: string
  readonly onRule: (rule: string) => void
  readonly text: string
  readonly onText: (text: string) => void
  /** The one selected table's name, when exactly one is selected. */
  readonly selectedTable: string | undefined
  readonly thisTable: boolean
  readonly onThisTable: (on: boolean) => void
  readonly fixAll: { readonly count: number; readonly run: () => void } | undefined
  readonly busy: boolean
  readonly status: string | undefined
  readonly onRules: () => void
  readonly onClose: () => void
}

export function ProblemsToolbar(p: ToolbarProps) {
  const filtered = p.shown !== p.groups.total
  const ruleOptions = p.groups.rules.some((r) => r.rule === p.rule) || !p.rule ? p.groups.rules : [{ rule: p.rule, count: 0 }, ...p.groups.rules]
  return (
    <div className="cf-problems__toolbar">
      <h2 className="cf-problems__title">
        Problems
        <span className="cf-problems__total" aria-live="polite">
          {filtered ? `${p.shown.toLocaleString('en-US')} of ${p.groups.total.toLocaleString('en-US')}` : p.groups.total.toLocaleString('en-US')}
        </span>
      </h2>
      <div className="cf-problems__toggles" role="group" aria-label="Severities shown">
        {severityOrder.map((s) => {
          const Icon = severityIcons[s]
          const n = p.groups.bySeverity[s].length
          return (
            <button
              key={s}
              type="button"
              className={`cf-problems__toggle cf-problems__toggle--${s}`}
              aria-pressed={p.severities.has(s)}
              title={`${p.severities.has(s) ? 'Hide' : 'Show'} ${severityNames[s].toLowerCase()} (${countLabel(s, n)})`}
              onClick={() => p.onToggleSeverity(s)}
            >
              <Icon size={13} aria-hidden />
              <span className="cf-visually-hidden">{severityNames[s]}</span>
              <span className="cf-problems__toggle-count">{n.toLocaleString('en-US')}</span>
            </button>
          )
        })}
      </div>
      <label className="cf-problems__search">
        <Search size={13} aria-hidden />
        <span className="cf-visually-hidden">Filter problems</span>
        <input type="search" value={p.text} placeholder="Filter" spellCheck={false} autoComplete="off" onChange={(e) => p.onText(e.target.value)} />
      </label>
      <label className="cf-problems__select">
        <span className="cf-visually-hidden">Rule</span>
        <select value={p.rule} onChange={(e) => p.onRule(e.target.value)}>
          <option value="">All rules</option>
          {ruleOptions.map((r) => (
            <option key={r.rule} value={r.rule}>
              {r.rule} ({r.count.toLocaleString('en-US')})
            </option>
          ))}
        </select>
      </label>
      <label className="cf-problems__check" title={p.selectedTable ? `Only problems of ${p.selectedTable}` : 'Select one table to see only its problems'}>
        <input type="checkbox" checked={p.thisTable} disabled={!p.selectedTable && !p.thisTable} onChange={(e) => p.onThisTable(e.target.checked)} />
        <span>This table</span>
      </label>
      {p.status ? <span className="cf-problems__status-text">{p.status}</span> : null}
      <div className="cf-problems__end">
        {p.fixAll ? (
          <Button size="sm" variant="secondary" icon={<Wand2 size={13} aria-hidden />} disabled={p.busy} onClick={p.fixAll.run}>
            Fix all {p.fixAll.count.toLocaleString('en-US')}
          </Button>
        ) : null}
        <Button size="sm" variant="ghost" icon={<ListChecks size={14} aria-hidden />} onClick={p.onRules}>
          Rules
        </Button>
        <IconButton label="Close problems" size="sm" onClick={p.onClose}>
          <X size={15} aria-hidden />
        </IconButton>
      </div>
    </div>
  )
}
