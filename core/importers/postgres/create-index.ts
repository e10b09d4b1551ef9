/**
 * CREATE [UNIQUE] INDEX in all its forms: method, expressions, opclass, collation, ASC/DESC,
 * NULLS FIRST/LAST, INCLUDE, WHERE, NULLS NOT DISTINCT, ON ONLY. The parse tree gives the parts;
 * expression texts come from the tokens, element by element.
 */
import type { IndexElem, IndexStmt } from 'libpg-query'
import type { ColumnId } from '../../model/ids.ts'
import { indexColumnNames, joinNameParts } from '../../model/names.ts'
import type { Index, IndexKey, IndexMethod } from '../../model/schema.ts'
import { indexMethods } from '../../model/schema.ts'
import { as, names, rangeVarName } from './ast.ts'
import { columnIds } from './constraints.ts'
import type { Outcome } from './outcome.ts'
import type { StatementSource } from './source.ts'
import type { DraftTable, Mutable, StatementContext } from './state.ts'
import { Rejected } from './state.ts'

export function createIndex(ctx: StatementContext, stmt: IndexStmt): Outcome {
  const { state } = ctx
  const tableName = rangeVarName(stmt.relation)
  const table = state.findTable(tableName)
  if (!table) {
    const other = state.findOtherRelation(tableName)
    if (other) return { skipped: `the index is on ${other} "${tableName.name}", which is not part of the model` }
    throw new Rejected(`relation "${tableName.name}" does not exist`, stmt.relation?.location)
  }
  const method = (stmt.accessMethod ?? 'btree') as IndexMethod
  if (!indexMethods.includes(method)) return { skipped: `the index method "${method}" is not part of the model` }
  if (stmt.excludeOpNames?.length) return { skipped: 'exclusion indexes are not part of the model' }
  const rel = state.relations(table.namespaceId)
  if (stmt.idxname !== undefined && rel.has(stmt.idxname)) {
    if (stmt.if_not_exists) return { skipped: `relation "${stmt.idxname}" already exists (IF NOT EXISTS)` }
    throw new Rejected(`relation "${stmt.idxname}" already exists`)
  }
  const elements = (stmt.indexParams ?? []).flatMap((n) => as(n, 'IndexElem') ?? [])
  const texts = elementTexts(ctx.source, stmt, elements.length)
  const keys = elements.map((e, i) => indexKey(ctx, table, e, texts?.[i]))
  const index: Mutable<Index> = {
    id: state.ids.next('index'),
    unique: stmt.unique ?? false,
    method,
    keys,
    include: columnIds(table, (stmt.indexIncludingParams ?? []).map((n) => as(n, 'IndexElem')?.name ?? '')),
  }
  if (stmt.whereClause) {
    const where = whereText(ctx.source, stmt)
    if (where === undefined) throw new Rejected('cannot read the WHERE clause of the index')
    index.where = where
  }
  if (stmt.nulls_not_distinct) index.nullsNotDistinct = true
  index.name = stmt.idxname ?? state.chooseRelationName(table.namespaceId, table.name, joinNameParts(indexColumnNames(table, index)), 'idx', false)
  rel.add(index.name)
  table.indexes.push(index)
  return 'imported'
}

