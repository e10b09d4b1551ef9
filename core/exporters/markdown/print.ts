/**
 * Markdown as data, and its printer. Mappers build blocks of inlines; only this file turns user
 * text into Markdown, through `inline`, so that names and comments render as text on GitHub
 * (CommonMark + GFM tables, strikethrough, `$` math) whatever characters they hold.
 */
import { assertNever } from '../../errors.ts'
import { render, sections } from '../print/lines.ts'

export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'strong'; readonly text: string }
  /** A link to the heading whose `anchor` key is `target`. */
  | { readonly kind: 'link'; readonly target: string; readonly content: readonly Inline[] }

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly content: readonly Inline[]; readonly anchor?: string }
  | { readonly kind: 'paragraph'; readonly content: readonly Inline[] }
  | { readonly kind: 'list'; readonly items: ReadonlyArray<readonly Inline[]> }
  | { readonly kind: 'table'; readonly header: readonly string[]; readonly rows: ReadonlyArray<ReadonlyArray<readonly Inline[]>> }
  | { readonly kind: 'fence'; readonly language: string; readonly text: string }

export const text = (t: string): Inline => ({ kind: 'text', text: t })
export const code = (t: string): Inline => ({ kind: 'code', text: t })
export const strong = (t: string): Inline => ({ kind: 'strong', text: t })

