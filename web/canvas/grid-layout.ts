/**
 * A first position for tables that have none (an imported or example design), so that a document
 * opens readable before anyone runs auto layout. Referenced tables stand left of the tables that
 * reference them: one grid column per foreign-key depth, wrapped when a column grows too tall.
 * ELK's layered layout (in a worker) replaces this when the user asks for auto layout.
 */
import type { Layout, Schema, Table, TableId, TableLayout } from '@core'
import { estimateTableHeight, tableMetrics } from './metrics.ts'

export const gridSpacing = {
  /** Wide enough for the widest node plus room for crow's feet and edge bends between columns. */
  column: tableMetrics.maxWidth + 120,
  row: 56,
  /** Columns never wrap below this height, so small designs keep one column per depth. */
  minColumnHeight: 1000,
  /** Wrapping aims at a landscape drawing, like the screen it is shown on. */
  aspect: 1.6,
  /** Below this width the columns stay in one band, so small designs read left to right. */
  minBandWidth: 8 * (tableMetrics.maxWidth + 120),
  /** Between one band of columns and the next. */
  band: 160,
} as const

/** Returns `layout` with a position for every table; tables already placed keep theirs. */
export function placeTables(schema: Schema, layout: Layout): Layout {
  const missing = schema.tables.filter((t) => layout.tables[t.id] === undefined)
  if (missing.length === 0) return layout
  const placed = Object.values(layout.tables) as TableLayout[]
  // Newcomers go below what is already drawn, never on top of it.
  const origin =
    placed.length === 0
      ? { x: 0, y: 0 }
      : {
          x: Math.min(...placed.map((p) => p.x)),
          y: Math.max(...schema.tables.map((t) => bottomOf(t, layout))) + gridSpacing.row * 2,
        }
  return { ...layout, tables: { ...layout.tables, ...rankedGrid(missing, origin) } }
}

function bottomOf(table: Table, layout: Layout): number {
  const at = layout.tables[table.id]
  return at === undefined ? -Infinity : at.y + estimateTableHeight(table.columns.length)
}

function rankedGrid(tables: readonly Table[], origin: { x: number; y: number }): Record<TableId, TableLayout> {
  const depth = foreignKeyDepth(tables)
  const ranks: Table[][] = []
  for (const t of tables) (ranks[depth.get(t.id) ?? 0] ??= []).push(t)

  // Columns wrap at about a screen's height; bands of columns (below) give the drawing its shape.
  const maxHeight = Math.max(gridSpacing.minColumnHeight, ...tables.map((t) => estimateTableHeight(t.columns.length)))

  // First the columns (a rank, wrapped when too tall), each with its tables' offsets from its top.
  const columns: { readonly cells: { readonly table: Table; readonly y: number }[]; height: number }[] = []
  const order = new Map<TableId, number>()
  for (const rank of ranks) {
    if (!rank) continue
    let current: (typeof columns)[number] | undefined
    for (const table of sortByParents(rank, order)) {
      const h = estimateTableHeight(table.columns.length)
      if (!current || (current.height > 0 && current.height + h > maxHeight)) columns.push((current = { cells: [], height: 0 }))
      current.cells.push({ table, y: current.height })
      order.set(table.id, order.size)
      current.height += h + gridSpacing.row
    }
  }
  // Long foreign-key chains give hundreds of short columns: a single row of them would be a strip
  // no zoom can show. Columns wrap into bands, still in depth order left to right.
  // A band is about as tall as its tallest column: that, not the tables' own area, sets the shape.
  const tallest = Math.max(0, ...columns.map((c) => c.height)) + gridSpacing.band
  const bandWidth = Math.max(gridSpacing.minBandWidth, Math.sqrt(columns.length * gridSpacing.column * tallest * gridSpacing.aspect))
  const out: Record<TableId, TableLayout> = {}
  let x = 0
  let bandTop = 0
  let bandHeight = 0
  for (const column of columns) {
    if (x > 0 && x + gridSpacing.column > bandWidth) {
      bandTop += bandHeight + gridSpacing.band
      bandHeight = 0
      x = 0
    }
    for (const cell of column.cells) out[cell.table.id] = { x: origin.x + x, y: origin.y + bandTop + cell.y }
    bandHeight = Math.max(bandHeight, column.height)
    x += gridSpacing.column
  }
  return out
}

/**
 * Longest chain of foreign keys from each table to a table that references nothing.
 * Self-references and cycles do not add depth (a cycle would otherwise never end).
 */
export function foreignKeyDepth(tables: readonly Table[]): Map<TableId, number> {
  const byId = new Map(tables.map((t) => [t.id, t]))
  const depth = new Map<TableId, number>()
  const onPath = new Set<TableId>()
  const visit = (table: Table): number => {
    const known = depth.get(table.id)
    if (known !== undefined) return known
    onPath.add(table.id)
    let d = 0
    for (const fk of table.foreignKeys) {
      const parent = byId.get(fk.target.tableId)
      if (!parent || parent === table || onPath.has(parent.id)) continue
      d = Math.max(d, visit(parent) + 1)
    }
    onPath.delete(table.id)
    depth.set(table.id, d)
    return d
  }
  for (const t of tables) visit(t)
  return depth
}

/** Children sit level with their parents (one barycentre sweep), which shortens edges. */
function sortByParents(rank: readonly Table[], order: ReadonlyMap<TableId, number>): Table[] {
  const weight = (t: Table) => {
    const seen = t.foreignKeys.map((fk) => order.get(fk.target.tableId)).filter((n) => n !== undefined)
    return seen.length === 0 ? Infinity : seen.reduce((a, b) => a + b, 0) / seen.length
  }
  const weights = new Map(rank.map((t) => [t.id, weight(t)]))
  // Compared, not subtracted: Infinity - Infinity is NaN, which breaks a sort.
  return [...rank].sort((a, b) => {
    const wa = weights.get(a.id) ?? Infinity
    const wb = weights.get(b.id) ?? Infinity
    return wa === wb ? 0 : wa < wb ? -1 : 1
  })
}
