/**
 * A small scanner for the SQL fragments the model stores as text (CHECK bodies, index predicates,
 * defaults, partition keys). Rules need to know which columns a fragment mentions, whether it
 * calls a function, holds a subquery or pins a column to a constant; they do not need a full
 * grammar, and a wrong guess must err towards silence (these findings can be errors).
 */

import { stripParens } from './sql-split.ts'

export type Token =
  | { readonly kind: 'ident'; readonly value: string; readonly raw: string; readonly quoted: boolean }
  | { readonly kind: 'string' | 'number' | 'op' | 'punct'; readonly value: string }

const cache = new Map<string, readonly Token[]>()

export function tokenize(sql: string): readonly Token[] {
  const hit = cache.get(sql)
  if (hit) return hit
  const out: Token[] = []
  const n = sql.length
  let i = 0
  while (i < n) {
    const c = sql[i]!
    if (/\s/.test(c)) {
      i++
    } else if (c === "'" || (/[eEbBxXnN]/.test(c) && sql[i + 1] === "'" && !/[\w$]/.test(sql[i - 1] ?? ' '))) {
      const escaped = c === 'e' || c === 'E'
      let j = c === "'" ? i + 1 : i + 2
      let value = ''
      for (; j < n; j++) {
        if (escaped && sql[j] === '\\') value += sql[++j] ?? ''
        else if (sql[j] === "'") {
          if (sql[j + 1] === "'") (value += "'"), j++
          else break
        } else value += sql[j]
      }
      out.push({ kind: 'string', value })
      i = j + 1
    } else if (c === '"') {
      let j = i + 1
      let value = ''
      for (; j < n; j++) {
        if (sql[j] === '"') {
          if (sql[j + 1] === '"') (value += '"'), j++
          else break
        } else value += sql[j]
      }
      out.push({ kind: 'ident', value, raw: sql.slice(i, j + 1), quoted: true })
      i = j + 1
    } else if (c === '$' && /[A-Za-z_$]/.test(sql[i + 1] ?? '')) {
      const tag = /^\$([A-Za-z_][\w]*)?\$/.exec(sql.slice(i))
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length)
        const end = close < 0 ? n : close
        out.push({ kind: 'string', value: sql.slice(i + tag[0].length, end) })
        i = close < 0 ? n : close + tag[0].length
      } else (out.push({ kind: 'op', value: '$' }), i++)
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      const m = /^[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*/.exec(sql.slice(i, i + 200))!
      out.push({ kind: 'ident', value: m[0].toLowerCase(), raw: m[0], quoted: false })
      i += m[0].length
    } else if (/\d/.test(c) || (c === '.' && /\d/.test(sql[i + 1] ?? ''))) {
      const m = /^(\d*\.?\d+|\d+\.)([eE][+-]?\d+)?/.exec(sql.slice(i))!
      out.push({ kind: 'number', value: m[0] })
      i += m[0].length
    } else if (c === ':' && sql[i + 1] === ':') {
      out.push({ kind: 'punct', value: '::' })
      i += 2
    } else if ('(),[].;'.includes(c)) {
      out.push({ kind: 'punct', value: c })
      i++
    } else {
      const m = /^[+\-*/<>=~!@#%^&|`?:$]+/.exec(sql.slice(i))
      const op = m ? m[0] : c
      out.push({ kind: 'op', value: op })
      i += op.length
    }
  }
  if (cache.size > 20_000) cache.clear()
  cache.set(sql, out)
  return out
}

/** Words that are never column references in an expression. */
const keywords = new Set([
  'and', 'or', 'not', 'is', 'null', 'true', 'false', 'in', 'between', 'symmetric', 'like', 'ilike', 'similar', 'to', 'escape',
  'case', 'when', 'then', 'else', 'end', 'any', 'all', 'some', 'array', 'distinct', 'from', 'for', 'isnull', 'notnull',
  'collate', 'at', 'time', 'zone', 'interval', 'date', 'timestamp', 'current_date', 'current_time', 'current_timestamp',
  'localtime', 'localtimestamp', 'current_user', 'session_user', 'user', 'current_role', 'current_schema',
  'current_catalog', 'system_user', 'value', 'exists', 'select', 'overlaps', 'unknown', 'both', 'leading', 'trailing',
  'placing', 'as', 'row', 'cast', 'with', 'without', 'varying', 'precision', 'only', 'operator', 'uescape', 'normalized',
  'nfc', 'nfd', 'nfkc', 'nfkd', 'json', 'document', 'content', 'of', 'year', 'month', 'day', 'hour', 'minute', 'second',
])

