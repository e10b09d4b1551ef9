/**
 * The model's structural check (`checkStructure`: what PostgreSQL would reject) reports under the
 * same ids as the integrity rules. Those rules read its findings instead of checking twice; it runs
 * once per schema object however many rules ask.
 */
import type { Diagnostic, DiagnosticTarget } from '../../diagnostics.ts'
import { checkStructure } from '../../model/validate.ts'
import type { SchemaIndex } from '../../model/queries.ts'
import type { Schema } from '../../model/schema.ts'
import type { ReportTarget } from '../types.ts'

const cache = new WeakMap<Schema, ReadonlyMap<string, readonly Diagnostic[]>>()

export function structuralFindings(schema: Schema, code: string): readonly Diagnostic[] {
  let byCode = cache.get(schema)
  if (!byCode) {
    const map = new Map<string, Diagnostic[]>()
    for (const d of checkStructure(schema).diagnostics) {
      let list = map.get(d.code)
      if (!list) map.set(d.code, (list = []))
      list.push(d)
    }
    cache.set(schema, (byCode = map))
  }
  return byCode.get(code) ?? []
}

/** Model objects for a structural finding's ids (the engine turns them back into names). */
export function targetOf(index: SchemaIndex, t: DiagnosticTarget | undefined): ReportTarget {
  if (!t) return {}
  const table = t.tableId ? index.tables.get(t.tableId) : undefined
  const constraint = table && t.constraintId
    ? ([table.primaryKey, ...table.uniques, ...table.checks, ...table.foreignKeys].find((c) => c?.id === t.constraintId) ?? undefined)
    : undefined
  return {
    ...(table ? { table } : {}),
    ...(table && t.columnId ? { column: table.columns.find((c) => c.id === t.columnId) } : {}),
    ...(constraint ? { constraint } : {}),
    ...(table && t.indexId ? { index: table.indexes.find((i) => i.id === t.indexId) } : {}),
    ...(t.enumId ? { enum: index.enums.get(t.enumId) } : {}),
    ...(t.namespaceId ? { namespace: index.namespaces.get(t.namespaceId) } : {}),
  }
}
