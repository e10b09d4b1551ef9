/**
 * The type picker's list: PostgreSQL's builtins, the design's enums, whatever custom type the user
 * types, and "New enum…". Pure, so the ranking is tested without a browser.
 *
 * What is typed may carry modifiers and array brackets (`varchar(255)[]`): matching uses the base
 * name, and a picked option keeps the suffix, so choosing `varchar` there gives `varchar(255)[]`.
 */
import type { BuiltinTypeName, EnumId, Schema, TypeParseResult } from '@core'
import { displayEnumName } from '../names.ts'
import { builtinTypeInfo, builtinTypeOrder, type TypeGroup } from './builtin-types.ts'

export interface CatalogEntry {
  readonly kind: 'builtin' | 'enum'
  /** What is written for it: `integer`, `billing.invoice_status`. */
  readonly name: string
  readonly aliases: readonly string[]
  readonly description: string
  readonly group: TypeGroup | 'Enums'
  readonly common: boolean
  readonly enumId?: EnumId
}

export type TypeOption =
  | { readonly kind: 'type'; readonly key: string; readonly text: string; readonly entry: CatalogEntry }
  | { readonly kind: 'custom'; readonly key: string; readonly text: string }
  | { readonly kind: 'new-enum'; readonly key: string; readonly name: string | undefined }

export interface TypeSearch {
  readonly options: readonly TypeOption[]
  /** Why the typed text is not a type (`varchar(25`), when it is not. */
  readonly error?: string
}

const builtinEntries: readonly CatalogEntry[] = builtinTypeOrder.map((name: BuiltinTypeName) => {
  const info = builtinTypeInfo[name]
  return { kind: 'builtin', name, aliases: info.aliases, description: info.description, group: info.group, common: 'common' in info }
})

const catalogs = new WeakMap<Schema['enums'], readonly CatalogEntry[]>()

/** The design's enums, then every builtin; built once per enum list. */
export function typeCatalog(schema: Schema): readonly CatalogEntry[] {
  let catalog = catalogs.get(schema.enums)
  if (!catalog) {
    const enums = schema.enums.map(
      (e): CatalogEntry => ({
        kind: 'enum',
        name: displayEnumName(schema, e),
        aliases: [e.name],
        description: e.values.length === 0 ? 'Enum, no values yet' : `Enum: ${e.values.map((v) => v.name).join(', ')}`,
        group: 'Enums',
        common: true,
        enumId: e.id,
      }),
    )
    catalogs.set(schema.enums, (catalog = [...enums, ...builtinEntries]))
  }
  return catalog
}

/** `varchar(255)[]` as base `varchar` and suffix `(255)[]`. */
export function splitTypeText(text: string): { base: string; suffix: string } {
  const t = text.trim()
  const at = t.search(/[([]/)
  const base = (at < 0 ? t : t.slice(0, at)).trim().toLowerCase().replace(/\s+/g, ' ')
  return { base, suffix: at < 0 ? '' : t.slice(at).replace(/\s+/g, '') }
}

function isSubsequence(needle: string, hay: string): boolean {
  let i = 0
  for (const ch of hay) if (ch === needle[i]) i++
  return i === needle.length
}

/** Lower is better; Infinity means no match. */
export function matchScore(candidate: string, query: string): number {
  const c = candidate.toLowerCase()
  if (c === query) return 0
  if (c.startsWith(query)) return 1
  if (c.split(/[\s_.]/).some((w) => w.startsWith(query))) return 2
  if (c.includes(query)) return 3
  if (query.length >= 2 && isSubsequence(query, c)) return 4
  return Infinity
}

function entryScore(entry: CatalogEntry, query: string): number {
  let best = matchScore(entry.name, query)
  for (const alias of entry.aliases) {
    const s = matchScore(alias, query)
    // An alias typed in full is as good as the name; a partial alias ranks just behind names.
    best = Math.min(best, s === 0 ? 0 : s + 0.5)
  }
  return best
}

const identifierLike = /^[a-z_][a-z0-9_]*$/

export function searchTypes(catalog: readonly CatalogEntry[], text: string, parse: (text: string) => TypeParseResult): TypeSearch {
  const { base, suffix } = splitTypeText(text)
  const newEnum = (name: string | undefined): TypeOption => ({ kind: 'new-enum', key: 'new-enum', name })
  if (base === '') {
    return { options: [...catalog.map((entry): TypeOption => ({ kind: 'type', key: entry.name, text: entry.name, entry })), newEnum(undefined)] }
  }
  const scored = catalog
    .map((entry, order) => ({ entry, order, score: entryScore(entry, base) }))
    .filter((x) => x.score < Infinity)
    .sort((a, b) => a.score - b.score || Number(b.entry.common) - Number(a.entry.common) || a.order - b.order)
  const options: TypeOption[] = scored.map(({ entry }) => ({ kind: 'type', key: entry.name, text: entry.name + suffix, entry }))
  const parsed = parse(text)
  const exact = scored[0]?.score === 0
  if (parsed.ok && parsed.type.kind === 'custom' && !exact) {
    const custom: TypeOption = { kind: 'custom', key: `custom:${text.trim()}`, text: text.trim() }
    // A custom name goes first unless a known type (or one of its words) starts with what was typed.
    const strong = scored.filter((x) => x.score <= 2.5).length
    options.splice(strong, 0, custom)
  }
  const enumTaken = catalog.some((e) => e.kind === 'enum' && e.aliases.includes(base))
  options.push(newEnum(identifierLike.test(base) && !enumTaken && suffix === '' && !exact ? base : undefined))
  return parsed.ok ? { options } : { options, error: parsed.message }
}
