/**
 * The problems panel: the lint findings of the design, grouped by severity and kept current by
 * the worker. A click selects what a finding is about; quick fixes apply in one click (one undo
 * entry each); each finding links to its rule's doc, shown beside the list. The list is virtual
 * and the grouping is computed once per lint result, so 18,000 findings scroll and filter smoothly.
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { Severity, TableId } from '@core'
import { findTable } from '@core'
import { Button } from '../../components/Button.tsx'
import { VirtualList } from '../../components/VirtualList.tsx'
import { appStore, useApp } from '../../store/index.ts'
import { selectSchema, selectSelection } from '../../store/selectors.ts'
import { coreClient } from '../../worker/client.ts'
import type { Finding } from '../../worker/protocol.ts'
import { runFixAll, runQuickFix } from './fix-actions.ts'
import { FixTitles } from './fix-titles.ts'
import { filterGroups, fixableOfRule, groupFindings, problemRows, severityOrder, type ProblemRow } from './problem-list.ts'
import { PanelResizer } from './PanelResizer.tsx'
import { ProblemRowView } from './ProblemRowView.tsx'
import { ProblemsToolbar } from './ProblemsToolbar.tsx'
import { revealFinding } from './reveal-finding.ts'
import { RuleDocPane } from './RuleDocPane.tsx'
import './ProblemsPanel.css'

const rowHeight = 30
const fixTitles = new FixTitles(coreClient)

interface FocusRequest {
  readonly index: number
  /** Wait until the rows are no longer these (a fix: until the next lint result is drawn). */
  readonly after?: readonly ProblemRow[]
}

const noTable = '\u0000no table selected' as TableId

function toggle<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set)
  if (next.has(value)) next.delete(value)
  else next.add(value)
  return next
}

function rowKey(row: ProblemRow): string {
  return row.kind === 'heading' ? `h-${row.severity}` : row.finding.key
}

