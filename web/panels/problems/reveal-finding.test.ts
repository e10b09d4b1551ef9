import { describe, expect, it } from 'vitest'
import type { ColumnId, ConstraintId, EnumId, TableId } from '@core'
import { createAppStore } from '../../store/index.ts'
import type { Finding } from '../../worker/protocol.ts'
import { revealFinding } from './reveal-finding.ts'

const base = { key: 'k', rule: 'r', severity: 'warning', message: 'm', hasFixes: false } as const
const tableId = 't1' as TableId

describe('revealFinding', () => {
  it('selects the table, focuses the constraint over the column, and reveals it', () => {
    const store = createAppStore()
    store.getState().setPanel('inspector', false)
    const finding: Finding = { ...base, target: { tableId, columnId: 'c1' as ColumnId, constraintId: 'k1' as ConstraintId } }
    revealFinding(store, finding)
    const s = store.getState()
    expect(s.selection).toEqual({ kind: 'tables', tableIds: [tableId], focus: { kind: 'constraint', constraintId: 'k1' } })
    expect(s.reveal?.tableIds).toEqual([tableId])
    expect(s.panels.inspector).toBe(true)
  })

  it('asks for the focus again when the same finding is clicked again', () => {
    const store = createAppStore()
    const finding: Finding = { ...base, target: { tableId, columnId: 'c1' as ColumnId } }
    revealFinding(store, finding)
    const first = store.getState().selection
    revealFinding(store, finding)
    const second = store.getState().selection
    expect(second).toEqual(first)
    // A new focus object: the inspector's "focus changed" effect runs again.
    expect(second.kind === 'tables' && first.kind === 'tables' && second.focus !== first.focus).toBe(true)
    expect(store.getState().reveal?.nonce).toBe(2)
  })

  it('selects an enum finding', () => {
    const store = createAppStore()
    revealFinding(store, { ...base, target: { enumId: 'e1' as EnumId } })
    expect(store.getState().selection).toEqual({ kind: 'enum', enumId: 'e1' })
  })
})
