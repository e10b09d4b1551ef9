/**
 * The Markdown proof: a CommonMark + GFM parser (marked) reads the dictionary back, and every
 * table, column, comment and enum value shows as exactly its text: no cell split by a pipe, no
 * name turned into emphasis, HTML, a link or a list.
 */
import { marked, type Token, type Tokens } from 'marked'
import { expect } from 'vitest'
import { displayTableName, indexSchema } from '../../model/queries.ts'
import type { Schema } from '../../model/schema.ts'

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' }
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e.startsWith('#x') || e.startsWith('#X') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (named[e] ?? m),
  )

/** What a reader sees; any markup user text should not have produced shows as `<<kind>>`. */
export function shownText(tokens: readonly Token[]): string {
  return tokens
    .map((t): string => {
      switch (t.type) {
        case 'text':
          return 'tokens' in t && t.tokens ? shownText(t.tokens) : decode(t.text)
        case 'escape':
        case 'codespan':
          return decode(t.text)
        case 'strong':
        case 'link':
          return shownText((t as Tokens.Strong | Tokens.Link).tokens)
        case 'br':
          return '\n'
        case 'html':
          return t.text === '<br>' ? '\n' : /^<\/?code>$/.test(t.text) ? '' : `<<html ${t.text}>>`
        default:
          return `<<${t.type}>>`
      }
    })
    .join('')
}

const cell = (c: Tokens.TableCell) => shownText(c.tokens)
/** Text as it shows: each line break (`\r\n`, `\r` or `\n`) is one `<br>`. */
const lines = (s: string) => s.replace(/\r\n|\r/g, '\n')

export function expectReadableDictionary(schema: Schema, markdown: string): void {
  const tokens = marked.lexer(markdown, { gfm: true })
  const idx = indexSchema(schema)
  const tables = tokens.filter((t): t is Tokens.Table => t.type === 'table')
  const overview = tables.find((t) => t.header.map(cell).join('|') === 'Table|Purpose|Columns')!
  // Row by row: a diff of a whole 1,000-row table takes the reporter minutes.
  expect(overview.rows.length).toBe(schema.tables.length)
  schema.tables.forEach((t, n) => expect(overview.rows[n]!.map(cell)).toEqual([lines(displayTableName(schema, t)), lines(t.comment ?? ''), String(t.columns.length)]))
  if (schema.enums.length) {
    const enums = tables.find((t) => t.header.map(cell).join('|') === 'Enum|Values|Description')!
    expect(enums.rows.map((r) => r.slice(1).map(cell))).toEqual(schema.enums.map((e) => [lines(e.values.map((v) => v.name).join(', ')), lines(e.comment ?? '')]))
  }
  // Each table's section: its heading, its comment, then its columns table.
  let i = 0
  for (const t of schema.tables) {
    while (i < tokens.length && !(tokens[i]!.type === 'heading' && (tokens[i] as Tokens.Heading).depth === 2 && shownText((tokens[i] as Tokens.Heading).tokens).startsWith('Entity: '))) i++
    const heading = tokens[i] as Tokens.Heading
    expect(shownText(heading.tokens)).toBe(`Entity: ${lines(displayTableName(schema, t))}`)
    if (t.comment) expect(shownText((tokens[i + 1] as Tokens.Paragraph).tokens)).toBe(lines(t.comment))
    const columns = tokens.slice(i).find((x): x is Tokens.Table => x.type === 'table')!
    expect(columns.rows.map((r) => [r.length, cell(r[0]!), cell(r[5]!)])).toEqual(t.columns.map((c) => [6, lines(c.name), lines(c.comment ?? '')]))
    const list = tokens.slice(i + 1).find((x) => x.type === 'list' || (x.type === 'heading' && (x as Tokens.Heading).depth === 2))
    const related = t.foreignKeys.filter((f) => idx.tables.has(f.target.tableId)).length + (idx.referencedBy.get(t.id)?.length ?? 0)
    expect(list?.type === 'list' ? (list as Tokens.List).items.length : 0).toBe(related)
    i++
  }
  expect(unexpectedMarkup(tokens)).toEqual([])
}

const allowed = new Set(['heading', 'paragraph', 'table', 'list', 'list_item', 'text', 'escape', 'codespan', 'strong', 'link', 'space', 'code', 'html', 'br'])

/** Token kinds or HTML that only user text could have produced (we write none of them). */
function unexpectedMarkup(tokens: readonly Token[]): string[] {
  const out: string[] = []
  const walk = (t: Token) => {
    if (!allowed.has(t.type) || (t.type === 'html' && !/^(<br>|<\/?code>)$/.test(t.text))) out.push(`${t.type}: ${t.raw}`)
    const nested = t as { tokens?: Token[]; items?: Token[]; header?: Tokens.TableCell[]; rows?: Tokens.TableCell[][] }
    for (const c of [...(nested.tokens ?? []), ...(nested.items ?? []), ...(nested.header ?? []).flatMap((h) => h.tokens), ...(nested.rows ?? []).flat().flatMap((c) => c.tokens)])
      walk(c)
  }
  tokens.forEach(walk)
  return out
}
