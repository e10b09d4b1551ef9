import { describe, expect, it } from 'vitest'
import type { Severity, TableId } from '@core'
import type { Finding } from '../../worker/protocol.ts'
import { countLabel, filterGroups, fixableOfRule, groupFindings, problemRows, showEverything } from './problem-list.ts'

let n = 0
function finding(severity: Severity, rule: string, message: string, table = 'public.orders', hasFixes = false): Finding {
  n++
  return { key: `${rule}|${n}`, rule, severity, message, target: { tableId: `t_${table}` as TableId, table }, hasFixes }
}

const findings: readonly Finding[] = [
  finding('info', 'require-comments', 'Table "orders" has no description.'),
  finding('warning', 'fk-missing-index', 'Foreign key "orders_user_id_fkey" has no index.', 'public.orders', true),
  finding('error', 'fk-target-missing', 'Foreign key points to "ghosts", which does not exist.', 'public.items'),
  finding('warning', 'fk-missing-index', 'Foreign key "items_order_id_fkey" has no index.', 'public.items', true),
  finding('warning', 'unconstrained-status', '"orders.status" is free text.'),
]

const all = (s: Severity[]) => ({ severities: new Set(s) })

describe('groupFindings', () => {
  it('splits by severity in lint order and counts rules, most first', () => {
    const g = groupFindings(findings)
    expect(g.bySeverity.error.map((f) => f.rule)).toEqual(['fk-target-missing'])
    expect(g.bySeverity.warning.map((f) => f.message.slice(0, 20))).toEqual(['Foreign key "orders_', 'Foreign key "items_o', '"orders.status" is f'])
    expect(g.rules).toEqual([
      { rule: 'fk-missing-index', count: 2 },
      { rule: 'fk-target-missing', count: 1 },
      { rule: 'require-comments', count: 1 },
      { rule: 'unconstrained-status', count: 1 },
    ])
    expect(g.total).toBe(5)
  })

  it('is computed once per result', () => {
    expect(groupFindings(findings)).toBe(groupFindings(findings))
    expect(groupFindings([...findings])).not.toBe(groupFindings(findings))
  })
})

describe('filterGroups', () => {
  const g = groupFindings(findings)

  it('keeps whole groups when nothing narrows, without copying them', () => {
    const f = filterGroups(g, showEverything)
    expect(f.shown).toBe(5)
    expect(f.bySeverity.warning).toBe(g.bySeverity.warning)
  })

  it('hides severities that are toggled off', () => {
    const f = filterGroups(g, all(['error', 'info']))
    expect(f.shown).toBe(2)
    expect(f.bySeverity.warning).toEqual([])
  })

  it('narrows by rule, by table and by every word of the search, in any case', () => {
    expect(filterGroups(g, { ...showEverything, rule: 'fk-missing-index' }).shown).toBe(2)
    expect(filterGroups(g, { ...showEverything, tableId: 't_public.items' as TableId }).shown).toBe(2)
    expect(filterGroups(g, { ...showEverything, text: '  FOREIGN   orders ' }).bySeverity.warning.map((f) => f.key)).toEqual([findings[1]!.key])
    // Rule ids and target names are searched too, not only the message.
    expect(filterGroups(g, { ...showEverything, text: 'unconstrained' }).shown).toBe(1)
    expect(filterGroups(g, { ...showEverything, text: 'public.items' }).shown).toBe(2)
    expect(filterGroups(g, { ...showEverything, text: 'nothing-like-this' }).shown).toBe(0)
  })

  it('combines filters', () => {
    const f = filterGroups(g, { severities: new Set<Severity>(['warning']), rule: 'fk-missing-index', tableId: 't_public.orders' as TableId, text: 'user' })
    expect(f.shown).toBe(1)
    expect(fixableOfRule(f, 'fk-missing-index').map((x) => x.key)).toEqual([findings[1]!.key])
  })
})

describe('problemRows', () => {
  const f = filterGroups(groupFindings(findings), showEverything)

  it('puts a heading before each non-empty group, errors first', () => {
    const rows = problemRows(f)
    expect(rows.map((r) => (r.kind === 'heading' ? `# ${r.severity} ${r.count}` : r.finding.rule))).toEqual([
      '# error 1',
      'fk-target-missing',
      '# warning 3',
      'fk-missing-index',
      'fk-missing-index',
      'unconstrained-status',
      '# info 1',
      'require-comments',
    ])
  })

  it('shows only the heading of a collapsed group', () => {
    const rows = problemRows(f, new Set<Severity>(['warning']))
    expect(rows.filter((r) => r.kind === 'finding')).toHaveLength(2)
    expect(rows[2]).toEqual({ kind: 'heading', severity: 'warning', count: 3, collapsed: true })
  })

  it('flattens a corpus-sized result (18,000 findings)', () => {
    const big: Finding[] = []
    const severities: Severity[] = ['error', 'warning', 'info']
    for (let i = 0; i < 18_000; i++) big.push(finding(severities[i % 3]!, `rule-${i % 40}`, `Table "t${i}" has a problem number ${i}.`, `public.t${i % 1000}`))
    const groups = groupFindings(big)
    const rows = problemRows(filterGroups(groups, { ...showEverything, text: 't17' }))
    expect(rows.filter((r) => r.kind === 'finding').length).toBeGreaterThan(100)
    expect(problemRows(filterGroups(groups, showEverything))).toHaveLength(18_003)
  })
})

describe('countLabel', () => {
  it('says counts in words', () => {
    expect(countLabel('error', 0)).toBe('no errors')
    expect(countLabel('warning', 1)).toBe('1 warning')
    expect(countLabel('info', 18343)).toBe('18,343 notes')
  })
})
