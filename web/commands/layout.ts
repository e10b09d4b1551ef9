/** Arranging the diagram: ELK auto layout (in the worker), pinning tables it must leave alone, snap to grid. */
import type { TableId } from '@core'
import { layoutGraph, withPositions } from '../canvas/auto-layout.ts'
import { canvasApi } from '../canvas/bridge.ts'
import { estimateTableHeight, tableMetrics } from '../canvas/metrics.ts'
import { selectedTableIds } from '../store/selection-slice.ts'
import type { AppStore } from '../store/index.ts'
import { coreClient } from '../worker/client.ts'
import type { Command } from './types.ts'

let running = false

/** Lays out every table that is not pinned; one undo entry. Resolves once the positions are in. */
export async function autoLayout(store: AppStore): Promise<void> {
  if (running) return
  running = true
  try {
    const before = store.getState().document
    const graph = layoutGraph(before, (id, columns) => canvasApi().measuredSize(id as TableId) ?? { width: tableMetrics.minWidth, height: estimateTableHeight(columns) })
    if (graph.nodes.every((n) => n.pinned)) {
      store.getState().notify({ tone: 'info', message: graph.nodes.length === 0 ? 'There are no tables to lay out.' : 'Every table is pinned: unpin some to lay them out.' })
      return
    }
    const answer = await coreClient().layout(graph)
    // Edits made while ELK ran are kept: only positions change, and only of tables still there.
    const result = store.getState().apply('Auto layout', (doc) => {
      const layout = withPositions(doc.layout, answer.positions)
      return layout === doc.layout ? doc : { ...doc, layout }
    })
    if (!result.ok) store.getState().notify({ tone: 'error', message: result.message })
    canvasApi().fitView()
  } catch (e) {
    store.getState().notify({ tone: 'error', message: `Auto layout failed: ${e instanceof Error ? e.message : String(e)}` })
  } finally {
    running = false
  }
}

export const autoLayoutCommand: Command = {
  id: 'auto-layout',
  label: 'Auto layout',
  group: 'View',
  keys: ['Shift+L'],
  keywords: ['arrange', 'tidy', 'elk', 'organize', 'layout'],
  enabled: (s) => s.document.schema.tables.length > 0,
  run: (store) => autoLayout(store),
}

export const togglePin: Command = {
  id: 'toggle-pin',
  label: 'Pin or unpin selected tables',
  group: 'View',
  keys: ['P'],
  keywords: ['pin', 'unpin', 'lock', 'fix position', 'auto layout'],
  enabled: (s) => selectedTableIds(s.selection).length > 0,
  run(store) {
    const ids = selectedTableIds(store.getState().selection)
    const { tables } = store.getState().document.layout
    // Mixed selections get pinned: the safe direction, since pinning never moves anything.
    const pin = ids.some((id) => !tables[id]?.pinned)
    store.getState().apply(pin ? (ids.length === 1 ? 'Pin table' : 'Pin tables') : ids.length === 1 ? 'Unpin table' : 'Unpin tables', (doc) => {
      const next = { ...doc.layout.tables }
      for (const id of ids) {
        const at = next[id] ?? { x: 0, y: 0 }
        if (pin) next[id] = { ...at, pinned: true }
        else {
          const { pinned: _, ...rest } = at
          next[id] = rest
        }
      }
      return { ...doc, layout: { ...doc.layout, tables: next } }
    })
  },
}

export const toggleSnap: Command = {
  id: 'toggle-snap-to-grid',
  label: 'Snap to grid',
  group: 'View',
  keywords: ['grid', 'align', 'snap'],
  run(store) {
    const on = !store.getState().snapToGrid
    store.getState().setSnapToGrid(on)
    store.getState().notify({ tone: 'info', message: on ? 'Snap to grid is on.' : 'Snap to grid is off.' })
  },
}
