/**
 * A column definition (in CREATE TABLE or ALTER TABLE ADD COLUMN) to a model column, plus the
 * constraints written on it that belong to the table (keys, checks, foreign keys), for the caller
 * to add in PostgreSQL's order.
 */
import type { ColumnDef, Constraint, TypeName } from 'libpg-query'
import type { Column } from '../../model/schema.ts'
import { isSerial } from '../../model/types.ts'
import { as, names } from './ast.ts'
import { columnType } from './column-type.ts'
import { columnDefault, expressionAfter, parenBody, sameValueType } from './expressions.ts'
import type { DraftTable, Mutable, StatementContext } from './state.ts'
import { Rejected } from './state.ts'

/** A table-level constraint waiting to be added; `column` is set for column constraints. */
export interface QueuedConstraint {
  readonly constraint: Constraint
  readonly column?: string
}

/**
 * DEFERRABLE, INITIALLY DEFERRED, NOT ENFORCED... after a column constraint are separate nodes in
 * the parse tree; PostgreSQL folds them into the constraint before, and so do we.
 */
export function foldAttributes(list: readonly Constraint[]): readonly Constraint[] {
  if (!list.some((c) => c.contype?.startsWith('CONSTR_ATTR_'))) return list
  const out: Array<Mutable<Constraint>> = []
  let last: Mutable<Constraint> | undefined
  for (const c of list) {
    switch (c.contype) {
      case 'CONSTR_ATTR_DEFERRABLE':
      case 'CONSTR_ATTR_NOT_DEFERRABLE':
        if (last) last.deferrable = c.contype === 'CONSTR_ATTR_DEFERRABLE'
        break
      case 'CONSTR_ATTR_DEFERRED':
        if (last) (last.initdeferred = true), (last.deferrable = true)
        break
      case 'CONSTR_ATTR_IMMEDIATE':
        if (last) last.initdeferred = false
        break
      case 'CONSTR_ATTR_ENFORCED':
      case 'CONSTR_ATTR_NOT_ENFORCED':
        if (last) last.is_enforced = c.contype === 'CONSTR_ATTR_ENFORCED'
        break
      default: {
        const copy = { ...c }
        out.push(copy)
        if (['CONSTR_PRIMARY', 'CONSTR_UNIQUE', 'CONSTR_FOREIGN', 'CONSTR_CHECK', 'CONSTR_EXCLUSION'].includes(c.contype ?? '')) last = copy
      }
    }
  }
  return out
}

export function readColumn(ctx: StatementContext, table: DraftTable, def: ColumnDef): { column: Mutable<Column>; queued: QueuedConstraint[] } {
  const { state, source } = ctx
  const name = def.colname ?? ''
  if (!def.typeName) throw new Rejected(`column "${name}" has no type`, def.location)
  const column: Mutable<Column> = { id: state.ids.next('column'), name, type: columnType(state, def.typeName), nullable: true }
  const collation = names(def.collClause?.collname).pop()
  // COLLATE "default" is what a column has without one.
  if (collation !== undefined && collation !== 'default') column.collation = collation
  if (def.is_not_null) column.nullable = false
  if (isSerial(column.type)) column.nullable = false
  const constraints = foldAttributes((def.constraints ?? []).flatMap((n) => as(n, 'Constraint') ?? []))
  // Where each clause starts, so a DEFAULT expression ends where the next clause begins.
  const starts = [...constraints.map((c) => c.location ?? -1), def.collClause?.location ?? -1].filter((l) => l >= 0)
  const queued: QueuedConstraint[] = []
  for (const c of constraints) {
    switch (c.contype) {
      case 'CONSTR_NULL':
        column.nullable = true
        break
      case 'CONSTR_NOTNULL':
        column.nullable = false
        break
      case 'CONSTR_DEFAULT': {
        if (isSerial(column.type)) throw new Rejected(`multiple default values specified for column "${name}"`, c.location)
        const limit = Math.min(...starts.filter((l) => l > (c.location ?? 0)), Infinity)
        setDefault(ctx, column, c.raw_expr, expressionAfter(source, c.location, 'default', limit))
        break
      }
      case 'CONSTR_IDENTITY':
        column.identity = c.generated_when === 'a' ? 'always' : 'by-default'
        column.nullable = false
        break
      case 'CONSTR_GENERATED': {
        const sql = parenBody(source, c.location)
        if (sql === undefined) throw new Rejected('cannot read the generation expression', c.location)
        if (c.generated_kind === 'v')
          ctx.report('warning', 'sql-unsupported', `Column "${name}" is a VIRTUAL generated column; the model only has STORED ones, so it is imported as STORED.`, c.location)
        column.generated = sql
        break
      }
      case 'CONSTR_EXCLUSION':
        throw new Rejected('EXCLUDE is not allowed on a column', c.location)
      default:
        queued.push({ constraint: c, column: name })
    }
  }
  if (column.identity && column.default) throw new Rejected(`both default and identity specified for column "${name}"`, def.location)
  if (column.generated !== undefined && (column.default || column.identity))
    throw new Rejected(`both default and generation expression specified for column "${name}"`, def.location)
  return { column, queued }
}

/** Sets a default; `nextval('seq')` is remembered so that an owned sequence can become serial. */
export function setDefault(ctx: StatementContext, column: Mutable<Column>, expr: Constraint['raw_expr'], sql: string | undefined): void {
  const castKeepsValue = (t: TypeName) => {
    try {
      return sameValueType(column.type, columnType(ctx.state, t))
    } catch {
      return false
    }
  }
  const d = columnDefault(expr, sql, column, castKeepsValue)
  if (d === undefined) {
    if (sql === undefined) throw new Rejected(`cannot read the default of column "${column.name}"`)
    delete column.default
  } else column.default = d
  ctx.state.nextvals.delete(column.id)
  const seq = nextvalSequence(expr)
  if (seq !== undefined) {
    const parts = splitQualified(seq)
    const schema = parts.length > 1 ? parts[0]! : ctx.state.searchSchemas().find((s) => ctx.state.sequences.has(`${s}.${parts[0]}`))
    if (schema !== undefined) ctx.state.nextvals.set(column.id, `${schema}.${parts[parts.length - 1]}`)
  }
}

/** The sequence of `nextval('name'::regclass)` or `nextval('name')`. */
function nextvalSequence(expr: Constraint['raw_expr']): string | undefined {
  const call = as(expr, 'FuncCall')
  const fn = names(call?.funcname)
  if (!call || fn[fn.length - 1] !== 'nextval' || (fn.length === 2 && fn[0] !== 'pg_catalog') || call.args?.length !== 1) return undefined
  let arg = call.args[0]
  while (as(arg, 'TypeCast')) arg = as(arg, 'TypeCast')!.arg
  return as(arg, 'A_Const')?.sval?.sval
}

/** `public."Foo"` -> ['public', 'Foo'], as regclass input reads it. */
export function splitQualified(text: string): string[] {
  const parts: string[] = []
  const re = /\s*(?:"((?:[^"]|"")*)"|([^".]+))\s*(\.|$)/gy
  let m: RegExpExecArray | null
  while (re.lastIndex < text.length && (m = re.exec(text))) {
    parts.push(m[1] !== undefined ? m[1].replaceAll('""', '"') : m[2]!.trim().toLowerCase())
    if (m[3] === '') break
  }
  return parts
}
