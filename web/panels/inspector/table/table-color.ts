/**
 * Table colours. A colour is layout, not schema (design.md, principle 3): it lives in
 * `document.layout.tables[id].color`, so rules, exporters and diffs never see it.
 */
import type { CrowsfootDocument, TableId } from '@core'

/** Mid-tone hues that read on both the light and the dark canvas. */
export const tableSwatches: readonly { readonly name: string; readonly value: string }[] = [
  { name: 'Blue', value: '#3b82f6' },
  { name: 'Violet', value: '#8b5cf6' },
  { name: 'Pink', value: '#ec4899' },
  { name: 'Red', value: '#ef4444' },
  { name: 'Orange', value: '#f97316' },
  { name: 'Amber', value: '#f59e0b' },
  { name: 'Green', value: '#22c55e' },
  { name: 'Teal', value: '#14b8a6' },
  { name: 'Slate', value: '#64748b' },
]

/** `#abc` or `#aabbcc` (any case), normalised to lower-case `#aabbcc`; undefined if it is neither. */
export function normalizeHexColor(text: string): string | undefined {
  const t = text.trim().toLowerCase()
  const short = /^#?([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(t)
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`
  const long = /^#?([0-9a-f]{6})$/.exec(t)
  return long ? `#${long[1]}` : undefined
}

/**
 * The document with these tables in `color` (undefined: the default colour). Tables without a
 * layout entry are left alone: every table the store holds has a position, so none is skipped in
 * practice, and inventing a position here would fight the grid placement.
 */
export function withTableColor(doc: CrowsfootDocument, tableIds: readonly TableId[], color: string | undefined): CrowsfootDocument {
  let tables: Record<TableId, CrowsfootDocument['layout']['tables'][TableId]> | undefined
  for (const id of tableIds) {
    const at = doc.layout.tables[id]
    if (!at || at.color === color) continue
    tables ??= { ...doc.layout.tables }
    if (color === undefined) {
      const { color: _dropped, ...rest } = at
      tables[id] = rest
    } else tables[id] = { ...at, color }
  }
  return tables ? { ...doc, layout: { ...doc.layout, tables } } : doc
}

/** The one colour all these tables share, '' when they share none, undefined when none is set. */
export function sharedTableColor(doc: CrowsfootDocument, tableIds: readonly TableId[]): string | undefined | '' {
  const colors = new Set(tableIds.map((id) => doc.layout.tables[id]?.color))
  if (colors.size !== 1) return ''
  return [...colors][0]
}
