/**
 * Random sequences of edits for the migration property tests: renames (and swaps of names),
 * retypes (a key with the foreign keys that use it), moves between schemas, enum labels added,
 * removed, renamed and reordered, foreign key actions and timing, nullability, defaults, columns,
 * indexes, uniques, checks, comments and whole tables. Each edit goes through core/model/edits.ts
 * and is kept only when the result is still a valid design; retypes are limited to conversions
 * the sample rows survive (the hard cases cover the others with explicit USING expressions).
 */
import fc from 'fast-check'
import type { GeneratorValue } from 'fast-check'
import * as edits from '../model/edits.ts'
import type { ColumnId, IdGenerator, TableId } from '../model/ids.ts'
import { sequentialIds } from '../model/ids.ts'
import { indexSchema } from '../model/queries.ts'
import type { Column, ColumnType, FkAction, Schema, Table } from '../model/schema.ts'
import { checkStructure } from '../model/validate.ts'
import { quoteIdent } from '../sql/quote.ts'
import { nameArb } from './arbitrary.ts'

type Gen = GeneratorValue
type Edit = (s: Schema, g: Gen, ids: IdGenerator) => Schema | undefined

const pick = <T>(g: Gen, xs: readonly T[]): T | undefined => (xs.length ? xs[g(fc.nat, xs.length - 1)] : undefined)

function freshName(g: Gen, taken: Iterable<string>): string {
  const set = new Set(taken)
  for (let i = 0; ; i++) {
    const n = g(() => nameArb)
    const name = i > 5 ? `${n}_${i}` : n
    if (!set.has(name)) return name
  }
}

/** Conversions whose sample values survive: widenings, and anything to text. */
function widen(t: ColumnType): ColumnType | undefined {
  if (t.kind === 'enum') return { kind: 'builtin', name: 'text', arrayDims: t.arrayDims }
  if (t.kind !== 'builtin' || t.arrayDims > 0) return undefined
  switch (t.name) {
    case 'smallint':
      return { kind: 'builtin', name: 'integer', arrayDims: 0 }
    case 'integer':
      return { kind: 'builtin', name: 'bigint', arrayDims: 0 }
    case 'varchar':
      return { kind: 'builtin', name: 'text', arrayDims: 0 }
    case 'text':
      return { kind: 'builtin', name: 'varchar', length: 80, arrayDims: 0 }
    case 'numeric':
      return { kind: 'builtin', name: 'numeric', precision: 14, scale: 2, arrayDims: 0 }
    case 'boolean':
    case 'uuid':
    case 'jsonb':
      return { kind: 'builtin', name: 'text', arrayDims: 0 }
    case 'date':
      return { kind: 'builtin', name: 'timestamptz', arrayDims: 0 }
    default:
      return undefined
  }
}

/** The columns a retype must change together: linked by foreign keys, either way. */
function fkGroup(s: Schema, tableId: TableId, columnId: ColumnId): Array<[TableId, ColumnId]> {
  const out = new Map<string, [TableId, ColumnId]>()
  const queue: Array<[TableId, ColumnId]> = [[tableId, columnId]]
  while (queue.length) {
    const [t, c] = queue.pop()!
    const key = `${t}.${c}`
    if (out.has(key)) continue
    out.set(key, [t, c])
    for (const table of s.tables)
      for (const fk of table.foreignKeys)
        fk.columns.forEach((col, i) => {
          const target = fk.target.columns[i]!
          if (table.id === t && col === c) queue.push([fk.target.tableId, target])
          if (fk.target.tableId === t && target === c) queue.push([table.id, col])
        })
  }
  return [...out.values()]
}

const column = (s: Schema, t: TableId, c: ColumnId) => indexSchema(s).tables.get(t)!.columns.find((x) => x.id === c)!
const inCheck = (t: Table, c: Column) => t.checks.some((k) => k.expression.includes(quoteIdent(c.name)))
const inIndexExpression = (t: Table, c: Column) => t.indexes.some((i) => i.where?.includes(quoteIdent(c.name)) || i.keys.some((k) => k.kind === 'expression' && k.sql.includes(quoteIdent(c.name))))

