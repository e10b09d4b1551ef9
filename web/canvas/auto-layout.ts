/**
 * Auto layout as data: what the canvas sends to the worker (table boxes, relationships, which
 * tables are pinned), the ELK graph made of it, and the positions read back. Pure, so the mapping
 * is tested without ELK, React or a Worker.
 *
 * Pinned tables never move. ELK lays out the others among themselves; the result is then placed
 * beside the pinned tables (to their right, top-aligned), so nothing lands on a pinned table.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api'
import type { CrowsfootDocument, Layout, TableId, TableLayout } from '@core'

export interface LayoutBox {
  readonly id: string
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  readonly pinned?: boolean
}

export interface LayoutGraph {
  readonly nodes: readonly LayoutBox[]
  /** Child table -> parent table; several per pair are fine (ELK sees one). */
  readonly edges: readonly { readonly source: string; readonly target: string }[]
}

export interface LayoutAnswer {
  /** New top-left corners of the tables that move (pinned ones are never in it). */
  readonly positions: Readonly<Record<string, { readonly x: number; readonly y: number }>>
  /** Time ELK took in the worker, in ms. */
  readonly ms: number
}

/** Space between tables and between layers: room for the crow's feet and edge labels to breathe. */
export const layoutSpacing = { node: 48, layer: 96 } as const
/** Gap between the pinned tables and the laid-out block. */
const pinnedGap = 120

export function toElkGraph(graph: LayoutGraph): ElkNode {
  const free = graph.nodes.filter((n) => !n.pinned)
  const ids = new Set(free.map((n) => n.id))
  const seen = new Set<string>()
  const edges: ElkExtendedEdge[] = []
  for (const e of graph.edges) {
    // Self-references and edges to pinned tables do not constrain where free tables go.
    if (e.source === e.target || !ids.has(e.source) || !ids.has(e.target)) continue
    const key = `${e.target}\u0000${e.source}`
    if (seen.has(key)) continue
    seen.add(key)
    // Parent -> child, so referenced tables come first (left), the way people read a schema.
    edges.push({ id: `e${edges.length}`, sources: [e.target], targets: [e.source] })
  }
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': String(layoutSpacing.node),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(layoutSpacing.layer),
      'elk.spacing.componentComponent': String(layoutSpacing.layer),
      // The canvas routes its own edges: ELK's cheapest routing, and one crossing-reduction pass
      // (thoroughness 7, the default, took 3-4x the CPU at 300 tables for a barely tidier result).
      'elk.edgeRouting': 'POLYLINE',
      'elk.layered.thoroughness': '1',
      // Brandes-Koepf keeps edges straight but is the costliest placement on big designs.
      'elk.layered.nodePlacement.strategy': free.length > 150 ? 'SIMPLE' : 'BRANDES_KOEPF',
      // Disconnected tables are packed side by side instead of one endless column.
      'elk.separateConnectedComponents': 'true',
    },
    children: free.map((n) => ({ id: n.id, width: Math.max(1, n.width), height: Math.max(1, n.height) })),
    edges,
  }
}

/**
 * Positions from ELK's answer, moved to where the block belongs: beside the pinned tables, or,
 * with none pinned, where the free tables' top-left corner was (the view stays on the design).
 */
export function placeLaidOut(graph: LayoutGraph, laidOut: ElkNode): Record<string, { x: number; y: number }> {
  const free = graph.nodes.filter((n) => !n.pinned)
  const pinned = graph.nodes.filter((n) => n.pinned)
  if (free.length === 0) return {}
  let originX: number
  let originY: number
  if (pinned.length > 0) {
    originX = Math.max(...pinned.map((n) => n.x + n.width)) + pinnedGap
    originY = Math.min(...pinned.map((n) => n.y))
  } else {
    originX = Math.min(...free.map((n) => n.x))
    originY = Math.min(...free.map((n) => n.y))
  }
  const children = laidOut.children ?? []
  const minX = Math.min(...children.map((c) => c.x ?? 0))
  const minY = Math.min(...children.map((c) => c.y ?? 0))
  const out: Record<string, { x: number; y: number }> = {}
  const freeIds = new Set(free.map((n) => n.id))
  for (const c of children) {
    if (!freeIds.has(c.id)) continue
    out[c.id] = { x: Math.round(originX + (c.x ?? 0) - minX), y: Math.round(originY + (c.y ?? 0) - minY) }
  }
  return out
}

/** Sizes known to the canvas (measured nodes); tables not drawn yet get an estimate. */
export type SizeOf = (tableId: string, columnCount: number) => { readonly width: number; readonly height: number }

/** The layout request for a design: every table's box, pinned or not, and its relationships. */
export function layoutGraph(doc: Pick<CrowsfootDocument, 'schema' | 'layout'>, sizeOf: SizeOf): LayoutGraph {
  const nodes = doc.schema.tables.map((t): LayoutBox => {
    const at = doc.layout.tables[t.id]
    const { width, height } = sizeOf(t.id, t.columns.length)
    return { id: t.id, x: at?.x ?? 0, y: at?.y ?? 0, width, height, ...(at?.pinned ? { pinned: true } : {}) }
  })
  const edges = doc.schema.tables.flatMap((t) => t.foreignKeys.map((fk) => ({ source: t.id as string, target: fk.target.tableId as string })))
  return { nodes, edges }
}

/** The layout with the moved tables at their new places; colours and pins stay. */
export function withPositions(layout: Layout, positions: LayoutAnswer['positions']): Layout {
  let tables: Record<string, TableLayout> | undefined
  for (const [id, p] of Object.entries(positions)) {
    const current = layout.tables[id as TableId]
    if (!current || current.pinned || (current.x === p.x && current.y === p.y)) continue
    tables ??= { ...layout.tables }
    tables[id] = { ...current, x: p.x, y: p.y }
  }
  return tables ? { ...layout, tables: tables as Layout['tables'] } : layout
}
