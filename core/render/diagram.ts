/**
 * The diagram as an SVG tree, drawn from the model and the layout alone (no DOM, no measuring):
 * tables as on the canvas (accent strip, header, one row per column with type and PK/FK/UQ/NN
 * marks), relationships from the foreign-key row to the referenced row with crow's-foot ends,
 * and optionally the marks of a diff, review comment pins and a name and date corner.
 */
import type { ReviewComment } from '../document/comments.ts'
import type { Layout } from '../document/document.ts'
import type { ColumnId, EnumId, TableId } from '../model/ids.ts'
import { displayTableName, findNamespace } from '../model/queries.ts'
import { isUniqueColumnSet, relationshipOf, type ChildEnd, type ParentEnd } from '../model/relationships.ts'
import type { Schema, Table } from '../model/schema.ts'
import { formatColumnType } from '../model/types.ts'
import type { ChangeMark, ChangeMarks } from './change-marks.ts'
import { el, textEl, type SvgElement } from './svg-tree.ts'
import { fitText, textWidth } from './text-metrics.ts'
import { changeLabels, diagramThemes, fontFamilies, type DiagramTheme, type DiagramThemeName } from './themes.ts'

export interface DiagramOptions {
  readonly theme?: DiagramThemeName
  /** Only these tables (and the relationships between them); all when absent. */
  readonly tableIds?: readonly TableId[]
  /** Marks of a diff from `base` to the design; removed tables are drawn from `base`. */
  readonly changes?: { readonly marks: ChangeMarks; readonly base: Schema }
  /** Open comments become pins on their table, column or relationship. */
  readonly comments?: readonly ReviewComment[]
  /** Written in the bottom-right corner. */
  readonly corner?: { readonly name: string; readonly date: string }
  /** CSS put in the file (e.g. `@font-face` rules with embedded fonts, so a PNG draws in Inter). */
  readonly fontCss?: string
  /** Adds `data-*` attributes naming the object under each part, for pointer handling. */
  readonly interactive?: boolean
  /** Prefix of the ids inside the file, so two drawings on one page do not share markers. */
  readonly idPrefix?: string
  /** The `<title>` of the drawing. */
  readonly title?: string
  /**
   * `outline` draws tables as cards with their names only (no column rows): a tenth of the
   * elements, for a view zoomed out so far that rows cannot be read anyway.
   */
  readonly detail?: 'full' | 'outline'
}

export interface Diagram {
  readonly root: SvgElement
  readonly width: number
  readonly height: number
  /** Where each drawn table is, in the drawing's coordinates (for revealing one). */
  readonly boxes: ReadonlyMap<string, Box>
}