export function ProblemsPanel() {
  const findings = useApp((s) => s.findings)
  const status = useApp((s) => s.lintStatus)
  const selection = useApp(selectSelection)
  const schema = useApp(selectSchema)
  // The findings are about an older version while a check is on its way.
  const checking = useApp((s) => s.lintedSchema !== undefined && s.lintedSchema !== s.document.schema)
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(() => new Set(severityOrder))
  const [rule, setRule] = useState('')
  const [text, setText] = useState('')
  const [thisTable, setThisTable] = useState(false)
  const [collapsed, setCollapsed] = useState<ReadonlySet<Severity>>(() => new Set())
  const [docRule, setDocRule] = useState<string | undefined>()
  const [activeKey, setActiveKey] = useState<string | undefined>()
  /** Where the keyboard is in the list (kept in view), and a one-shot request to move focus there. */
  const [activeIndex, setActiveIndex] = useState<number | undefined>()
  const [focusRequest, setFocusRequest] = useState<FocusRequest | undefined>()
  const [busy, setBusy] = useState(false)
  const listRef = useRef<HTMLDivElement>(null)
  const search = useDeferredValue(text)

  fixTitles.setFindings(findings)
  const selectedTableId = selection.kind === 'tables' && selection.tableIds.length === 1 ? selection.tableIds[0] : undefined
  const selectedTable = selectedTableId ? findTable(schema, selectedTableId)?.name : undefined
  // "This table" with no table selected shows nothing (and says why), not everything.
  const tableId = thisTable ? (selectedTableId ?? noTable) : undefined

  const groups = groupFindings(findings)
  const filtered = useMemo(() => filterGroups(groups, { severities, rule, text: search, tableId }), [groups, severities, rule, search, tableId])
  const rows = useMemo(() => problemRows(filtered, collapsed), [filtered, collapsed])
  // How many shown findings of each rule can be fixed: what "Fix all of this kind" would touch.
  const fixable = useMemo(() => {
    const counts = new Map<string, number>()
    for (const s of severityOrder) for (const f of filtered.bySeverity[s]) if (f.hasFixes) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1)
    return counts
  }, [filtered])

  useEffect(() => {
    if (!focusRequest || (focusRequest.after && focusRequest.after === rows)) return
    // Someone has moved on (into the canvas, a field): leave the focus where they put it.
    const active = document.activeElement
    if (active && active !== document.body && !listRef.current?.contains(active)) {
      setFocusRequest(undefined)
      return
    }
    // The row may be drawn only after the list has scrolled to it: try for a few frames.
    let frame = 0
    let tries = 0
    const attempt = () => {
      const el = listRef.current?.querySelector<HTMLElement>(`[data-row-index="${Math.min(focusRequest.index, rows.length - 1)}"] [data-row-focus]`)
      if (el || tries++ > 10) {
        el?.focus()
        setFocusRequest(undefined)
      } else frame = requestAnimationFrame(attempt)
    }
    attempt()
    return () => cancelAnimationFrame(frame)
  }, [focusRequest, rows])

  const fix = async (finding: Finding, index: number, title: string) => {
    setBusy(true)
    const before = rows
    const at = rows.findIndex((r) => r.kind === 'finding' && r.finding === finding)
    try {
      // The fixed row goes away with the focused button: the keyboard carries on at the next row.
      if ((await runQuickFix(appStore, coreClient(), finding, index, title)) && at >= 0) {
        setActiveIndex(at)
        setFocusRequest({ index: at, after: before })
      }
    } finally {
      setBusy(false)
    }
  }
  const fixAll = async (ruleId: string) => {
    setBusy(true)
    try {
      await runFixAll(appStore, coreClient(), ruleId, fixableOfRule(filtered, ruleId))
    } finally {
      setBusy(false)
    }
  }

  // Rows are memoized: their callbacks must keep their identity, and read the latest state.
  const latest = useRef({ fix, fixAll })
  latest.current = { fix, fixAll }
  const actions = useMemo(
    () => ({
      toggleGroup: (s: Severity) => setCollapsed((prev) => toggle(prev, s)),
      reveal: (f: Finding) => {
        setActiveKey(f.key)
        revealFinding(appStore, f)
      },
      doc: (id: string) => setDocRule((open) => (open === id ? undefined : id)),
      fix: (f: Finding, i: number, title: string) => void latest.current.fix(f, i, title),
      fixAll: (id: string) => void latest.current.fixAll(id),
    }),
    [],
  )

  const onListKeyDown = (event: KeyboardEvent) => {
    const step = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity }[event.key]
    if (step === undefined || rows.length === 0) return
    const at = (event.target as HTMLElement).closest<HTMLElement>('[data-row-index]')
    if (!at) return
    event.preventDefault()
    const next = Math.max(0, Math.min(rows.length - 1, Number(at.dataset.rowIndex) + step))
    setActiveIndex(next)
    setFocusRequest({ index: next })
  }

  const clearFilters = () => {
    setSeverities(new Set(severityOrder))
    setRule('')
    setText('')
    setThisTable(false)
  }
  const ruleFixable = rule ? (fixable.get(rule) ?? 0) : 0

  return (
    <section className="cf-problems" aria-label="Problems">
      <PanelResizer />
      <ProblemsToolbar
        groups={groups}
        shown={filtered.shown}
        severities={severities}
        onToggleSeverity={(s) => setSeverities((prev) => toggle(prev, s))}
        rule={rule}
        onRule={setRule}
        text={text}
        onText={setText}
        selectedTable={selectedTable}
        thisTable={thisTable}
        onThisTable={setThisTable}
        fixAll={ruleFixable > 0 ? { count: ruleFixable, run: () => void fixAll(rule) } : undefined}
        busy={busy}
        status={status.state === 'failed' ? undefined : checking ? 'Checking…' : undefined}
        onRules={() => appStore.getState().openDialog({ kind: 'rules', ...(docRule ? { ruleId: docRule } : {}) })}
        onClose={() => appStore.getState().setPanel('problems', false)}
      />
      <div className="cf-problems__body">
        <div className="cf-problems__main-area">
          {status.state === 'failed' ? (
            <p className="cf-problems__status" role="alert">
              Checking the design failed: {status.message}
            </p>
          ) : null}
          {groups.total === 0 ? (
            <p className="cf-problems__empty">No problems: the design follows every enabled rule.</p>
          ) : rows.length === 0 ? (
            <div className="cf-problems__empty">
              <span>{tableId === noTable ? 'Select a table to see its problems.' : selectedTable && thisTable ? `No problems in ${selectedTable} match the filter.` : 'No problems match the filter.'}</span>
              <Button size="sm" variant="secondary" onClick={clearFilters}>
                Clear filters
              </Button>
            </div>
          ) : (
            <div ref={listRef} className="cf-problems__list-wrap" onKeyDown={onListKeyDown}>
              <VirtualList
                className="cf-problems__list"
                items={rows}
                rowHeight={rowHeight}
                activeIndex={activeIndex}
                getKey={rowKey}
                renderRow={(row, index) => (
                  <ProblemRowView
                    row={row}
                    index={index}
                    active={row.kind === 'finding' && row.finding.key === activeKey}
                    docOpen={row.kind === 'finding' && row.finding.rule === docRule}
                    titles={fixTitles}
                    sameKind={row.kind === 'finding' ? (fixable.get(row.finding.rule) ?? 0) : 0}
                    busy={busy}
                    onToggleGroup={actions.toggleGroup}
                    onReveal={actions.reveal}
                    onDoc={actions.doc}
                    onFix={actions.fix}
                    onFixAll={actions.fixAll}
                  />
                )}
              />
            </div>
          )}
        </div>
        {docRule ? (
          <RuleDocPane
            ruleId={docRule}
            onClose={() => setDocRule(undefined)}
            onOnlyThisRule={() => setRule(docRule)}
            onConfigure={() => appStore.getState().openDialog({ kind: 'rules', ruleId: docRule })}
          />
        ) : null}
      </div>
    </section>
  )
}
