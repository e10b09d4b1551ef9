/**
 * The changes from one version of a design to another, matched by id. Objects with the same id are
 * the same object whatever their names; an id only one side has is an addition or a removal.
 * Effective names are compared for constraints and indexes, so an unnamed primary key that
 * PostgreSQL would call `users_pkey` shows as renamed when its table is renamed (PostgreSQL keeps
 * the old name unless told).
 *
 * Layout never enters: the diff reads schemas only.
 */
import { resolveNames } from '../model/names.ts'
import type { ResolvedNames } from '../model/names.ts'
import { columnMap, constraintsOf, displayTableName, indexSchema } from '../model/queries.ts'
import type { SchemaIndex } from '../model/queries.ts'
import type { Column, Constraint, EnumType, Index, Schema, Table } from '../model/schema.ts'
import { formatColumnType } from '../model/types.ts'
import { neededExtensions } from '../sql/create-statements.ts'
import { alignPublic } from './align.ts'
import type { Change } from './changes.ts'
import { constraintFields, type ExpressionMode, indexFields, sameColumnType, sameComment, sameDefault, sameExpression } from './equality.ts'

export interface DiffOptions {
  /**
   * How SQL fragments (checks, defaults, index expressions) are compared: `exact` (default) for two
   * versions of one design, `loose` when one side was read from a catalog or another tool's file.
   */
  readonly expressions?: ExpressionMode
}

interface Side {
  readonly schema: Schema
  readonly index: SchemaIndex
  readonly names: ResolvedNames
}

/**
 * @example
 *   const changes = diffSchemas(version.schema, document.schema)
 *   changes.filter((c) => c.kind === 'columnRenamed') // renames stay renames
 */
export function diffSchemas(a: Schema, after: Schema, options: DiffOptions = {}): Change[] {
  const b = alignPublic(a, after)
  const mode = options.expressions ?? 'exact'
  const A: Side = { schema: a, index: indexSchema(a), names: resolveNames(a) }
  const B: Side = { schema: b, index: indexSchema(b), names: resolveNames(b) }
  const out: Change[] = []
  diffNamespaces(A, B, out)
  diffExtensions(a, b, out)
  diffEnums(A, B, out)
  for (const tb of b.tables) {
    const ta = A.index.tables.get(tb.id)
    const name = displayTableName(b, tb)
    if (!ta) out.push({ kind: 'tableAdded', id: `tableAdded:${tb.id}`, tableId: tb.id, table: name, tableDef: tb })
    // Even an unchanged table object is visited: a clash elsewhere can renumber its unnamed keys.
    else diffTable(A, B, ta, tb, mode, out)
  }
  for (const ta of a.tables)
    if (!B.index.tables.has(ta.id)) out.push({ kind: 'tableRemoved', id: `tableRemoved:${ta.id}`, tableId: ta.id, table: displayTableName(a, ta), tableDef: ta })
  return out
}

function diffNamespaces(A: Side, B: Side, out: Change[]) {
  for (const nb of B.schema.namespaces) {
    const na = A.index.namespaces.get(nb.id)
    if (!na) {
      out.push({ kind: 'namespaceAdded', id: `namespaceAdded:${nb.id}`, namespace: nb })
      continue
    }
    if (na.name !== nb.name) out.push({ kind: 'namespaceRenamed', id: `namespaceRenamed:${nb.id}`, namespaceId: nb.id, from: na.name, to: nb.name })
    if (!sameComment(na.comment, nb.comment))
      out.push({ kind: 'namespaceCommentChanged', id: `namespaceCommentChanged:${nb.id}`, namespaceId: nb.id, namespace: nb.name, ...comment(na.comment, nb.comment) })
  }
  for (const na of A.schema.namespaces)
    if (!B.index.namespaces.has(na.id)) out.push({ kind: 'namespaceRemoved', id: `namespaceRemoved:${na.id}`, namespace: na })
}

function comment(from: string | undefined, to: string | undefined) {
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) }
}

function diffExtensions(a: Schema, b: Schema, out: Change[]) {
  const ea = new Set(neededExtensions(a))
  const eb = new Set(neededExtensions(b))
  for (const e of eb) if (!ea.has(e)) out.push({ kind: 'extensionAdded', id: `extensionAdded:${e}`, extension: e })
  for (const e of ea) if (!eb.has(e)) out.push({ kind: 'extensionRemoved', id: `extensionRemoved:${e}`, extension: e })
}

