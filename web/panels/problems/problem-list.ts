/**
 * What the problems panel shows, as pure functions of the findings: grouped by severity once per
 * lint result (the corpus design has 18,000 findings, and the panel re-renders on every keystroke
 * in its filter), then filtered and flattened into the rows the virtual list draws.
 */
import type { Severity, TableId } from '@core'
import type { Finding } from '../../worker/protocol.ts'

export const severityOrder: readonly Severity[] = ['error', 'warning', 'info']

export interface ProblemGroups {
  readonly bySeverity: Readonly<Record<Severity, readonly Finding[]>>
  /** The rules that report something, most findings first, with how many they report. */
  readonly rules: readonly { readonly rule: string; readonly count: number }[]
  readonly total: number
}

const groupCache = new WeakMap<readonly Finding[], ProblemGroups>()

/** Findings split by severity, in lint order (table by table). Cached per findings array. */
export function groupFindings(findings: readonly Finding[]): ProblemGroups {
  const cached = groupCache.get(findings)
  if (cached) return cached
  const bySeverity: Record<Severity, Finding[]> = { error: [], warning: [], info: [] }
  const counts = new Map<string, number>()
  for (const f of findings) {
    bySeverity[f.severity].push(f)
    counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1)
  }
  const rules = [...counts].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule))
  const groups: ProblemGroups = { bySeverity, rules, total: findings.length }
  groupCache.set(findings, groups)
  return groups
}

export interface ProblemFilter {
  /** Severities shown; a severity toggled off hides its whole group. */
  readonly severities: ReadonlySet<Severity>
  readonly rule?: string | undefined
  /** Words that must all appear in the message, rule id or target names (any case). */
  readonly text?: string | undefined
  /** Only findings about this table ("this table only"). */
  readonly tableId?: TableId | undefined
}

export const showEverything: ProblemFilter = { severities: new Set(severityOrder) }

// The text a search looks through, built once per finding object (findings are immutable).
const haystacks = new WeakMap<Finding, string>()
function haystack(f: Finding): string {
  let text = haystacks.get(f)
  if (text === undefined) {
    const t = f.target
    text = [f.message, f.rule, t.table, t.column, t.constraint, t.index, t.enum].filter(Boolean).join('\n').toLowerCase()
    haystacks.set(f, text)
  }
  return text
}

export function searchTerms(text: string | undefined): string[] {
  return (text ?? '').toLowerCase().split(/\s+/).filter(Boolean)
}

export function matchesFilter(f: Finding, filter: ProblemFilter, terms: readonly string[] = searchTerms(filter.text)): boolean {
  if (!filter.severities.has(f.severity)) return false
  if (filter.rule && f.rule !== filter.rule) return false
  if (filter.tableId && f.target.tableId !== filter.tableId) return false
  if (terms.length > 0) {
    const h = haystack(f)
    for (const term of terms) if (!h.includes(term)) return false
  }
  return true
}

export interface FilteredProblems {
  readonly bySeverity: Readonly<Record<Severity, readonly Finding[]>>
  readonly shown: number
}

/** The groups after the filter; an unfiltered group keeps its array (no copy of 10,000 rows). */
export function filterGroups(groups: ProblemGroups, filter: ProblemFilter): FilteredProblems {
  const terms = searchTerms(filter.text)
  const narrowing = Boolean(filter.rule || filter.tableId || terms.length > 0)
  const bySeverity: Record<Severity, readonly Finding[]> = { error: [], warning: [], info: [] }
  let shown = 0
  for (const severity of severityOrder) {
    if (!filter.severities.has(severity)) continue
    const all = groups.bySeverity[severity]
    const kept = narrowing ? all.filter((f) => matchesFilter(f, filter, terms)) : all
    bySeverity[severity] = kept
    shown += kept.length
  }
  return { bySeverity, shown }
}

export type ProblemRow =
  | { readonly kind: 'heading'; readonly severity: Severity; readonly count: number; readonly collapsed: boolean }
  | { readonly kind: 'finding'; readonly finding: Finding }

/** Headings and findings in display order; a collapsed group shows its heading only. */
export function problemRows(filtered: FilteredProblems, collapsed: ReadonlySet<Severity> = new Set()): ProblemRow[] {
  const rows: ProblemRow[] = []
  for (const severity of severityOrder) {
    const group = filtered.bySeverity[severity]
    if (group.length === 0) continue
    const isCollapsed = collapsed.has(severity)
    rows.push({ kind: 'heading', severity, count: group.length, collapsed: isCollapsed })
    if (isCollapsed) continue
    for (const finding of group) rows.push({ kind: 'finding', finding })
  }
  return rows
}

/** The fixable findings of one rule among those shown: what "Fix all of this kind" would fix. */
export function fixableOfRule(filtered: FilteredProblems, rule: string): Finding[] {
  const out: Finding[] = []
  for (const severity of severityOrder) for (const f of filtered.bySeverity[severity]) if (f.rule === rule && f.hasFixes) out.push(f)
  return out
}

const nouns: Readonly<Record<Severity, readonly [string, string]>> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['note', 'notes'],
}

/** "1 error", "3 warnings", "no notes". */
export function countLabel(severity: Severity, n: number): string {
  const [one, many] = nouns[severity]
  return n === 0 ? `no ${many}` : `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
}