export interface Box {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** The canvas node's sizes (web/canvas/metrics.ts), so exports and the editor look alike. */
export const diagramMetrics = {
  minWidth: 220,
  maxWidth: 340,
  accent: 3,
  headerHeight: 40,
  rowHeight: 28,
  padding: 40,
  titleSize: 13,
  rowSize: 12.5,
  typeSize: 11.5,
  typeMax: 140,
  markSize: 9,
  markWidth: 22,
  stub: 28,
} as const

type Mark = 'PK' | 'FK' | 'UQ' | 'NN'

interface Row {
  readonly id: string
  readonly name: string
  readonly type: string
  readonly marks: readonly Mark[]
  readonly change?: ChangeMark
}

interface DrawnTable {
  readonly id: string
  readonly name: string
  readonly namespace?: string
  readonly rows: readonly Row[]
  readonly change?: ChangeMark
  readonly ghost: boolean
  readonly box: Box
  readonly color?: string
  /** Left padding of the rows: wider where rows carry change glyphs. */
  readonly inset: number
}

const m = diagramMetrics

export function renderDiagram(schema: Schema, layout: Layout, options: DiagramOptions = {}): Diagram {
  const theme = diagramThemes[options.theme ?? 'light']
  const prefix = options.idPrefix ?? 'cf'
  const marks = options.changes?.marks
  const only = options.tableIds ? new Set<string>(options.tableIds) : undefined
  const shown = schema.tables.filter((t) => !only || only.has(t.id))

  const drawn: DrawnTable[] = []
  const fallback = fallbackPlacer(layout, shown)
  for (const table of shown) {
    const at = layout.tables[table.id] ?? fallback(table)
    drawn.push(drawTable(schema, table, at, marks, options.changes?.base, false, layout.tables[table.id]?.color))
  }
  // Removed tables have no place in the layout any more: they stand in a column right of the rest.
  if (marks && options.changes && !only) {
    const right = drawn.reduce((x, d) => Math.max(x, d.box.x + d.box.width), 0) + 120
    let y = drawn.reduce((v, d) => Math.min(v, d.box.y), Infinity)
    if (!Number.isFinite(y)) y = 0
    for (const id of marks.removedTables) {
      const table = options.changes.base.tables.find((t) => t.id === id)
      if (!table) continue
      const d = drawTable(options.changes.base, table, { x: right, y }, marks, undefined, true, undefined)
      drawn.push(d)
      y += d.box.height + 40
    }
  }
  const byId = new Map(drawn.map((d) => [d.id, d]))

  const edges: SvgElement[] = []
  const pins: SvgElement[] = []
  const extents: Box[] = drawn.map((d) => d.box)
  const openComments = (options.comments ?? []).filter((c) => !c.resolved)
  const pinCounts = countPins(openComments)
  for (const table of shown) {
    for (const fk of table.foreignKeys) {
      const child = byId.get(table.id)
      const parent = byId.get(fk.target.tableId)
      if (!child || !parent) continue
      const rel = relationshipOf(schema, table, fk)
      const route = routeEdge(child, parent, fk.columns[0], fk.target.columns[0], drawn)
      if (!route) continue
      extents.push(route.extent)
      const change = marks?.constraints.get(fk.id)
      const stroke = change ? theme.change[change].fg : theme.edge
      const colorKey = change ?? 'edge'
      const attrs = options.interactive ? { 'data-fk-id': fk.id, 'data-table-id': table.id } : {}
      const line = el('path', {
        d: route.d,
        fill: 'none',
        stroke,
        'stroke-width': change ? 2 : 1.5,
        'marker-start': `url(#${prefix}-${colorKey}-${rel.childEnd})`,
        'marker-end': `url(#${prefix}-${colorKey}-${rel.parentEnd})`,
      })
      const hit = options.interactive ? [el('path', { d: route.d, fill: 'none', stroke: 'transparent', 'stroke-width': 12 })] : []
      edges.push(el('g', { class: 'cf-svg-edge', ...attrs }, [...hit, line]))
      const n = pinCounts.get(`fk:${fk.id}`)
      if (n) pins.push(pin(theme, route.mid.x, route.mid.y, n, options.interactive ? { 'data-pin': `fk:${fk.id}` } : {}))
    }
  }

  const outline = options.detail === 'outline'
  const nodes = drawn.map((d) => tableElement(d, theme, options.interactive === true, outline))
  for (const d of drawn) {
    if (d.ghost) continue
    const n = pinCounts.get(`table:${d.id}`)
    if (n) pins.push(pin(theme, d.box.x + d.box.width - 2, d.box.y - 2, n, options.interactive ? { 'data-pin': `table:${d.id}` } : {}))
    d.rows.forEach((row, i) => {
      const c = pinCounts.get(`column:${row.id}`)
      if (c) pins.push(pin(theme, d.box.x + d.box.width + 14, rowCenter(d, i), c, options.interactive ? { 'data-pin': `column:${row.id}` } : {}))
    })
    if (n || d.rows.some((r) => pinCounts.has(`column:${r.id}`))) extents.push({ x: d.box.x, y: d.box.y - 14, width: d.box.width + 28, height: d.box.height + 14 })
  }

  // The bounds of everything drawn, then room for the legend above and the corner below.
  let minX = Math.min(...extents.map((b) => b.x))
  let minY = Math.min(...extents.map((b) => b.y))
  let maxX = Math.max(...extents.map((b) => b.x + b.width))
  let maxY = Math.max(...extents.map((b) => b.y + b.height))
  if (extents.length === 0) [minX, minY, maxX, maxY] = [0, 0, 320, 120]
  const legendHeight = marks ? 34 : 0
  const cornerHeight = options.corner ? 30 : 0
  const left = minX - m.padding
  const top = minY - m.padding - legendHeight
  let width = maxX - minX + 2 * m.padding
  const height = maxY - minY + 2 * m.padding + legendHeight + cornerHeight
  const overlays: SvgElement[] = []
  if (marks) {
    const legend = legendElement(theme, left + m.padding, top + m.padding - 4)
    overlays.push(legend.el)
    width = Math.max(width, legend.width + 2 * m.padding)
  }
  if (extents.length === 0)
    overlays.push(textEl('text', { x: left + width / 2, y: top + height / 2, 'text-anchor': 'middle', fill: theme.textMuted, 'font-size': 13 }, 'No tables to draw'))
  if (options.corner) {
    const text = `${options.corner.name} · ${options.corner.date}`
    const w = textWidth(text, 11.5) + 8
    width = Math.max(width, w + 2 * m.padding)
    overlays.push(
      textEl('text', { x: left + width - m.padding / 2, y: top + height - 16, 'text-anchor': 'end', fill: theme.textSubtle, 'font-size': 11.5 }, text),
    )
  }

  width = round(width)
  const boxes = new Map(drawn.map((d) => [d.id, { ...d.box, x: d.box.x - left, y: d.box.y - top }]))
  const children: SvgElement[] = []
  if (options.title !== undefined) children.push(textEl('title', {}, options.title))
  if (options.fontCss) children.push(textEl('style', {}, options.fontCss))
  children.push(markers(theme, prefix))
  children.push(el('rect', { x: 0, y: 0, width, height, fill: theme.canvas }))
  children.push(el('g', { transform: `translate(${round(-left)} ${round(-top)})` }, [el('g', {}, edges), el('g', {}, nodes), el('g', {}, pins), ...overlays]))
  const root = el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: round(width),
      height: round(height),
      viewBox: `0 0 ${round(width)} ${round(height)}`,
      'font-family': fontFamilies.sans,
      'font-size': m.rowSize,
    },
    children,
  )
  return { root, width: round(width), height: round(height), boxes }
}