const editors: Record<string, Edit> = {
  renameTable(s, g) {
    const t = pick(g, s.tables)
    return t && edits.renameTable(s, t.id, freshName(g, [...s.tables.map((x) => x.name), ...s.enums.map((e) => e.name)]))
  },
  renameColumn(s, g) {
    const t = pick(g, s.tables)
    const c = t && pick(g, t.columns)
    if (!t || !c || inCheck(t, c) || inIndexExpression(t, c)) return undefined
    return edits.renameColumn(s, t.id, c.id, freshName(g, t.columns.map((x) => x.name)))
  },
  swapColumnNames(s, g) {
    const t = pick(g, s.tables.filter((x) => x.columns.length >= 2))
    if (!t) return undefined
    const [x, y] = g(fc.shuffledSubarray, t.columns as Column[], { minLength: 2, maxLength: 2 })
    if (!x || !y || [x, y].some((c) => inCheck(t, c) || inIndexExpression(t, c))) return undefined
    return edits.renameColumn(edits.renameColumn(s, t.id, x.id, y.name), t.id, y.id, x.name)
  },
  retype(s, g) {
    const t = pick(g, s.tables)
    const c = t && pick(g, t.columns)
    if (!t || !c) return undefined
    const to = widen(c.type)
    if (!to) return undefined
    let next = s
    for (const [tid, cid] of fkGroup(s, t.id, c.id)) {
      const col = column(s, tid, cid)
      const table = indexSchema(s).tables.get(tid)!
      if (col.identity && !(to.kind === 'builtin' && (to.name === 'bigint' || to.name === 'integer'))) return undefined
      if (inIndexExpression(table, col) && !(to.kind === 'builtin' && (to.name === 'text' || to.name === 'varchar'))) return undefined
      if (col.type.kind !== c.type.kind || JSON.stringify(col.type) !== JSON.stringify(c.type)) return undefined
      next = edits.setColumnType(next, tid, cid, to)
    }
    return next
  },
  moveTable(s, g, ids) {
    const t = pick(g, s.tables)
    if (!t) return undefined
    let next = s
    let target = pick(g, s.namespaces.filter((n) => n.id !== t.namespaceId))
    if (!target || g(fc.boolean)) {
      const id = ids.next('namespace')
      next = edits.addNamespace(next, { id, name: freshName(g, s.namespaces.map((n) => n.name)) })
      target = next.namespaces.find((n) => n.id === id)!
    }
    return edits.moveTableToNamespace(next, t.id, target.id)
  },
  renameNamespace(s, g) {
    const n = pick(g, s.namespaces.filter((x) => x.name !== 'public'))
    return n && edits.renameNamespace(s, n.id, freshName(g, s.namespaces.map((x) => x.name)))
  },
  renameEnum(s, g) {
    const e = pick(g, s.enums)
    return e && edits.renameEnum(s, e.id, freshName(g, [...s.tables.map((x) => x.name), ...s.enums.map((x) => x.name)]))
  },
  moveEnum(s, g) {
    const e = pick(g, s.enums)
    const n = e && pick(g, s.namespaces.filter((x) => x.id !== e.namespaceId))
    return e && n ? { ...s, enums: s.enums.map((x) => (x.id === e.id ? { ...x, namespaceId: n.id } : x)) } : undefined
  },
  addLabel(s, g, ids) {
    const e = pick(g, s.enums)
    return e && edits.addEnumValue(s, e.id, { id: ids.next('enumValue'), name: freshName(g, e.values.map((v) => v.name)) }, g(fc.nat, e.values.length))
  },
  renameLabel(s, g) {
    const e = pick(g, s.enums)
    const v = e && pick(g, e.values)
    if (!e || !v) return undefined
    const to = freshName(g, e.values.map((x) => x.name))
    return renameLabelEverywhere(edits.renameEnumValue(s, e.id, v.id, to), e.id, v.name, to)
  },
  removeLabel(s, g) {
    const e = pick(g, s.enums.filter((x) => x.values.length >= 2))
    const v = e && pick(g, e.values)
    if (!e || !v) return undefined
    const keep = e.values.find((x) => x.id !== v.id)!.name
    return renameLabelEverywhere(edits.removeEnumValue(s, e.id, v.id), e.id, v.name, keep)
  },
  reorderLabels(s, g) {
    const e = pick(g, s.enums.filter((x) => x.values.length >= 2))
    const v = e && pick(g, e.values)
    return e && v ? edits.moveEnumValue(s, e.id, v.id, g(fc.nat, e.values.length - 1)) : undefined
  },
  changeFkAction(s, g) {
    const t = pick(g, s.tables.filter((x) => x.foreignKeys.length))
    const fk = t && pick(g, t.foreignKeys)
    if (!t || !fk) return undefined
    const nullable = fk.columns.every((id) => t.columns.find((c) => c.id === id)!.nullable)
    const actions: FkAction[] = nullable ? ['cascade', 'restrict', 'set null', 'no action'] : ['cascade', 'restrict', 'no action']
    return edits.updateConstraint(s, t.id, fk.id, { onDelete: g(fc.constantFrom, ...actions) })
  },
  toggleDeferrable(s, g) {
    const t = pick(g, s.tables.filter((x) => x.foreignKeys.length))
    const fk = t && pick(g, t.foreignKeys)
    return t && fk ? edits.updateConstraint(s, t.id, fk.id, { deferrable: fk.deferrable ? undefined : 'initially deferred' }) : undefined
  },
  removeFk(s, g) {
    const t = pick(g, s.tables.filter((x) => x.foreignKeys.length))
    const fk = t && pick(g, t.foreignKeys)
    return t && fk ? edits.removeConstraint(s, t.id, fk.id) : undefined
  },
  flipNullability(s, g) {
    const t = pick(g, s.tables)
    const c = t && pick(g, t.columns.filter((x) => !x.identity && !t.primaryKey?.columns.includes(x.id)))
    if (!t || !c) return undefined
    // SET NULL needs a nullable column: a foreign key with it keeps its columns nullable.
    if (c.nullable && t.foreignKeys.some((f) => f.onDelete === 'set null' && f.columns.includes(c.id))) return undefined
    return edits.updateColumn(s, t.id, c.id, { nullable: !c.nullable })
  },
  setDefault(s, g) {
    const t = pick(g, s.tables)
    const c = t && pick(g, t.columns.filter((x) => !x.identity && x.type.kind === 'builtin' && x.type.arrayDims === 0 && ['text', 'integer', 'bigint'].includes(x.type.name)))
    if (!t || !c) return undefined
    const value = c.type.kind === 'builtin' && c.type.name === 'text' ? g(fc.constantFrom, 'none', "o'clock", '') : String(g(fc.integer, { min: -5, max: 5 }))
    return edits.updateColumn(s, t.id, c.id, { default: c.default && g(fc.boolean) ? undefined : { kind: 'literal', value } })
  },
  addColumn(s, g, ids) {
    const t = pick(g, s.tables)
    if (!t) return undefined
    const kind = g(fc.nat, 3)
    const name = freshName(g, t.columns.map((c) => c.name))
    const type: ColumnType = kind === 3 ? { kind: 'builtin', name: 'uuid', arrayDims: 0 } : { kind: 'builtin', name: kind === 1 ? 'integer' : 'text', arrayDims: 0 }
    const column: Column =
      kind === 0
        ? { id: ids.next('column'), name, type, nullable: true }
        : kind === 1
          ? { id: ids.next('column'), name, type, nullable: false, default: { kind: 'literal', value: '7' } }
          : kind === 2
            ? { id: ids.next('column'), name, type, nullable: false }
            : { id: ids.next('column'), name, type, nullable: false, default: { kind: 'expression', sql: 'gen_random_uuid()' } }
    return edits.addColumn(s, t.id, column)
  },
  dropColumn(s, g) {
    const t = pick(g, s.tables.filter((x) => x.columns.length >= 2))
    const c = t && pick(g, t.columns)
    if (!t || !c || inCheck(t, c) || inIndexExpression(t, c)) return undefined
    return edits.removeColumn(s, t.id, c.id)
  },
  addIndex(s, g, ids) {
    const t = pick(g, s.tables)
    const c = t && pick(g, t.columns)
    return t && c ? edits.addIndex(s, t.id, { id: ids.next('index'), unique: false, method: 'btree', keys: [{ kind: 'column', columnId: c.id, ...(g(fc.boolean) ? { order: 'desc' as const } : {}) }], include: [] }) : undefined
  },
  dropIndex(s, g) {
    const t = pick(g, s.tables.filter((x) => x.indexes.length))
    const i = t && pick(g, t.indexes)
    return t && i ? edits.removeIndex(s, t.id, i.id) : undefined
  },
  changeIndex(s, g) {
    const t = pick(g, s.tables.filter((x) => x.indexes.length))
    const i = t && pick(g, t.indexes)
    return t && i ? edits.updateIndex(s, t.id, i.id, { keys: i.keys.map((k) => ({ ...k, order: k.order ? undefined : ('desc' as const) })) }) : undefined
  },
  addUnique(s, g, ids) {
    const t = pick(g, s.tables)
    const c = t && pick(g, t.columns.filter((x) => x.type.kind === 'builtin' && x.type.name !== 'boolean' && x.type.arrayDims === 0 && !x.default))
    return t && c ? edits.addUnique(s, t.id, { kind: 'unique', id: ids.next('constraint'), columns: [c.id] }) : undefined
  },
  dropUnique(s, g) {
    const t = pick(g, s.tables.filter((x) => x.uniques.length))
    const u = t && pick(g, t.uniques)
    if (!t || !u) return undefined
    const used = s.tables.some((x) => x.foreignKeys.some((f) => f.target.tableId === t.id && f.target.columns.length === u.columns.length && f.target.columns.every((c) => u.columns.includes(c))))
    return used ? undefined : edits.removeConstraint(s, t.id, u.id)
  },
  addCheck(s, g, ids) {
    const t = pick(g, s.tables)
    const c = t && pick(g, t.columns)
    return t && c ? edits.addCheck(s, t.id, { kind: 'check', id: ids.next('constraint'), name: freshName(g, t.checks.map((x) => x.name)), expression: `${quoteIdent(c.name)} IS NULL OR ${quoteIdent(c.name)} IS NOT NULL` }) : undefined
  },
  dropCheck(s, g) {
    const t = pick(g, s.tables.filter((x) => x.checks.length))
    const c = t && pick(g, t.checks)
    return t && c ? edits.removeConstraint(s, t.id, c.id) : undefined
  },
  comment(s, g) {
    const t = pick(g, s.tables)
    if (!t) return undefined
    const text = g(fc.constantFrom, undefined, 'a comment', "it's ✓", 'changed')
    const c = g(fc.boolean) ? pick(g, t.columns) : undefined
    return c ? edits.updateColumn(s, t.id, c.id, { comment: text }) : edits.setTableComment(s, t.id, text)
  },
  addTable(s, g, ids) {
    const ns = pick(g, s.namespaces)!
    const id = ids.next('column')
    return edits.addTable(s, {
      id: ids.next('table'),
      namespaceId: ns.id,
      name: freshName(g, [...s.tables.map((t) => t.name), ...s.enums.map((e) => e.name)]),
      columns: [{ id, name: 'id', type: { kind: 'builtin', name: 'bigint', arrayDims: 0 }, nullable: false, identity: 'by-default' }],
      primaryKey: { kind: 'primaryKey', id: ids.next('constraint'), columns: [id] },
    })
  },
  removeTable(s, g) {
    const t = pick(g, s.tables)
    return t && edits.removeTable(s, t.id)
  },
}

