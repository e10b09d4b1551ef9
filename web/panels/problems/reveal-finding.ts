/**
 * Going to what a finding is about: select its table (or enum), bring it into view on the canvas
 * and ask the inspector to focus the part concerned. The constraint or index a finding names is
 * more precise than its column (an FK finding names both), so it wins.
 */
import type { AppStore } from '../../store/index.ts'
import type { Focus } from '../../store/selection-slice.ts'
import type { Finding } from '../../worker/protocol.ts'

export function focusOf(finding: Finding): Focus | undefined {
  const { columnId, constraintId, indexId } = finding.target
  if (constraintId) return { kind: 'constraint', constraintId }
  if (indexId) return { kind: 'index', indexId }
  if (columnId) return { kind: 'column', columnId }
  return undefined
}

export function revealFinding(store: AppStore, finding: Finding): void {
  const state = store.getState()
  const { tableId, enumId } = finding.target
  if (tableId) {
    const focus = focusOf(finding)
    // The focus is a one-shot request: clicking the same finding again must ask again, so the
    // selection first drops it (the same selection with the same focus would be no change).
    if (focus) state.select({ kind: 'tables', tableIds: [tableId] })
    state.select({ kind: 'tables', tableIds: [tableId], ...(focus ? { focus } : {}) })
    state.revealTables([tableId])
    state.setPanel('inspector', true)
  } else if (enumId) {
    state.select({ kind: 'enum', enumId })
    state.setPanel('inspector', true)
  }
}
