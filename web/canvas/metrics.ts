/**
 * Table node geometry. The CSS uses these sizes too (as custom properties set on the canvas),
 * because the first layout runs before React Flow has measured a single node: estimates that
 * match the drawing keep the initial grid tidy.
 */
export const tableMetrics = {
  /** Nodes size to their content between these widths. */
  minWidth: 220,
  maxWidth: 340,
  headerHeight: 40,
  rowHeight: 28,
  /** The top accent strip and the borders. */
  chrome: 4,
} as const

export function estimateTableHeight(columnCount: number): number {
  return tableMetrics.headerHeight + tableMetrics.rowHeight * Math.max(columnCount, 1) + tableMetrics.chrome
}

/**
 * How much of a table the canvas draws at a zoom level. Far out, column rows are unreadable specks
 * that cost about 20 DOM elements each: the keys (how tables join) stay until the names alone are
 * all one can read.
 */
export type TableDetail = 'full' | 'keys' | 'name'

export const detailZoom = { full: 0.5, keys: 0.25 } as const

export function detailForZoom(zoom: number): TableDetail {
  return zoom >= detailZoom.full ? 'full' : zoom >= detailZoom.keys ? 'keys' : 'name'
}
