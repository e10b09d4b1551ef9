/**
 * What the command palette offers for a query: commands (by label and keywords) and tables (by
 * name), ranked so that a prefix beats a word start, which beats a match anywhere.
 */
import type { Schema, TableId } from '@core'
import { displayTableName } from '@core'
import type { Command } from '../../commands/types.ts'

export type PaletteItem =
  | { readonly kind: 'command'; readonly command: Command; readonly score: number }
  | { readonly kind: 'table'; readonly tableId: TableId; readonly name: string; readonly score: number }

/** Lower is better; undefined means no match. */
export function matchScore(text: string, query: string): number | undefined {
  const t = text.toLowerCase()
  const q = query.toLowerCase()
  if (q === '') return 0
  if (t === q) return 0
  if (t.startsWith(q)) return 1
  const i = t.indexOf(q)
  if (i > 0 && /[\s._\-/]/.test(t[i - 1]!)) return 2
  if (i >= 0) return 3
  // Letters in order ("adtb" finds "add table"), the loosest match.
  let at = 0
  for (const ch of q) {
    at = t.indexOf(ch, at)
    if (at < 0) return undefined
    at++
  }
  return 6
}

export function paletteItems(commands: readonly Command[], schema: Schema, query: string, limit = 60): PaletteItem[] {
  const items: PaletteItem[] = []
  for (const command of commands) {
    const scores = [matchScore(command.label, query), ...(command.keywords ?? []).map((k) => {
      const s = matchScore(k, query)
      return s === undefined ? undefined : s + 1
    })].filter((s): s is number => s !== undefined)
    if (scores.length > 0) items.push({ kind: 'command', command, score: Math.min(...scores) })
  }
  // With no query, the palette is a command list; tables appear once the user types.
  if (query.trim() !== '') {
    for (const table of schema.tables) {
      const name = displayTableName(schema, table)
      const s = Math.min(matchScore(name, query) ?? Infinity, matchScore(table.name, query) ?? Infinity)
      if (s !== Infinity) items.push({ kind: 'table', tableId: table.id, name, score: s + 0.5 })
    }
  }
  return items
    .sort((a, b) => a.score - b.score || labelOf(a).localeCompare(labelOf(b)))
    .slice(0, limit)
}

function labelOf(item: PaletteItem): string {
  return item.kind === 'command' ? item.command.label : item.name
}
