/**
 * The rules' Markdown docs (core/rules/<id>.md), bundled as text and loaded one at a time when
 * someone opens a rule: the app never reaches for the network, and the first paint carries none of
 * them. A doc is read into the few parts the app shows (why, the ❌ and ✅ examples, the quick
 * fixes); the core stays free of anything that renders.
 */

const sources = import.meta.glob<string>('../../../core/rules/*.md', { query: '?raw', import: 'default' })

const byId = new Map<string, () => Promise<string>>()
for (const [path, load] of Object.entries(sources)) byId.set(path.slice(path.lastIndexOf('/') + 1, -'.md'.length), load)

/** Ids of the rules that have a doc (every registered rule: the core's parity test says so). */
export function documentedRuleIds(): string[] {
  return [...byId.keys()].sort()
}

/** A run of text with inline code and emphasis, as the docs write them. */
export type Inline = { readonly kind: 'text' | 'code' | 'strong'; readonly text: string }

export interface RuleDocParts {
  /** Paragraphs of the "Why" section. */
  readonly why: readonly (readonly Inline[])[]
  readonly bad: string | undefined
  readonly good: string | undefined
  /** The ❌ example is DDL PostgreSQL itself refuses. */
  readonly badIsRejected: boolean
  readonly fixes: readonly (readonly Inline[])[]
}

function sections(markdown: string): Map<string, string> {
  const out = new Map<string, string>()
  const parts = markdown.split(/^## /m)
  for (const part of parts.slice(1)) {
    const newline = part.indexOf('\n')
    const heading = (newline < 0 ? part : part.slice(0, newline)).trim()
    out.set(heading, newline < 0 ? '' : part.slice(newline + 1))
  }
  return out
}

function find(map: Map<string, string>, prefix: string): string | undefined {
  for (const [heading, body] of map) if (heading.startsWith(prefix)) return body
  return undefined
}

/** Inline Markdown of the docs: `code`, **strong**; everything else is text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = []
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*/g
  let last = 0
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) })
    out.push(m[1] !== undefined ? { kind: 'code', text: m[1] } : { kind: 'strong', text: m[2]! })
    last = m.index + m[0].length
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) })
  return out
}

function paragraphs(body: string | undefined): Inline[][] {
  if (!body) return []
  return body
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/```[\s\S]*?```/g, '')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .map(parseInline)
}

const sqlBlock = (body: string | undefined) => (body ? /```sql\n([\s\S]*?)```/.exec(body)?.[1]?.replace(/\n$/, '') : undefined)

export function parseRuleDoc(markdown: string): RuleDocParts {
  const map = sections(markdown)
  const bad = find(map, '❌')
  return {
    why: paragraphs(find(map, 'Why')),
    bad: sqlBlock(bad),
    good: sqlBlock(find(map, '✅')),
    badIsRejected: bad?.includes('rejected-by-postgres') ?? false,
    fixes: paragraphs(find(map, 'Quick fixes')),
  }
}

const loaded = new Map<string, Promise<RuleDocParts | undefined>>()

/** The doc of rule `id`, parsed; undefined for a rule without one. */
export function loadRuleDoc(id: string): Promise<RuleDocParts | undefined> {
  let doc = loaded.get(id)
  if (!doc) {
    const load = byId.get(id)
    doc = load ? load().then(parseRuleDoc) : Promise.resolve(undefined)
    loaded.set(id, doc)
  }
  return doc
}