function round(n: number): number {
  return Math.ceil(n)
}

function drawTable(
  schema: Schema,
  table: Table,
  at: { readonly x: number; readonly y: number },
  marks: ChangeMarks | undefined,
  base: Schema | undefined,
  ghost: boolean,
  color: string | undefined,
): DrawnTable {
  const rows: Row[] = columnRows(schema, table).map((r) => {
    const change = ghost ? 'removed' : marks?.columns.get(r.id)
    return change ? { ...r, change } : r
  })
  // Columns removed from a table that stays are shown struck through at its end.
  if (marks && base && !ghost && marks.removedColumns.length > 0) {
    const before = base.tables.find((t) => t.id === table.id)
    if (before) {
      const gone = new Set(marks.removedColumns)
      for (const r of columnRows(base, before)) if (gone.has(r.id)) rows.push({ ...r, change: 'removed' })
    }
  }
  const change = ghost ? 'removed' : marks?.tables.get(table.id)
  const ns = findNamespace(schema, table.namespaceId)?.name
  const inset = rows.some((r) => r.change) ? 26 : 12
  const namespace = ns === undefined || ns === 'public' ? undefined : ns
  const title = `${namespace ? `${namespace}.` : ''}${table.name}`
  const badge = change ? textWidth(changeLabels[change].word.toUpperCase(), m.markSize, 'sans', true) + 22 : 0
  let content = 12 + textWidth(title, m.titleSize, 'sans', true) + badge + 12
  for (const r of rows) {
    const typeWidth = Math.min(textWidth(r.type, m.typeSize, 'mono'), m.typeMax)
    const marksWidth = r.marks.length * (m.markWidth + 3)
    content = Math.max(content, inset + textWidth(r.name, m.rowSize, 'sans', true) + 12 + typeWidth + 12 + marksWidth + 10)
  }
  const width = Math.round(Math.min(m.maxWidth, Math.max(m.minWidth, content)))
  const height = m.accent + m.headerHeight + m.rowHeight * Math.max(rows.length, 1) + 1
  return {
    id: table.id,
    name: table.name,
    ...(namespace ? { namespace } : {}),
    rows,
    ...(change ? { change } : {}),
    ghost,
    box: { x: at.x, y: at.y, width, height },
    ...(color ? { color } : {}),
    inset,
  }
}

