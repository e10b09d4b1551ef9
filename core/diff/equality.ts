/**
 * When two model values mean the same thing to PostgreSQL. `exact` compares SQL fragments as
 * written (spacing aside); `loose` ignores what PostgreSQL adds when it stores an expression
 * (casts, parentheses, case, `IN` written as `= ANY (ARRAY[...])`), for comparing a design with a
 * catalog or with a file written by another tool. Loose comparison can take `(a + b) * c` for
 * `a + b * c`: it is for matching sources, not for deciding that a user's edit changed nothing.
 */
import { readDefault } from '../importers/catalog.ts'
import type { ColumnDefault, ColumnType, Constraint, FkAction, Index, IndexKey } from '../model/schema.ts'
import type { ConstraintField, IndexField } from './changes.ts'

export type ExpressionMode = 'exact' | 'loose'

/** Splits SQL into string literals (kept as written) and the code between them. */
function segments(sql: string): Array<{ literal: boolean; text: string }> {
  const out: Array<{ literal: boolean; text: string }> = []
  let i = 0
  let start = 0
  while (i < sql.length) {
    const c = sql[i]!
    if (c === '"') {
      // A quoted identifier is code, but a quote inside it starts no literal.
      let j = i + 1
      for (; j < sql.length; j++) {
        if (sql[j] === '"') {
          if (sql[j + 1] === '"') j++
          else break
        }
      }
      i = j + 1
    } else if (c === "'") {
      if (i > start) out.push({ literal: false, text: sql.slice(start, i) })
      let j = i + 1
      for (; j < sql.length; j++) {
        if (sql[j] === "'") {
          if (sql[j + 1] === "'") j++
          else break
        }
      }
      out.push({ literal: true, text: sql.slice(i, j + 1) })
      i = start = j + 1
    } else i++
  }
  if (start < sql.length) out.push({ literal: false, text: sql.slice(start) })
  return out
}

function exactForm(sql: string): string {
  return segments(sql.trim())
    .map((s) => (s.literal ? s.text : s.text.replace(/\s+/g, ' ')))
    .join('')
}

const operand = String.raw`(?:"(?:[^"]|"")+"|\u0001\d+\u0001|[\w.$]+)`

function looseForm(sql: string): string {
  // Literals are set aside so that rewriting the code around them cannot touch their content.
  const literals: string[] = []
  let code = segments(sql)
    .map((s) => (s.literal ? `\u0001${literals.push(s.text) - 1}\u0001` : s.text))
    .join('')
  code = code
    .replace(/::("[^"]+"|[\w.]+)(\s+(varying|precision|with(out)?\s+time\s+zone))?(\(\d+(,\s*\d+)?\))?(\[\])*/gi, '')
    .replace(new RegExp(`(${operand})\\s+between\\s+(${operand})\\s+and\\s+(${operand})`, 'gi'), '$1 >= $2 AND $1 <= $3')
    .replace(/\s+not\s+in\s*\(([^()]*)\)/gi, ' <> ALL (ARRAY[$1])')
    .replace(/\s+in\s*\(([^()]*)\)/gi, ' = ANY (ARRAY[$1])')
    .replace(/\bnot\s+ilike\b/gi, '!~~*')
    .replace(/\bilike\b/gi, '~~*')
    .replace(/\bnot\s+like\b/gi, '!~~')
    .replace(/\blike\b/gi, '~~')
    .replace(/"([a-z_][a-z0-9_$]*)"/g, '$1')
    .replace(/[()\s]/g, '')
    .toLowerCase()
  return code.replace(/\u0001(\d+)\u0001/g, (_, n: string) => literals[Number(n)]!)
}

export function sameExpression(a: string | undefined, b: string | undefined, mode: ExpressionMode): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined) return false
  return mode === 'exact' ? exactForm(a) === exactForm(b) : looseForm(a) === looseForm(b)
}

export function sameColumnType(a: ColumnType, b: ColumnType): boolean {
  if (a.kind !== b.kind || a.arrayDims !== b.arrayDims) return false
  switch (a.kind) {
    case 'builtin': {
      const o = b as typeof a
      return a.name === o.name && a.length === o.length && a.precision === o.precision && a.scale === o.scale && a.fields === o.fields
    }
    case 'enum':
      return a.enumId === (b as typeof a).enumId
    case 'custom': {
      const o = b as typeof a
      // An unqualified custom type resolves through the search path, i.e. to public.
      return a.name === o.name && (a.schema ?? 'public') === (o.schema ?? 'public') && (a.modifiers ?? []).join(',') === (o.modifiers ?? []).join(',')
    }
  }
}