const enumName = (side: Side, e: EnumType) => {
  const ns = side.index.namespaces.get(e.namespaceId)?.name ?? '?'
  return ns === 'public' ? e.name : `${ns}.${e.name}`
}

function diffEnums(A: Side, B: Side, out: Change[]) {
  for (const eb of B.schema.enums) {
    const ea = A.index.enums.get(eb.id)
    const ref = { enumId: eb.id, enum: enumName(B, eb) }
    if (!ea) {
      out.push({ kind: 'enumAdded', id: `enumAdded:${eb.id}`, ...ref, enumType: eb })
      continue
    }
    if (ea === eb && A.index.namespaces.get(ea.namespaceId) === B.index.namespaces.get(eb.namespaceId)) continue
    if (ea.name !== eb.name) out.push({ kind: 'enumRenamed', id: `enumRenamed:${eb.id}`, ...ref, from: ea.name, to: eb.name })
    if (ea.namespaceId !== eb.namespaceId)
      out.push({ kind: 'enumMoved', id: `enumMoved:${eb.id}`, ...ref, from: A.index.namespaces.get(ea.namespaceId)?.name ?? '?', to: B.index.namespaces.get(eb.namespaceId)?.name ?? '?' })
    if (!sameComment(ea.comment, eb.comment)) out.push({ kind: 'enumCommentChanged', id: `enumCommentChanged:${eb.id}`, ...ref, ...comment(ea.comment, eb.comment) })
    const before = new Map(ea.values.map((v) => [v.id, v]))
    const after = new Set(eb.values.map((v) => v.id))
    for (const v of eb.values) {
      const old = before.get(v.id)
      if (old && old.name !== v.name) out.push({ kind: 'enumValueRenamed', id: `enumValueRenamed:${v.id}`, ...ref, valueId: v.id, from: old.name, to: v.name })
    }
    for (const v of ea.values) if (!after.has(v.id)) out.push({ kind: 'enumValueRemoved', id: `enumValueRemoved:${v.id}`, ...ref, valueId: v.id, value: v.name })
    const keptA = ea.values.filter((v) => after.has(v.id))
    const keptB = eb.values.filter((v) => before.has(v.id))
    if (keptA.some((v, i) => v.id !== keptB[i]!.id))
      out.push({ kind: 'enumValuesReordered', id: `enumValuesReordered:${eb.id}`, ...ref, from: keptA.map((v) => v.name), to: keptB.map((v) => v.name) })
    eb.values.forEach((v, i) => {
      if (before.has(v.id)) return
      // The nearest labels that already exist: where ALTER TYPE ... ADD VALUE can place it.
      const next = eb.values.slice(i + 1).find((x) => before.has(x.id))
      const prev = eb.values.slice(0, i).reverse().find((x) => before.has(x.id))
      out.push({
        kind: 'enumValueAdded',
        id: `enumValueAdded:${v.id}`,
        ...ref,
        valueId: v.id,
        value: v.name,
        ...(next ? { before: next.name } : {}),
        ...(prev ? { after: prev.name } : {}),
      })
    })
  }
  for (const ea of A.schema.enums)
    if (!B.index.enums.has(ea.id)) out.push({ kind: 'enumRemoved', id: `enumRemoved:${ea.id}`, enumId: ea.id, enum: enumName(A, ea), enumType: ea })
}

function typeText(side: Side, c: Column): string {
  return formatColumnType(c.type, { enumName: (id) => { const e = side.index.enums.get(id); return e ? enumName(side, e) : '?' } })
}

interface TableRef {
  readonly tableId: Table['id']
  readonly table: string
}