function columnRows(schema: Schema, table: Table): Row[] {
  const enumName = (id: EnumId) => {
    const e = schema.enums.find((x) => x.id === id)
    if (!e) return 'enum'
    const ns = findNamespace(schema, e.namespaceId)?.name
    return ns === undefined || ns === 'public' ? e.name : `${ns}.${e.name}`
  }
  const pk = new Set<ColumnId>(table.primaryKey?.columns ?? [])
  const fk = new Set<ColumnId>(table.foreignKeys.flatMap((f) => f.columns))
  return table.columns.map((col) => {
    const marks: Mark[] = []
    if (pk.has(col.id)) marks.push('PK')
    if (fk.has(col.id)) marks.push('FK')
    if (!pk.has(col.id) && isUniqueColumnSet(table, [col.id])) marks.push('UQ')
    if (!pk.has(col.id) && !col.nullable) marks.push('NN')
    return { id: col.id, name: col.name, type: formatColumnType(col.type, { enumName }), marks }
  })
}

function rowCenter(d: DrawnTable, index: number): number {
  return d.box.y + m.accent + m.headerHeight + m.rowHeight * index + m.rowHeight / 2
}

function tableElement(d: DrawnTable, theme: DiagramTheme, interactive: boolean, outline = false): SvgElement {
  const { x, y, width, height } = d.box
  const change = d.change ? theme.change[d.change] : undefined
  const accent = change?.fg ?? d.color ?? theme.accent
  const parts: SvgElement[] = []
  const clip = `M ${x + 10} ${y} H ${x + width - 10} Q ${x + width} ${y} ${x + width} ${y + 10} V ${y + height - 10} Q ${x + width} ${y + height} ${x + width - 10} ${y + height} H ${x + 10} Q ${x} ${y + height} ${x} ${y + height - 10} V ${y + 10} Q ${x} ${y} ${x + 10} ${y} Z`
  parts.push(el('rect', { x, y: y + 2, width, height, rx: 10, fill: '#000', opacity: 0.05 }))
  parts.push(el('path', { d: clip, fill: theme.surface }))
  // Header band and accent strip, inside the rounded card.
  parts.push(el('path', { d: `M ${x + 1} ${y + 10} Q ${x + 1} ${y + 1} ${x + 10} ${y + 1} H ${x + width - 10} Q ${x + width - 1} ${y + 1} ${x + width - 1} ${y + 10} V ${y + m.accent + m.headerHeight} H ${x + 1} Z`, fill: change?.bg ?? theme.surfaceRaised }))
  parts.push(el('path', { d: `M ${x} ${y + 10} Q ${x} ${y} ${x + 10} ${y} H ${x + width - 10} Q ${x + width} ${y} ${x + width} ${y + 10} V ${y + m.accent} H ${x} Z`, fill: accent }))
  parts.push(el('line', { x1: x, x2: x + width, y1: y + m.accent + m.headerHeight + 0.5, y2: y + m.accent + m.headerHeight + 0.5, stroke: theme.border }))
  // Title, then the change badge at the right of the header.
  const badgeWord = d.change ? changeLabels[d.change].word.toUpperCase() : ''
  const badgeWidth = d.change ? textWidth(badgeWord, m.markSize, 'sans', true) + 12 : 0
  const titleRoom = width - 24 - (badgeWidth ? badgeWidth + 8 : 0)
  const titleY = y + m.accent + m.headerHeight / 2 + 4.5
  const nsText = d.namespace ? `${d.namespace}.` : ''
  const fullTitle = fitText(nsText + d.name, titleRoom, m.titleSize, 'sans', true)
  const titleChildren: SvgElement[] = []
  if (d.namespace && fullTitle.startsWith(nsText)) {
    titleChildren.push(textEl('tspan', { fill: theme.textMuted, 'font-weight': 450 }, nsText))
    titleChildren.push(textEl('tspan', {}, fullTitle.slice(nsText.length)))
  } else titleChildren.push(textEl('tspan', {}, fullTitle))
  parts.push(el('text', { x: x + 12, y: titleY, 'font-size': m.titleSize, 'font-weight': 620, fill: theme.text, 'text-decoration': d.ghost ? 'line-through' : undefined }, titleChildren))
  if (d.change && change) {
    const bx = x + width - 12 - badgeWidth
    parts.push(el('rect', { x: bx, y: titleY - 12, width: badgeWidth, height: 16, rx: 4, fill: theme.surface, stroke: change.fg }))
    parts.push(textEl('text', { x: bx + badgeWidth / 2, y: titleY - 1, 'text-anchor': 'middle', 'font-size': m.markSize, 'font-weight': 700, fill: change.fg, 'letter-spacing': 0.3 }, badgeWord))
  }
  if (outline) {
    // Rows as faint bars where their names would be: the table keeps its shape and size.
    const top = y + m.accent + m.headerHeight
    const bars = d.rows.map((r, i) => `M ${x + d.inset} ${top + m.rowHeight * i + m.rowHeight / 2} h ${Math.min(width * 0.5, 8 + r.name.length * 6)}`).join(' ')
    if (bars) parts.push(el('path', { d: bars, stroke: theme.border, 'stroke-width': 8, 'stroke-linecap': 'round' }))
  } else d.rows.forEach((row, i) => parts.push(rowElement(d, row, i, theme, interactive)))
  if (d.rows.length === 0)
    parts.push(textEl('text', { x: x + 12, y: rowCenter(d, 0) + 4, fill: theme.textSubtle, 'font-style': 'italic' }, 'No columns'))
  // The border last, over the bands.
  parts.push(
    el('path', {
      d: clip,
      fill: 'none',
      stroke: change?.fg ?? theme.borderStrong,
      'stroke-width': change ? 1.5 : 1,
      'stroke-dasharray': d.ghost ? '6 4' : undefined,
    }),
  )
  const attrs = interactive ? { 'data-table-id': d.id, class: 'cf-svg-table' } : {}
  return el('g', { ...attrs, opacity: d.ghost ? 0.8 : undefined }, parts)
}