/** Type words that follow `::` or `AS` in a cast, or that open a typed literal (`date '...'`). */
const typeWords = new Set([
  'character', 'varying', 'double', 'precision', 'with', 'without', 'time', 'zone', 'timestamp', 'interval', 'bit',
  'national', 'char', 'varchar', 'day', 'hour', 'minute', 'second', 'year', 'month', 'to',
])

export interface ColumnRef {
  /** The name as PostgreSQL resolves it: folded to lower case unless quoted. */
  readonly name: string
  readonly raw: string
  readonly quoted: boolean
  /** `t` in `t.col`. */
  readonly qualifier?: string
}

export interface ExpressionFacts {
  readonly columns: readonly ColumnRef[]
  /** Functions called, lower-cased (`now`, `lower`, `pg_catalog.now` as `now`). */
  readonly calls: readonly string[]
  /** Bare keywords that read the clock or the session (`current_date`, `localtime`...). */
  readonly valueFunctions: readonly string[]
  readonly hasSubquery: boolean
}

const factsCache = new Map<string, ExpressionFacts>()
const valueFunctionWords = new Set(['current_date', 'current_time', 'current_timestamp', 'localtime', 'localtimestamp', 'current_user', 'session_user', 'user', 'current_role', 'current_schema', 'current_catalog', 'system_user'])

/** What an expression mentions. Cached by text: the same CHECK bodies are read on every lint. */
export function analyzeExpression(sql: string): ExpressionFacts {
  const hit = factsCache.get(sql)
  if (hit) return hit
  const t = tokenize(sql)
  const columns: ColumnRef[] = []
  const calls: string[] = []
  const valueFunctions: string[] = []
  let hasSubquery = false
  const isPunct = (k: number, v: string) => t[k]?.kind === 'punct' && t[k]!.value === v
  for (let k = 0; k < t.length; k++) {
    const tok = t[k]!
    if (tok.kind !== 'ident') continue
    const prev = t[k - 1]
    // Type names after `::` (`::character varying(20)[]`) and `CAST (x AS type)`.
    if ((prev?.kind === 'punct' && prev.value === '::') || (prev?.kind === 'ident' && !prev.quoted && prev.value === 'as')) {
      while (t[k + 1]?.kind === 'ident' && !(t[k + 1] as { quoted: boolean }).quoted && typeWords.has(t[k + 1]!.value)) k++
      while (isPunct(k + 1, '.') && t[k + 2]?.kind === 'ident') k += 2
      continue
    }
    if (prev?.kind === 'ident' && !prev.quoted && prev.value === 'collate') continue
    if (isPunct(k + 1, '(')) {
      if (!tok.quoted && (tok.value === 'exists' || tok.value === 'select')) hasSubquery = true
      if (!tok.quoted && keywords.has(tok.value) && tok.value !== 'user' && tok.value !== 'row' && !valueFunctionWords.has(tok.value)) continue
      calls.push(tok.value)
      // EXTRACT(field FROM x): the field is not a column.
      if (!tok.quoted && tok.value === 'extract' && t[k + 2]?.kind === 'ident') k += 2
      continue
    }
    if (isPunct(k - 1, '.') && t[k - 2]?.kind === 'ident') continue
    if (!tok.quoted) {
      if (tok.value === 'select') hasSubquery = true
      if (valueFunctionWords.has(tok.value)) {
        valueFunctions.push(tok.value)
        continue
      }
      if (keywords.has(tok.value)) continue
      // A typed literal: `interval '1 day'`, `date '2024-01-01'`, `inet '10.0.0.1'`.
      if (t[k + 1]?.kind === 'string') continue
    }
    if (isPunct(k + 1, '.') && t[k + 2]?.kind === 'ident') {
      const col = t[k + 2] as Extract<Token, { kind: 'ident' }>
      // `schema.function(...)` is a call, not a qualified column.
      if (isPunct(k + 3, '(')) {
        calls.push(col.value)
        k += 2
        continue
      }
      columns.push({ name: col.value, raw: col.raw, quoted: col.quoted, qualifier: tok.value })
      k += 2
      continue
    }
    columns.push({ name: tok.value, raw: tok.raw, quoted: tok.quoted })
  }
  const facts = { columns, calls, valueFunctions, hasSubquery }
  if (factsCache.size > 20_000) factsCache.clear()
  factsCache.set(sql, facts)
  return facts
}