function indexKey(ctx: StatementContext, table: DraftTable, e: IndexElem, text: string | undefined): IndexKey {
  const options: { order?: 'desc'; nulls?: 'first' | 'last'; opclass?: string; collation?: string } = {}
  const desc = e.ordering === 'SORTBY_DESC'
  if (desc) options.order = 'desc'
  if (e.ordering === 'SORTBY_USING') ctx.report('warning', 'sql-unsupported', 'ORDER BY ... USING in an index key is not part of the model; the key is ascending.')
  // NULLS FIRST/LAST is kept only where it is not the default for the direction.
  if (e.nulls_ordering === 'SORTBY_NULLS_FIRST' && !desc) options.nulls = 'first'
  if (e.nulls_ordering === 'SORTBY_NULLS_LAST' && desc) options.nulls = 'last'
  const opclass = names(e.opclass)
  if (opclass.length) options.opclass = (opclass[0] === 'pg_catalog' ? opclass.slice(1) : opclass).join('.')
  if (e.opclassopts?.length) ctx.report('warning', 'sql-unsupported', `Operator class options of "${options.opclass}" are not part of the model; they were left out.`)
  const collation = names(e.collation).pop()
  if (collation !== undefined) options.collation = collation
  if (e.name !== undefined) return { kind: 'column', columnId: columnIds(table, [e.name])[0]!, ...options }
  // PostgreSQL treats "(column)" and "(column COLLATE x)" as plain column keys.
  let expr = e.expr
  const collate = as(expr, 'CollateClause')
  if (collate) expr = collate.arg
  const ref = as(expr, 'ColumnRef')
  const refName = ref?.fields?.length === 1 ? names(ref.fields)[0] : undefined
  const column = refName !== undefined ? table.columns.find((c) => c.name === refName) : undefined
  if (column) {
    const coll = collate ? names(collate.collname).pop() : undefined
    return { kind: 'column', columnId: column.id as ColumnId, ...options, ...(coll !== undefined && options.collation === undefined ? { collation: coll } : {}) }
  }
  if (text === undefined) throw new Rejected('cannot read an index expression')
  return { kind: 'expression', sql: text, ...options }
}

/**
 * The text of each key expression: the elements of the parenthesised key list, split at commas,
 * each either `(expression)` or a function call `f(...)`.
 */
function elementTexts(src: StatementSource, stmt: IndexStmt, count: number): string[] | undefined {
  const t = src.tokens
  const open = keyListStart(src, stmt)
  if (open < 0) return undefined
  const close = src.closing(open)
  const out: string[] = []
  let start = open + 1
  let depth = 0
  for (let i = open + 1; i <= close; i++) {
    const v = t[i]!
    if (v.kind === 'punct' && (v.value === '(' || v.value === '[')) depth++
    else if (v.kind === 'punct' && (v.value === ')' || v.value === ']') && i < close) depth--
    else if (i === close || (depth === 0 && v.kind === 'punct' && v.value === ',')) {
      out.push(elementExpression(src, start, i - 1))
      start = i + 1
    }
  }
  return out.length === count ? out : undefined
}

function elementExpression(src: StatementSource, from: number, to: number): string {
  const t = src.tokens
  const first = t[from]
  if (first?.kind === 'punct' && first.value === '(') {
    const close = src.closing(from)
    return src.sql(from + 1, close - 1)
  }
  // A function call, perhaps schema-qualified: up to the parenthesis that closes its arguments.
  for (let i = from; i <= to; i++)
    if (t[i]!.kind === 'punct' && t[i]!.value === '(') return src.sql(from, src.closing(i))
  return src.sql(from, to)
}

/** The token opening the key list: after `ON [ONLY] table [USING method]`. */
function keyListStart(src: StatementSource, stmt: IndexStmt): number {
  const t = src.tokens
  let i = src.tokenAt(stmt.relation?.location ?? 0)
  while (t[i + 1]?.kind === 'punct' && t[i + 1]!.value === '.') i += 2
  for (i++; i < t.length; i++) if (t[i]!.kind === 'punct' && t[i]!.value === '(') return i
  return -1
}

function whereText(src: StatementSource, stmt: IndexStmt): string | undefined {
  const t = src.tokens
  const open = keyListStart(src, stmt)
  let depth = 0
  for (let i = src.closing(open) + 1; i > 0 && i < t.length; i++) {
    const v = t[i]!
    if (v.kind === 'punct' && v.value === '(') depth++
    else if (v.kind === 'punct' && v.value === ')') depth--
    else if (depth === 0 && v.kind === 'word' && v.value === 'where') {
      let end = t.length - 1
      if (t[end]!.kind === 'punct' && t[end]!.value === ';') end--
      return end > i ? src.sql(i + 1, end) : undefined
    }
  }
  return undefined
}