function rowElement(d: DrawnTable, row: Row, i: number, theme: DiagramTheme, interactive: boolean): SvgElement {
  const { x, width } = d.box
  const top = d.box.y + m.accent + m.headerHeight + m.rowHeight * i
  const cy = top + m.rowHeight / 2
  const parts: SvgElement[] = []
  const change = row.change ? theme.change[row.change] : undefined
  const last = i === d.rows.length - 1
  if (change && !d.ghost) parts.push(el('rect', { x: x + 1, y: top + 1, width: width - 2, height: m.rowHeight - (last ? 3 : 1), fill: change.bg }))
  if (interactive && !change) parts.push(el('rect', { x: x + 1, y: top, width: width - 2, height: m.rowHeight, fill: 'transparent' }))
  if (i > 0) parts.push(el('line', { x1: x + 1, x2: x + width - 1, y1: top + 0.5, y2: top + 0.5, stroke: theme.rowDivider }))
  if (row.change && change) parts.push(textEl('text', { x: x + 13, y: cy + 4.5, 'text-anchor': 'middle', 'font-size': 13, 'font-weight': 700, fill: change.fg }, changeLabels[row.change].glyph))
  const marksWidth = row.marks.length * (m.markWidth + 3)
  const typeText = fitText(row.type, m.typeMax, m.typeSize, 'mono')
  const typeWidth = textWidth(typeText, m.typeSize, 'mono')
  const typeRight = x + width - 10 - marksWidth - (marksWidth ? 9 : 0)
  const nameRoom = typeRight - typeWidth - 12 - (x + d.inset)
  const primary = row.marks.includes('PK')
  parts.push(
    textEl(
      'text',
      {
        x: x + d.inset,
        y: cy + 4.3,
        fill: theme.text,
        'font-weight': primary ? 600 : undefined,
        'text-decoration': row.change === 'removed' ? 'line-through' : undefined,
      },
      fitText(row.name, nameRoom, m.rowSize, 'sans', primary),
    ),
  )
  parts.push(textEl('text', { x: typeRight, y: cy + 4, 'text-anchor': 'end', 'font-family': fontFamilies.mono, 'font-size': m.typeSize, fill: theme.textMuted }, typeText))
  row.marks.forEach((mark, k) => {
    const mx = x + width - 10 - marksWidth + k * (m.markWidth + 3) + 3
    const colors = theme.marks[mark]
    parts.push(el('rect', { x: mx, y: cy - 8, width: m.markWidth, height: 16, rx: 4, fill: colors.bg }))
    parts.push(textEl('text', { x: mx + m.markWidth / 2, y: cy + 3.3, 'text-anchor': 'middle', 'font-size': m.markSize, 'font-weight': 650, fill: colors.fg, 'letter-spacing': 0.2 }, mark))
  })
  const attrs = interactive ? { 'data-column-id': row.id, 'data-table-id': d.id, class: 'cf-svg-row' } : {}
  return el('g', attrs, parts)
}