/**
 * A simple comparison `col IS NULL`, `col IS NOT NULL` or `col = <constant>`, as pg_dump also
 * prints it (`((status)::text = 'active'::text)`). Undefined for anything else.
 */
export function simplePredicate(sql: string): { column: string; op: 'is null' | 'is not null' | '=' } | undefined {
  const t = tokenize(stripParens(sql)).filter((x) => !(x.kind === 'punct' && (x.value === '(' || x.value === ')')))
  // Drop casts: `::text`, `::character varying`.
  const plain: Token[] = []
  for (let k = 0; k < t.length; k++) {
    const tok = t[k]!
    if (tok.kind === 'punct' && tok.value === '::') {
      k++
      while (t[k + 1]?.kind === 'ident' && typeWords.has(t[k + 1]!.value)) k++
      continue
    }
    plain.push(tok)
  }
  const [a, b, c, d] = plain
  if (a?.kind !== 'ident' || (!a.quoted && keywords.has(a.value))) return undefined
  const word = (x: Token | undefined, w: string) => x?.kind === 'ident' && !x.quoted && x.value === w
  if (plain.length === 3 && word(b, 'is') && word(c, 'null')) return { column: a.value, op: 'is null' }
  if (plain.length === 4 && word(b, 'is') && word(c, 'not') && word(d, 'null')) return { column: a.value, op: 'is not null' }
  if (plain.length === 2 && word(b, 'isnull')) return { column: a.value, op: 'is null' }
  if (plain.length === 2 && word(b, 'notnull')) return { column: a.value, op: 'is not null' }
  if (plain.length === 3 && b?.kind === 'op' && b.value === '=' && (c?.kind === 'string' || c?.kind === 'number' || word(c, 'true') || word(c, 'false')))
    return { column: a.value, op: '=' }
  return undefined
}

/**
 * A CHECK that lists the allowed values of one column: `status IN ('a', 'b')`, or as pg_dump
 * prints it, `((status)::text = ANY ((ARRAY['a'::character varying, 'b'])::text[]))`.
 */
export function valueListOf(sql: string): { column: string; values: string[] } | undefined {
  const t = tokenize(sql)
  const plain: Token[] = []
  for (let k = 0; k < t.length; k++) {
    const tok = t[k]!
    if (tok.kind === 'punct' && (tok.value === '(' || tok.value === ')')) continue
    if (tok.kind === 'punct' && tok.value === '::') {
      k++
      while (t[k + 1]?.kind === 'ident' && typeWords.has(t[k + 1]!.value)) k++
      while (t[k + 1]?.kind === 'punct' && (t[k + 1]!.value === '[' || t[k + 1]!.value === ']')) k++
      continue
    }
    plain.push(tok)
  }
  const [col, op, ...rest] = plain
  if (col?.kind !== 'ident' || (!col.quoted && keywords.has(col.value))) return undefined
  const word = (x: Token | undefined, w: string) => x?.kind === 'ident' && !x.quoted && x.value === w
  let items = rest
  if (word(op, 'in')) items = rest
  else if (op?.kind === 'op' && op.value === '=' && word(rest[0], 'any') && word(rest[1], 'array')) items = rest.slice(2)
  else return undefined
  const values: string[] = []
  for (const x of items) {
    if (x.kind === 'string') values.push(x.value)
    else if (x.kind === 'number') values.push(x.value)
    else if (!(x.kind === 'punct' && (x.value === ',' || x.value === '[' || x.value === ']'))) return undefined
  }
  return values.length > 0 ? { column: col.value, values } : undefined
}
