/**
 * The last step: what can only be decided once the whole file is read (serial columns, forward
 * foreign keys, sequences that stayed sequences), then the model itself, with names equal to
 * PostgreSQL's defaults dropped so that they follow renames.
 */
import { dropDefaultNames } from '../../model/default-names.ts'
import type { Column, Schema, Table } from '../../model/schema.ts'
import { resolvePending } from './constraints.ts'
import { booleanWords } from './expressions.ts'
import type { DraftTable, ImportState, Mutable } from './state.ts'

const serialOf: Record<string, 'smallserial' | 'serial' | 'bigserial'> = { smallint: 'smallserial', integer: 'serial', bigint: 'bigserial' }

/** The model, and how many CREATE SEQUENCE statements turned out to be outside it. */
export function finishSchema(state: ImportState): { schema: Schema; unusedSequences: number } {
  resolvePending(state)
  const consumed = new Set<string>()
  const byColumn = new Map<string, { table: DraftTable; column: Mutable<Column> }>()
  for (const table of state.tables) for (const column of table.columns) byColumn.set(column.id, { table, column })
  for (const [columnId, key] of state.nextvals) {
    const found = byColumn.get(columnId)
    const owner = state.sequences.get(key)?.owner
    if (!found || !owner || owner.table !== found.table || owner.columnId !== columnId) continue
    const type = found.column.type
    // An integer column drawing from a sequence it owns is exactly what `serial` creates.
    const serial = type.kind === 'builtin' && type.arrayDims === 0 ? serialOf[type.name] : undefined
    if (!serial) continue
    found.column.type = { kind: 'builtin', name: serial, arrayDims: 0 }
    delete found.column.default
    consumed.add(key)
  }
  let unusedSequences = 0
  for (const [key, seq] of state.sequences) {
    if (consumed.has(key)) continue
    unusedSequences++
    state.report('info', 'sql-skipped-statement', `Skipped CREATE SEQUENCE: sequence "${key}" is not part of the model (only as the sequence of a serial column).`, seq.location)
    for (const [columnId, k] of state.nextvals) {
      const found = byColumn.get(columnId)
      if (k === key && found && found.column.default?.kind === 'expression')
        state.report('warning', 'sql-unresolved', `The default of "${found.table.name}"."${found.column.name}" draws from sequence "${key}", which the design does not create.`, seq.location)
    }
  }
  for (const table of state.tables)
    for (const c of table.columns) {
      // PostgreSQL reads 't', 'yes', 'on'... as true; the model keeps the canonical spelling.
      if (c.default?.kind === 'literal' && c.type.kind === 'builtin' && c.type.name === 'boolean' && c.type.arrayDims === 0) {
        const canonical = booleanWords[c.default.value.trim().toLowerCase()]
        if (canonical) c.default = { kind: 'literal', value: canonical }
      }
    }
  const schema: Schema = {
    namespaces: state.namespaces.map((n) => ({ id: n.id, name: n.name, ...(n.comment !== undefined ? { comment: n.comment } : {}) })),
    enums: state.enums.map((e) => ({ id: e.id, namespaceId: e.namespaceId, name: e.name, values: e.values, ...(e.comment !== undefined ? { comment: e.comment } : {}) })),
    tables: state.tables.map(toTable),
    extensions: [...state.extensions],
  }
  return { schema: dropDefaultNames(schema), unusedSequences }
}

function toTable(t: DraftTable): Table {
  return {
    id: t.id,
    namespaceId: t.namespaceId,
    name: t.name,
    ...(t.comment !== undefined ? { comment: t.comment } : {}),
    columns: t.columns.map((c) => ({ ...c })),
    ...(t.primaryKey ? { primaryKey: { ...t.primaryKey } } : {}),
    uniques: t.uniques.map((u) => ({ ...u })),
    checks: t.checks.map((c) => ({ ...c })),
    foreignKeys: t.foreignKeys.map((f) => ({ ...f })),
    indexes: t.indexes.map((i) => ({ ...i })),
    ...(t.partitionBy ? { partitionBy: t.partitionBy } : {}),
    ...(t.unlogged ? { unlogged: true } : {}),
  }
}