interface Route {
  readonly d: string
  readonly mid: { readonly x: number; readonly y: number }
  readonly extent: Box
}

function routeEdge(child: DrawnTable, parent: DrawnTable, from: string | undefined, to: string | undefined, all: readonly DrawnTable[]): Route | undefined {
  if (from === undefined || to === undefined) return undefined
  const fi = child.rows.findIndex((r) => r.id === from)
  const ti = parent.rows.findIndex((r) => r.id === to)
  if (fi < 0 || ti < 0) return undefined
  const sy = rowCenter(child, fi)
  const ty = rowCenter(parent, ti)
  const self = child.id === parent.id
  const stacked = Math.abs(child.box.x - parent.box.x) < m.minWidth / 2
  if (self || stacked) {
    // Both ends on the right, joined by a loop out beyond the wider table.
    const sx = child.box.x + child.box.width
    const tx = parent.box.x + parent.box.width
    const lx = Math.max(sx, tx) + m.stub + 12
    const pts = [{ x: sx, y: sy }, { x: lx, y: sy }, { x: lx, y: ty }, { x: tx, y: ty }]
    return { d: rounded(pts), mid: { x: lx, y: (sy + ty) / 2 }, extent: bounds(pts) }
  }
  const childLeft = child.box.x > parent.box.x
  const sx = childLeft ? child.box.x : child.box.x + child.box.width
  const tx = childLeft ? parent.box.x + parent.box.width : parent.box.x
  const dir = tx > sx ? 1 : -1
  const s = { x: sx, y: sy }
  const t = { x: tx, y: ty }
  // Tables standing between the two ends: a straight bend in the middle would run under them.
  const near = { s: sx + dir * (m.stub + 12), t: tx - dir * (m.stub + 12) }
  const [lo, hi] = near.s < near.t ? [near.s, near.t] : [near.t, near.s]
  // Only tables near the line's height matter: a detour never goes further than a table or two,
  // and looking at every table of a 1,000-table grid for every line is quadratic.
  const top = Math.min(sy, ty) - 900
  const bottom = Math.max(sy, ty) + 900
  const between = all
    .filter((d) => d.id !== child.id && d.id !== parent.id && d.box.x < hi && d.box.x + d.box.width > lo && d.box.y < bottom && d.box.y + d.box.height > top)
    .map((d) => d.box)
  if (between.length > 0) {
    const clearance = 10
    const free = (y: number) => between.every((b) => y < b.y - clearance || y > b.y + b.height + clearance)
    const pts = free(ty)
      ? [s, { x: near.s, y: sy }, { x: near.s, y: ty }, t]
      : free(sy)
        ? [s, { x: near.t, y: sy }, { x: near.t, y: ty }, t]
        : (() => {
            const detour = (y: number) => Math.abs(y - sy) + Math.abs(y - ty)
            // Nearest candidate first, checked lazily: on a big grid most lines find one at once.
            const band = between
              .flatMap((b) => [b.y - clearance * 2, b.y + b.height + clearance * 2])
              .sort((a, b) => detour(a) - detour(b))
              .slice(0, 16)
              .find(free)
            return band === undefined
              ? [s, { x: near.s, y: sy }, { x: near.s, y: ty }, t]
              : [s, { x: near.s, y: sy }, { x: near.s, y: band }, { x: near.t, y: band }, { x: near.t, y: ty }, t]
          })()
    const a = pts[Math.floor((pts.length - 1) / 2)]!
    const b = pts[Math.floor((pts.length - 1) / 2) + 1]!
    return { d: rounded(pts), mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, extent: bounds(pts) }
  }
  // The bend stays at least a crow's foot away from either table.
  let mx = (sx + tx) / 2
  if (Math.abs(tx - sx) < 2 * m.stub) mx = sx + dir * m.stub
  const pts = [s, { x: mx, y: sy }, { x: mx, y: ty }, t]
  return { d: rounded(pts), mid: { x: mx, y: (sy + ty) / 2 }, extent: bounds(pts) }
}