/** Inline punctuation CommonMark or GFM would act on; escaping any ASCII punctuation is allowed. */
const special = /[\\`*_[\]<>|~&#$!]/g
const newline = /\r\n|\r|\n/g
/** The same characters, tested once: most names and comments need no escaping at all. */
const needsEscape = /[\\`*_[\]<>|~&#$!\r\n]/

/** User text as Markdown that renders as exactly that text, on one line: punctuation escaped, breaks as `<br>`. */
function escapeText(t: string): string {
  return needsEscape.test(t) ? t.replace(special, '\\$&').replace(newline, '<br>') : t
}

/**
 * A rendered line or cell whose content starts or ends with whitespace (from a name or comment)
 * keeps it as character references: Markdown would strip it, or read four spaces as code.
 */
function keepEdges(line: string): string {
  const first = line.charCodeAt(0)
  const last = line.charCodeAt(line.length - 1)
  if (first !== 32 && first !== 9 && last !== 32 && last !== 9) return line
  return line.replace(/^[ \t]+|[ \t]+$/g, (ws) => [...ws].map((c) => `&#${c.charCodeAt(0)};`).join(''))
}

/** Characters a `<code>` element must not show raw: HTML, Markdown punctuation, line breaks. */
const codeEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }
function htmlCode(t: string): string {
  const body = t.replace(/[&<>\\`*_[\]|~$#!]/g, (c) => codeEntities[c] ?? `&#${c.charCodeAt(0)};`).replace(newline, '<br>')
  return `<code>${body}</code>`
}

/**
 * A code span when the text survives one unchanged: no backtick, no line break, no pipe inside a
 * table cell (GFM splits cells before it reads spans), and no space at both ends (stripped).
 * Anything else becomes a `<code>` element with character references.
 */
function codeSpan(t: string, inCell: boolean): string {
  const plain = !/[`\r\n]/.test(t) && !(inCell && t.includes('|')) && !(t.startsWith(' ') && t.endsWith(' ')) && t.trim() !== ''
  return plain ? `\`${t}\`` : htmlCode(t)
}

function inline(i: Inline, ctx: { inCell: boolean; slugs: SlugLookup }): string {
  switch (i.kind) {
    case 'text':
      return escapeText(i.text)
    case 'code':
      return codeSpan(i.text, ctx.inCell)
    case 'strong':
      return `**${escapeText(i.text)}**`
    case 'link': {
      const slug = ctx.slugs.get(i.target)
      const content = inlines(i.content, ctx)
      return slug === undefined ? content : `[${content}](#${slug})`
    }
    default:
      return assertNever(i, 'Markdown inline')
  }
}

function inlines(list: readonly Inline[], ctx: { inCell: boolean; slugs: SlugLookup }): string {
  // Most cells hold one inline or none; joining an array for them is most of a big document's cost.
  if (list.length < 2) return list.length ? inline(list[0]!, ctx) : ''
  let out = ''
  for (const i of list) out += inline(i, ctx)
  return out
}

/** The text a heading shows, which is what GitHub derives its anchor from. */
function plain(list: readonly Inline[]): string {
  return list.map((i) => (i.kind === 'link' ? plain(i.content) : i.text)).join('')
}

/** Where links find their anchors (a Map, or a recorder of what a part looked up). */
type SlugLookup = { get(key: string): string | undefined }

/** A heading's anchor before numbering; blocks are kept per table, so most are seen before. */
const slugBases = new WeakMap<Block, string>()

/**
 * GitHub's heading anchors (github-slugger): lower case, punctuation and symbols dropped, spaces
 * to hyphens, and a repeated anchor numbered `-1`, `-2` in document order.
 */
function headingSlugs(blocks: readonly Block[]): Map<string, string> {
  const out = new Map<string, string>()
  const occurrences = new Map<string, number>()
  for (const b of blocks) {
    if (b.kind !== 'heading') continue
    let base = slugBases.get(b)
    if (base === undefined) slugBases.set(b, (base = plain(b.content).toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-')))
    let slug = base
    while (occurrences.has(slug)) {
      const n = occurrences.get(base)! + 1
      occurrences.set(base, n)
      slug = `${base}-${n}`
    }
    occurrences.set(slug, 0)
    if (b.anchor !== undefined) out.set(b.anchor, slug)
  }
  return out
}

/** A line of user text must not open a block: `- x` would be a list, `1. x` a numbered one. */
function inert(line: string): string {
  return line.replace(/^([-+])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2')
}

function printBlock(b: Block, slugs: SlugLookup): string[] {
  const ctx = { inCell: false, slugs }
  switch (b.kind) {
    case 'heading':
      return [`${'#'.repeat(b.level)} ${keepEdges(inlines(b.content, ctx))}`]
    case 'paragraph':
      return [inert(keepEdges(inlines(b.content, ctx)))]
    case 'list':
      return b.items.map((item) => `- ${inert(keepEdges(inlines(item, ctx)))}`)
    case 'table': {
      const cell = { inCell: true, slugs }
      const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`
      return [
        row(b.header.map(escapeText)),
        row(b.header.map(() => '---')),
        ...b.rows.map((r) => row(r.map((c) => keepEdges(inlines(c, cell))))),
      ]
    }
    case 'fence': {
      const longest = Math.max(0, ...[...b.text.matchAll(/`+/g)].map((m) => m[0].length))
      const fence = '`'.repeat(Math.max(3, longest + 1))
      return [fence + b.language, ...b.text.replace(/\n$/, '').split('\n'), fence]
    }
    default:
      return assertNever(b, 'Markdown block')
  }
}

export function printMarkdown(blocks: readonly Block[]): string {
  const slugs = headingSlugs(blocks)
  return render(sections(blocks.map((b) => printBlock(b, slugs))))
}

/**
 * The same text as `printMarkdown([...head, ...parts.flat()])`, with each part's text kept per
 * part (a table's section, reused while the table is unchanged) and reused while the anchors its
 * links point to are the same. Every part prints at least one line, so parts join with one blank
 * line as `sections` would put between them.
 */
export function printMarkdownParts(head: readonly Block[], parts: ReadonlyArray<readonly Block[]>): string {
  const slugs = headingSlugs([...head, ...parts.flat()])
  const chunks = [sections(head.map((b) => printBlock(b, slugs))).join('\n')]
  for (const part of parts) {
    const hit = printed.get(part)
    if (hit && hit.used.every(([k, v]) => slugs.get(k) === v)) {
      chunks.push(hit.text)
      continue
    }
    const used: Array<[string, string | undefined]> = []
    const recorder = {
      get(k: string) {
        const v = slugs.get(k)
        used.push([k, v])
        return v
      },
    }
    const text = sections(part.map((b) => printBlock(b, recorder))).join('\n')
    printed.set(part, { used, text })
    chunks.push(text)
  }
  return chunks.filter((c) => c !== '').join('\n\n') + '\n'
}

const printed = new WeakMap<readonly Block[], { used: ReadonlyArray<readonly [string, string | undefined]>; text: string }>()