/** Defaults that name a label follow it (a renamed or removed label). */
function renameLabelEverywhere(s: Schema, enumId: string, from: string, to: string): Schema {
  return {
    ...s,
    tables: s.tables.map((t) =>
      t.columns.some((c) => c.type.kind === 'enum' && c.type.enumId === enumId && c.default?.kind === 'literal')
        ? {
            ...t,
            columns: t.columns.map((c) => {
              if (c.type.kind !== 'enum' || c.type.enumId !== enumId || c.default?.kind !== 'literal') return c
              if (c.type.arrayDims > 0) return c.default.value.includes(from) ? { ...c, default: { kind: 'literal', value: '{}' } } : c
              return c.default.value === from ? { ...c, default: { kind: 'literal', value: to } } : c
            }),
          }
        : t,
    ),
  }
}

export const editKinds = Object.keys(editors)

/** Applies 1 to `max` random edits to `a`; an edit that would make the design invalid is skipped. */
export function randomEdits(g: Gen, a: Schema, max = 6): { schema: Schema; applied: string[] } {
  const ids = sequentialIds(1, 'e')
  let s = a
  const applied: string[] = []
  for (let n = g(fc.integer, { min: 1, max }); n > 0; n--) {
    const kind = g(fc.constantFrom, ...editKinds)
    let next: Schema | undefined
    try {
      next = editors[kind]!(s, g, ids)
    } catch {
      next = undefined
    }
    if (!next || checkStructure(next).diagnostics.some((d) => d.severity === 'error')) continue
    s = next
    applied.push(kind)
  }
  return { schema: s, applied }
}