function bounds(pts: readonly { x: number; y: number }[]): Box {
  const xs = pts.map((p) => p.x)
  const ys = pts.map((p) => p.y)
  const x = Math.min(...xs)
  const y = Math.min(...ys)
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y }
}

/** An orthogonal polyline with rounded corners (never rounder than half a segment). */
function rounded(pts: readonly { x: number; y: number }[], radius = 10): string {
  let d = `M ${pts[0]!.x} ${pts[0]!.y}`
  for (let i = 1; i < pts.length; i++) {
    const c = pts[i]!
    const next = pts[i + 1]
    if (!next) {
      d += ` L ${c.x} ${c.y}`
      break
    }
    const prev = pts[i - 1]!
    const len = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.abs(a.x - b.x) + Math.abs(a.y - b.y)
    const r = Math.min(radius, len(prev, c) / 2, len(c, next) / 2)
    const toward = (to: { x: number; y: number }) => ({ x: c.x + Math.sign(to.x - c.x) * r, y: c.y + Math.sign(to.y - c.y) * r })
    const a = toward(prev)
    const b = toward(next)
    d += ` L ${a.x} ${a.y} Q ${c.x} ${c.y} ${b.x} ${b.y}`
  }
  return d
}

const endKinds: readonly (ParentEnd | ChildEnd)[] = ['exactly-one', 'zero-or-one', 'zero-or-many']

