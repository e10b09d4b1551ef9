/** Splitting SQL text at the top level (outside parentheses and quotes): lists and AND chains. */
import { stripOuterParens as stripParens } from '../../sql/expression.ts'

/** Splits at top-level commas (partition keys: `lower(region), id`). */
export function splitTopLevel(sql: string, separator = ','): string[] {
  const parts: string[] = []
  let depth = 0
  let quote: string | undefined
  let start = 0
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!
    if (quote) {
      if (c === quote) quote = sql[i + 1] === quote ? (i++, quote) : undefined
      continue
    }
    if (c === "'" || c === '"') quote = c
    else if (c === '(' || c === '[') depth++
    else if (c === ')' || c === ']') depth--
    else if (depth === 0 && c === separator) {
      parts.push(sql.slice(start, i).trim())
      start = i + 1
    }
  }
  parts.push(sql.slice(start).trim())
  return parts.filter((p) => p !== '')
}

/** The conjuncts of a predicate: `a AND (b AND c)` gives a, b, c; an OR stays whole. */
export function conjuncts(sql: string): string[] {
  const stripped = stripParens(sql.trim())
  const out: string[] = []
  let depth = 0
  let quote: string | undefined
  let start = 0
  for (let i = 0; i < stripped.length; i++) {
    const c = stripped[i]!
    if (quote) {
      if (c === quote) quote = stripped[i + 1] === quote ? (i++, quote) : undefined
      continue
    }
    if (c === "'" || c === '"') quote = c
    else if (c === '(') depth++
    else if (c === ')') depth--
    else if (depth === 0 && /\s/.test(c) && /^\s+and\s/i.test(stripped.slice(i)) && !/between\s+\S+\s*$/i.test(stripped.slice(start, i))) {
      out.push(stripped.slice(start, i).trim())
      const m = /^\s+and\s+/i.exec(stripped.slice(i))!
      i += m[0].length - 1
      start = i + 1
    }
  }
  out.push(stripped.slice(start).trim())
  return out.length === 1 ? out : out.flatMap((p) => conjuncts(p))
}

export { stripParens }
