/**
 * Expressions come from the source text (libpg-query 18 has no deparser): the parse tree says
 * what an expression is, the tokens say where it starts and ends. Taken verbatim, minus comments,
 * they mean exactly what the user wrote when printed back into DDL.
 */
import type { Node } from './ast.ts'
import { as, constValue, names, walk } from './ast.ts'
import type { TypeName } from 'libpg-query'
import type { ColumnDefault, ColumnType } from '../../model/schema.ts'
import { storageTypeName } from '../../model/types.ts'
import type { StatementSource } from './source.ts'

/** Tokens inside the first parenthesis at or after `byte`: `CHECK (...)`, `AS (...)`, `RANGE (...)`. */
export function parenBody(src: StatementSource, byte: number | undefined): string | undefined {
  const t = src.tokens
  for (let i = src.tokenAt(byte ?? 0); i < t.length; i++) {
    if (t[i]!.kind === 'punct' && t[i]!.value === '(') {
      const close = src.closing(i)
      return close > i + 1 ? src.sql(i + 1, close - 1) : undefined
    }
  }
  return undefined
}

/**
 * The expression after the word `keyword` (searched from `byte`), up to `limit` (a byte offset,
 * e.g. where the next column constraint starts) or the first `,` `)` `;` outside brackets.
 */
export function expressionAfter(src: StatementSource, byte: number | undefined, keyword: string, limit = Infinity, lastToken = Infinity): string | undefined {
  const t = src.tokens
  let i = src.tokenAt(byte ?? 0)
  while (i < t.length && !(t[i]!.kind === 'word' && t[i]!.value === keyword)) i++
  const from = i + 1
  let depth = 0
  let j = from
  for (; j < t.length && j <= lastToken; j++) {
    const tok = t[j]!
    if (tok.byte >= limit) break
    if (tok.kind !== 'punct') continue
    if (tok.value === '(' || tok.value === '[') depth++
    else if (tok.value === ')' || tok.value === ']') {
      if (--depth < 0) break
    } else if (depth === 0 && (tok.value === ',' || tok.value === ';')) break
  }
  return j > from ? src.sql(from, j - 1) : undefined
}

/**
 * A column default as the model keeps it: constants as literals, so every target can print them,
 * also cast ones (`'x'::text`) when the cast keeps the value, i.e. goes to the column's own type
 * (`'2018-01-01'::date` on a timestamptz column is not the same value and stays SQL). A bare NULL
 * is no default, as in PostgreSQL, which stores none for it, except on a domain (`custom`) column,
 * where it overrides the domain's default; a cast NULL is stored by PostgreSQL, so it stays SQL.
 */
export function columnDefault(
  expr: Node | undefined,
  sql: string | undefined,
  column: { type: ColumnType },
  castKeepsValue: (type: TypeName) => boolean,
): ColumnDefault | undefined {
  let node = expr
  let cast = false
  while (node) {
    const c = as(node, 'TypeCast')
    if (!c) break
    if (!c.typeName || !castKeepsValue(c.typeName)) return sql === undefined ? undefined : { kind: 'expression', sql }
    cast = true
    node = c.arg
  }
  const c = node && as(node, 'A_Const')
  if (c?.isnull) return cast || column.type.kind === 'custom' ? { kind: 'expression', sql: sql ?? 'NULL' } : undefined
  if (c) {
    const v = constValue(c)
    if (v && v.kind !== 'bits') return { kind: 'literal', value: v.value }
  }
  return sql === undefined ? undefined : { kind: 'expression', sql }
}

const stringTypes = new Set(['text', 'varchar'])

/** True when casting a constant to `cast` and storing it in a `column` column keeps its value. */
export function sameValueType(column: ColumnType, cast: ColumnType): boolean {
  if (column.arrayDims !== cast.arrayDims || column.kind !== cast.kind) return false
  if (column.kind === 'enum' && cast.kind === 'enum') return column.enumId === cast.enumId
  if (column.kind === 'custom' && cast.kind === 'custom') return column.name === cast.name && column.schema === cast.schema
  const a = storageTypeName(column)
  const b = storageTypeName(cast)
  return a === b || (stringTypes.has(a) && stringTypes.has(b))
}

/** Names of the columns an expression refers to, each once (for PostgreSQL's CHECK names). */
export function referencedColumns(expr: Node | undefined): string[] {
  const found = new Set<string>()
  walk(expr, (kind, value) => {
    if (kind === 'ColumnRef') {
      const fields = names((value as { fields?: Node[] }).fields)
      const last = fields[fields.length - 1]
      if (last) found.add(last)
      return false
    }
    return true
  })
  return [...found]
}

export const booleanWords: Record<string, string> = {
  t: 'true', tr: 'true', tru: 'true', true: 'true', y: 'true', ye: 'true', yes: 'true', on: 'true', '1': 'true',
  f: 'false', fa: 'false', fal: 'false', fals: 'false', false: 'false', n: 'false', no: 'false', of: 'false', off: 'false', '0': 'false',
}