/** The crow's-foot ends, drawn as on the canvas (entity at x = 24), once per line colour. */
function markers(theme: DiagramTheme, prefix: string): SvgElement {
  const colors: Array<[string, string]> = [['edge', theme.edge], ...(Object.entries(theme.change).map(([k, v]) => [k, v.fg]) as Array<[string, string]>)]
  const list: SvgElement[] = []
  for (const [key, color] of colors) {
    for (const end of endKinds) {
      const glyph =
        end === 'exactly-one'
          ? [el('path', { d: 'M12 5v14M17 5v14' })]
          : end === 'zero-or-one'
            ? [el('path', { d: 'M17 5v14' }), el('circle', { cx: 7.5, cy: 12, r: 3.5, fill: theme.canvas })]
            : [el('path', { d: 'M13 12 24 4.5M13 12 24 19.5' }), el('circle', { cx: 7.5, cy: 12, r: 3.5, fill: theme.canvas })]
      list.push(
        el(
          'marker',
          {
            id: `${prefix}-${key}-${end}`,
            viewBox: '0 0 24 24',
            refX: 24,
            refY: 12,
            markerWidth: 24,
            markerHeight: 24,
            markerUnits: 'userSpaceOnUse',
            orient: 'auto-start-reverse',
            overflow: 'visible',
          },
          [el('g', { fill: 'none', stroke: color, 'stroke-width': 1.5 }, glyph)],
        ),
      )
    }
  }
  return el('defs', {}, list)
}

function countPins(comments: readonly ReviewComment[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const c of comments) {
    const key = c.target.kind === 'table' ? `table:${c.target.tableId}` : c.target.kind === 'column' ? `column:${c.target.columnId}` : `fk:${c.target.foreignKeyId}`
    out.set(key, (out.get(key) ?? 0) + 1)
  }
  return out
}

function pin(theme: DiagramTheme, cx: number, cy: number, count: number, attrs: SvgElement['attrs']): SvgElement {
  const label = count > 99 ? '99+' : String(count)
  return el('g', { ...attrs, class: 'cf-svg-pin' }, [
    el('circle', { cx, cy, r: 10, fill: theme.pin, stroke: theme.surface, 'stroke-width': 2 }),
    textEl('text', { x: cx, y: cy + 3.6, 'text-anchor': 'middle', 'font-size': 10, 'font-weight': 700, fill: theme.pinText }, label),
  ])
}

function legendElement(theme: DiagramTheme, x: number, y: number): { el: SvgElement; width: number } {
  const parts: SvgElement[] = []
  let at = x
  for (const key of ['added', 'removed', 'changed', 'renamed'] as const) {
    const c = theme.change[key]
    const { word, glyph } = changeLabels[key]
    parts.push(el('rect', { x: at, y: y - 12, width: 16, height: 16, rx: 4, fill: c.bg, stroke: c.fg }))
    parts.push(textEl('text', { x: at + 8, y: y + 0.5, 'text-anchor': 'middle', 'font-size': 12, 'font-weight': 700, fill: c.fg }, glyph))
    parts.push(textEl('text', { x: at + 22, y, 'font-size': 12, fill: theme.textMuted }, word))
    at += 22 + textWidth(word, 12) + 18
  }
  return { el: el('g', { class: 'cf-svg-legend' }, parts), width: at - x }
}

/** Tables without a position go in a grid below the placed ones, in schema order. */
function fallbackPlacer(layout: Layout, tables: readonly Table[]): (t: Table) => { x: number; y: number } {
  let i = 0
  const placed = tables.map((t) => layout.tables[t.id]).filter((p) => p !== undefined)
  const baseY = placed.length ? Math.max(...placed.map((p) => p.y)) + 400 : 0
  const baseX = placed.length ? Math.min(...placed.map((p) => p.x)) : 0
  const perRow = Math.max(1, Math.ceil(Math.sqrt(tables.length)))
  return () => {
    const col = i % perRow
    const row = Math.floor(i / perRow)
    i++
    return { x: baseX + col * (m.maxWidth + 120), y: baseY + row * 420 }
  }
}

/** The table names a reader sees, in drawing order: handy for alt text and tests. */
export function drawnTableNames(schema: Schema, tableIds?: readonly TableId[]): string[] {
  const only = tableIds ? new Set<string>(tableIds) : undefined
  return schema.tables.filter((t) => !only || only.has(t.id)).map((t) => displayTableName(schema, t))
}