/** The table's reference in changes, built only once a change is found (most tables have none). */
class LazyRef {
  #ref: TableRef | undefined
  constructor(
    readonly schema: Schema,
    readonly t: Table,
  ) {}
  get(): TableRef {
    return (this.#ref ??= { tableId: this.t.id, table: displayTableName(this.schema, this.t) })
  }
}

function partitionText(p: NonNullable<Table['partitionBy']>): string {
  return `${p.strategy.toUpperCase()} (${p.key})`
}

function diffTable(A: Side, B: Side, ta: Table, tb: Table, mode: ExpressionMode, out: Change[]) {
  const lazy = new LazyRef(B.schema, tb)
  if (ta.name !== tb.name) out.push({ kind: 'tableRenamed', id: `tableRenamed:${tb.id}`, ...lazy.get(), from: ta.name, to: tb.name })
  if (ta.namespaceId !== tb.namespaceId)
    out.push({ kind: 'tableMoved', id: `tableMoved:${tb.id}`, ...lazy.get(), from: A.index.namespaces.get(ta.namespaceId)?.name ?? '?', to: B.index.namespaces.get(tb.namespaceId)?.name ?? '?' })
  if (!sameComment(ta.comment, tb.comment)) out.push({ kind: 'tableCommentChanged', id: `tableCommentChanged:${tb.id}`, ...lazy.get(), ...comment(ta.comment, tb.comment) })
  if ((ta.unlogged ?? false) !== (tb.unlogged ?? false))
    out.push({ kind: 'tablePersistenceChanged', id: `tablePersistenceChanged:${tb.id}`, ...lazy.get(), unlogged: tb.unlogged ?? false })
  const pa = ta.partitionBy
  const pb = tb.partitionBy
  if ((pa === undefined) !== (pb === undefined) || (pa && pb && (pa.strategy !== pb.strategy || !sameExpression(pa.key, pb.key, mode)))) {
    out.push({ kind: 'tablePartitioningChanged', id: `tablePartitioningChanged:${tb.id}`, ...lazy.get(), ...(pa ? { from: partitionText(pa) } : {}), ...(pb ? { to: partitionText(pb) } : {}) })
  }
  if (ta.columns !== tb.columns) diffColumns(A, B, ta, tb, lazy, mode, out)
  diffConstraints(A, B, ta, tb, lazy, mode, out)
  diffIndexes(A, B, ta, tb, lazy, mode, out)
}

/** Same columns in the same order: pairs by position. Otherwise by id, with a reorder check. */
function diffColumns(A: Side, B: Side, ta: Table, tb: Table, lazy: LazyRef, mode: ExpressionMode, out: Change[]) {
  const ca = ta.columns
  const cb = tb.columns
  let aligned = ca.length === cb.length
  for (let i = 0; aligned && i < ca.length; i++) if (ca[i]!.id !== cb[i]!.id) aligned = false
  if (aligned) {
    for (let i = 0; i < ca.length; i++) if (ca[i] !== cb[i] && columnDiffers(ca[i]!, cb[i]!, mode)) diffColumn(A, B, ca[i]!, cb[i]!, lazy, mode, out)
    return
  }
  const colsA = columnMap(ta)
  const colsB = columnMap(tb)
  for (const c of cb) {
    const old = colsA.get(c.id)
    if (!old) out.push({ kind: 'columnAdded', id: `columnAdded:${c.id}`, ...lazy.get(), columnId: c.id, column: c.name, columnDef: c })
    else if (old !== c && columnDiffers(old, c, mode)) diffColumn(A, B, old, c, lazy, mode, out)
  }
  for (const c of ca) if (!colsB.has(c.id)) out.push({ kind: 'columnRemoved', id: `columnRemoved:${c.id}`, ...lazy.get(), columnId: c.id, column: c.name, columnDef: c })
  const keptA = ca.filter((c) => colsB.has(c.id))
  const keptB = cb.filter((c) => colsA.has(c.id))
  if (keptA.some((c, i) => c.id !== keptB[i]!.id))
    out.push({ kind: 'columnsReordered', id: `columnsReordered:${tb.id}`, ...lazy.get(), from: keptA.map((c) => c.name), to: keptB.map((c) => c.name) })
}

function columnDiffers(a: Column, b: Column, mode: ExpressionMode): boolean {
  return (
    a.name !== b.name ||
    a.nullable !== b.nullable ||
    a.identity !== b.identity ||
    a.collation !== b.collation ||
    !sameColumnType(a.type, b.type) ||
    !sameDefault(a.default, b.default, mode) ||
    !sameExpression(a.generated, b.generated, mode) ||
    !sameComment(a.comment, b.comment)
  )
}

function diffColumn(A: Side, B: Side, ca: Column, cb: Column, lazy: LazyRef, mode: ExpressionMode, out: Change[]) {
  const cref = { ...lazy.get(), columnId: cb.id, column: cb.name }
  if (ca.name !== cb.name) out.push({ kind: 'columnRenamed', id: `columnRenamed:${cb.id}`, ...cref, from: ca.name, to: cb.name })
  if (!sameColumnType(ca.type, cb.type))
    out.push({ kind: 'columnRetyped', id: `columnRetyped:${cb.id}`, ...cref, from: ca.type, to: cb.type, fromText: typeText(A, ca), toText: typeText(B, cb) })
  if (ca.nullable !== cb.nullable) out.push({ kind: 'columnNullabilityChanged', id: `columnNullabilityChanged:${cb.id}`, ...cref, nullable: cb.nullable })
  if (!sameDefault(ca.default, cb.default, mode))
    out.push({ kind: 'columnDefaultChanged', id: `columnDefaultChanged:${cb.id}`, ...cref, ...(ca.default ? { from: ca.default } : {}), ...(cb.default ? { to: cb.default } : {}) })
  if (ca.identity !== cb.identity)
    out.push({ kind: 'columnIdentityChanged', id: `columnIdentityChanged:${cb.id}`, ...cref, ...(ca.identity ? { from: ca.identity } : {}), ...(cb.identity ? { to: cb.identity } : {}) })
  if (!sameExpression(ca.generated, cb.generated, mode))
    out.push({ kind: 'columnGeneratedChanged', id: `columnGeneratedChanged:${cb.id}`, ...cref, ...(ca.generated !== undefined ? { from: ca.generated } : {}), ...(cb.generated !== undefined ? { to: cb.generated } : {}) })
  if (ca.collation !== cb.collation)
    out.push({ kind: 'columnCollationChanged', id: `columnCollationChanged:${cb.id}`, ...cref, ...(ca.collation ? { from: ca.collation } : {}), ...(cb.collation ? { to: cb.collation } : {}) })
  if (!sameComment(ca.comment, cb.comment)) out.push({ kind: 'columnCommentChanged', id: `columnCommentChanged:${cb.id}`, ...cref, ...comment(ca.comment, cb.comment) })
}

/** The same constraints, in the same lists and order: the common case, compared pair by pair. */
function sameConstraintLayout(ta: Table, tb: Table): boolean {
  if (ta.primaryKey?.id !== tb.primaryKey?.id) return false
  const same = (x: ReadonlyArray<{ id: string }>, y: ReadonlyArray<{ id: string }>) => {
    if (x.length !== y.length) return false
    for (let i = 0; i < x.length; i++) if (x[i]!.id !== y[i]!.id) return false
    return true
  }
  return same(ta.uniques, tb.uniques) && same(ta.checks, tb.checks) && same(ta.foreignKeys, tb.foreignKeys)
}

function diffConstraintPair(A: Side, B: Side, ca: Constraint, cb: Constraint, lazy: LazyRef, mode: ExpressionMode, out: Change[]) {
  const nameA = A.names.constraints.get(ca.id) ?? '?'
  const nameB = B.names.constraints.get(cb.id) ?? '?'
  if (nameA !== nameB)
    out.push({ kind: 'constraintRenamed', id: `constraintRenamed:${cb.id}`, ...lazy.get(), constraintId: cb.id, from: nameA, to: nameB, implicit: ca.name === undefined && cb.name === undefined })
  if (ca === cb) return
  const fields = constraintFields(ca, cb, mode)
  if (fields.length > 0) out.push({ kind: 'constraintChanged', id: `constraintChanged:${cb.id}`, ...lazy.get(), before: ca, after: cb, name: nameB, fields })
  if (!sameComment(ca.comment, cb.comment))
    out.push({ kind: 'constraintCommentChanged', id: `constraintCommentChanged:${cb.id}`, ...lazy.get(), constraintId: cb.id, name: nameB, ...comment(ca.comment, cb.comment) })
}

function diffConstraints(A: Side, B: Side, ta: Table, tb: Table, lazy: LazyRef, mode: ExpressionMode, out: Change[]) {
  if (sameConstraintLayout(ta, tb)) {
    if (ta.primaryKey && tb.primaryKey) diffConstraintPair(A, B, ta.primaryKey, tb.primaryKey, lazy, mode, out)
    for (let i = 0; i < tb.uniques.length; i++) diffConstraintPair(A, B, ta.uniques[i]!, tb.uniques[i]!, lazy, mode, out)
    for (let i = 0; i < tb.checks.length; i++) diffConstraintPair(A, B, ta.checks[i]!, tb.checks[i]!, lazy, mode, out)
    for (let i = 0; i < tb.foreignKeys.length; i++) diffConstraintPair(A, B, ta.foreignKeys[i]!, tb.foreignKeys[i]!, lazy, mode, out)
    return
  }
  const before = new Map<string, Constraint>(constraintsOf(ta).map((c) => [c.id, c]))
  const after = new Set(constraintsOf(tb).map((c) => c.id))
  for (const cb of constraintsOf(tb)) {
    const ca = before.get(cb.id)
    if (!ca || ca.kind !== cb.kind) {
      if (ca) out.push({ kind: 'constraintRemoved', id: `constraintRemoved:${ca.id}`, ...lazy.get(), constraint: ca, name: A.names.constraints.get(ca.id) ?? '?' })
      out.push({ kind: 'constraintAdded', id: `constraintAdded:${cb.id}`, ...lazy.get(), constraint: cb, name: B.names.constraints.get(cb.id) ?? '?' })
      continue
    }
    diffConstraintPair(A, B, ca, cb, lazy, mode, out)
  }
  for (const ca of constraintsOf(ta))
    if (!after.has(ca.id)) out.push({ kind: 'constraintRemoved', id: `constraintRemoved:${ca.id}`, ...lazy.get(), constraint: ca, name: A.names.constraints.get(ca.id) ?? '?' })
}

function diffIndexPair(A: Side, B: Side, ia: Index, ib: Index, lazy: LazyRef, mode: ExpressionMode, out: Change[]) {
  const nameA = A.names.indexes.get(ia.id) ?? '?'
  const nameB = B.names.indexes.get(ib.id) ?? '?'
  if (nameA !== nameB) out.push({ kind: 'indexRenamed', id: `indexRenamed:${ib.id}`, ...lazy.get(), indexId: ib.id, from: nameA, to: nameB, implicit: ia.name === undefined && ib.name === undefined })
  if (ia === ib) return
  const fields = indexFields(ia, ib, mode)
  if (fields.length > 0) out.push({ kind: 'indexChanged', id: `indexChanged:${ib.id}`, ...lazy.get(), before: ia, after: ib, name: nameB, fields })
  if (!sameComment(ia.comment, ib.comment)) out.push({ kind: 'indexCommentChanged', id: `indexCommentChanged:${ib.id}`, ...lazy.get(), indexId: ib.id, name: nameB, ...comment(ia.comment, ib.comment) })
}

function diffIndexes(A: Side, B: Side, ta: Table, tb: Table, lazy: LazyRef, mode: ExpressionMode, out: Change[]) {
  const xa = ta.indexes
  const xb = tb.indexes
  let aligned = xa.length === xb.length
  for (let i = 0; aligned && i < xa.length; i++) if (xa[i]!.id !== xb[i]!.id) aligned = false
  if (aligned) {
    for (let i = 0; i < xa.length; i++) diffIndexPair(A, B, xa[i]!, xb[i]!, lazy, mode, out)
    return
  }
  const before = new Map(xa.map((i) => [i.id, i]))
  const after = new Set(xb.map((i) => i.id))
  for (const ib of xb) {
    const ia = before.get(ib.id)
    if (!ia) out.push({ kind: 'indexAdded', id: `indexAdded:${ib.id}`, ...lazy.get(), index: ib, name: B.names.indexes.get(ib.id) ?? '?' })
    else diffIndexPair(A, B, ia, ib, lazy, mode, out)
  }
  for (const ia of xa) if (!after.has(ia.id)) out.push({ kind: 'indexRemoved', id: `indexRemoved:${ia.id}`, ...lazy.get(), index: ia, name: A.names.indexes.get(ia.id) ?? '?' })
}
