/**
 * What we check in DBML text before `@dbml/core` sees it, because the compiler handles it badly:
 * deep nesting overflows its recursive parser (a RangeError with no position), and a partial
 * index's `where:` setting, which DBML lacks, fails the whole file. Nesting is refused with a
 * position; `where:` settings are blanked out (offsets and lines kept) and handed back so the
 * importer can keep them as partial-index predicates.
 */
import { positionOf } from '../prisma/lexer.ts'

export const maxDbmlNesting = 100

/** The offset of the first bracket nested deeper than `maxDbmlNesting`, outside strings and comments. */
export function tooDeep(text: string): number | undefined {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i)
      i = nl < 0 ? text.length : nl
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2)
      i = end < 0 ? text.length : end + 1
    } else if (c === "'" && text.startsWith("'''", i)) {
      const end = text.indexOf("'''", i + 3)
      i = end < 0 ? text.length : end + 2
    } else if (c === "'" || c === '"' || c === '`') {
      for (i++; i < text.length && text[i] !== c && text[i] !== '\n'; i++) if (text[i] === '\\') i++
    } else if (c === '(' || c === '[' || c === '{') {
      if (++depth > maxDbmlNesting) return i
    } else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1)
  }
  return undefined
}

export interface Location {
  readonly start: { readonly line: number; readonly column: number }
  readonly end?: { readonly line: number; readonly column: number }
}

/** Offsets of a 1-based line and column. */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

export interface BlankedWheres {
  readonly text: string
  readonly wheres: Array<{ offset: number; sql: string }>
}

/**
 * Removes the `where: '...'` index settings @dbml/core rejected (at `locations`), keeping every
 * other character where it was. Undefined when a setting is not one we can read.
 */
export function blankWheres(text: string, locations: readonly Location[]): BlankedWheres | undefined {
  const starts = lineStarts(text)
  const chars = text.split('')
  const wheres: Array<{ offset: number; sql: string }> = []
  for (const loc of locations) {
    const from = starts[loc.start.line - 1]! + loc.start.column - 1
    const m = /^where\s*:\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`([^`]*)`)/.exec(text.slice(from))
    if (!m) return undefined
    wheres.push({ offset: from, sql: (m[1] ?? m[2] ?? m[3]!).replace(/\\(.)/g, '$1') })
    let a = from
    let b = from + m[0].length
    // Take one neighbouring comma with the setting, or the brackets when it stood alone.
    let before = a - 1
    while (before >= 0 && /\s/.test(text[before]!)) before--
    let after = b
    while (after < text.length && /\s/.test(text[after]!)) after++
    if (text[before] === ',') a = before
    else if (text[after] === ',') b = after + 1
    else if (text[before] === '[' && text[after] === ']') (a = before), (b = after + 1)
    for (let i = a; i < b; i++) if (chars[i] !== '\n') chars[i] = ' '
  }
  return { text: chars.join(''), wheres }
}

export { positionOf }
