/**
 * Moving a design between the main thread and the worker without cloning all of it on every edit.
 * An edit replaces only the table objects it touches (structural sharing), so the delta between two
 * versions is the tables whose object changed, plus the table order when it changed. The side that
 * applies a delta keeps its own objects for every table that did not change, which is exactly what
 * the incremental linter needs to reuse its per-table results.
 */
import type { Schema, Table, TableId } from '@core'

export interface SchemaDelta {
  /** Every table id in order, when the list of tables (membership or order) changed. */
  readonly order?: readonly TableId[]
  /** Tables that are new or whose object changed. */
  readonly tables: readonly Table[]
  readonly namespaces?: Schema['namespaces']
  readonly enums?: Schema['enums']
  readonly extensions?: Schema['extensions']
}

/** What turns `prev` into `next`; with no `prev`, the whole of `next`. */
export function diffSchemaObjects(prev: Schema | undefined, next: Schema): SchemaDelta {
  if (!prev) {
    return {
      order: next.tables.map((t) => t.id),
      tables: next.tables,
      namespaces: next.namespaces,
      enums: next.enums,
      extensions: next.extensions,
    }
  }
  const before = new Map<TableId, Table>()
  for (const t of prev.tables) before.set(t.id, t)
  const tables: Table[] = []
  let sameOrder = prev.tables.length === next.tables.length
  for (let i = 0; i < next.tables.length; i++) {
    const t = next.tables[i]!
    if (before.get(t.id) !== t) tables.push(t)
    if (sameOrder && prev.tables[i]!.id !== t.id) sameOrder = false
  }
  return {
    tables,
    ...(sameOrder ? {} : { order: next.tables.map((t) => t.id) }),
    ...(prev.namespaces === next.namespaces ? {} : { namespaces: next.namespaces }),
    ...(prev.enums === next.enums ? {} : { enums: next.enums }),
    ...(prev.extensions === next.extensions ? {} : { extensions: next.extensions }),
  }
}

export function isEmptyDelta(delta: SchemaDelta): boolean {
  return delta.tables.length === 0 && !delta.order && !delta.namespaces && !delta.enums && !delta.extensions
}

/** `base` with `delta` applied; tables the delta does not carry keep their object from `base`. */
export function applySchemaDelta(base: Schema, delta: SchemaDelta): Schema {
  if (isEmptyDelta(delta)) return base
  const byId = new Map<TableId, Table>()
  for (const t of base.tables) byId.set(t.id, t)
  for (const t of delta.tables) byId.set(t.id, t)
  const order = delta.order ?? base.tables.map((t) => t.id)
  const tables = order.map((id) => {
    const t = byId.get(id)
    if (!t) throw new Error(`The design update names table ${id}, which neither side has.`)
    return t
  })
  return {
    namespaces: delta.namespaces ?? base.namespaces,
    enums: delta.enums ?? base.enums,
    tables,
    extensions: delta.extensions ?? base.extensions,
  }
}