export function sameDefault(a: ColumnDefault | undefined, b: ColumnDefault | undefined, mode: ExpressionMode): boolean {
  if (a === undefined || b === undefined) return a === b
  if (a.kind === 'literal' && b.kind === 'literal') return a.value === b.value
  // A catalog writes every default as an expression (`'x'::text`); loosely, its constant is the literal.
  const x = mode === 'loose' && a.kind === 'expression' ? readDefault(a.sql) : a
  const y = mode === 'loose' && b.kind === 'expression' ? readDefault(b.sql) : b
  if (x.kind === 'literal' && y.kind === 'literal') return x.value === y.value
  if (x.kind === 'expression' && y.kind === 'expression') return sameExpression(x.sql, y.sql, mode)
  return false
}

/** Empty comments are no comments: PostgreSQL stores neither. */
export const sameComment = (a: string | undefined, b: string | undefined) => (a || undefined) === (b || undefined)

const action = (a: FkAction | undefined) => (a === 'no action' ? undefined : a)
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i])

/** What differs between two versions of one constraint, name and comment aside. */
export function constraintFields(a: Constraint, b: Constraint, mode: ExpressionMode): ConstraintField[] {
  if (a.kind !== b.kind) return ['kind']
  const out: ConstraintField[] = []
  switch (a.kind) {
    case 'primaryKey':
      if (!sameList(a.columns, (b as typeof a).columns)) out.push('columns')
      break
    case 'unique': {
      const o = b as typeof a
      if (!sameList(a.columns, o.columns)) out.push('columns')
      if ((a.nullsNotDistinct ?? false) !== (o.nullsNotDistinct ?? false)) out.push('nullsNotDistinct')
      break
    }
    case 'check': {
      const o = b as typeof a
      if (!sameExpression(a.expression, o.expression, mode)) out.push('expression')
      if ((a.noInherit ?? false) !== (o.noInherit ?? false)) out.push('noInherit')
      break
    }
    case 'foreignKey': {
      const o = b as typeof a
      if (!sameList(a.columns, o.columns)) out.push('columns')
      if (a.target.tableId !== o.target.tableId || !sameList(a.target.columns, o.target.columns)) out.push('target')
      if (action(a.onDelete) !== action(o.onDelete)) out.push('onDelete')
      if (action(a.onUpdate) !== action(o.onUpdate)) out.push('onUpdate')
      if (a.match !== o.match) out.push('match')
      const d = (x: typeof a.deferrable) => (x === 'not deferrable' ? undefined : x)
      if (d(a.deferrable) !== d(o.deferrable)) out.push('deferrable')
      break
    }
  }
  return out
}

/** PostgreSQL's default null ordering written out or left implicit means the same. */
function effectiveNulls(k: IndexKey): IndexKey['nulls'] {
  return k.nulls === (k.order === 'desc' ? 'first' : 'last') ? undefined : k.nulls
}

function sameKey(a: IndexKey, b: IndexKey, mode: ExpressionMode): boolean {
  if (a.kind !== b.kind) return false
  if (a.kind === 'column' ? a.columnId !== (b as typeof a).columnId : !sameExpression(a.sql, (b as typeof a).sql, mode)) return false
  return a.order === b.order && effectiveNulls(a) === effectiveNulls(b) && a.opclass === b.opclass && a.collation === b.collation
}

export function indexFields(a: Index, b: Index, mode: ExpressionMode): IndexField[] {
  const out: IndexField[] = []
  if (a.unique !== b.unique) out.push('unique')
  if (a.method !== b.method) out.push('method')
  if (a.keys.length !== b.keys.length || a.keys.some((k, i) => !sameKey(k, b.keys[i]!, mode))) out.push('keys')
  if (!sameList(a.include, b.include)) out.push('include')
  if (!sameExpression(a.where, b.where, mode)) out.push('where')
  if ((a.nullsNotDistinct ?? false) !== (b.nullsNotDistinct ?? false)) out.push('nullsNotDistinct')
  return out
}
