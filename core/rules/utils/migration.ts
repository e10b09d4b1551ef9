/** What the migration-safety rules share: finding the step of a change and the objects of a step. */
import type { Change } from '../../diff/changes.ts'
import type { MigrationStep } from '../../diff/plan-migration/types.ts'
import { constraintsOf, indexSchema } from '../../model/queries.ts'
import type { Column, Constraint, Index, Table } from '../../model/schema.ts'
import type { DdlStatement } from '../../sql/ddl.ts'
import type { DiffContext, ReportTarget } from '../types.ts'

/** The first step that carries out the change. */
export function stepOf(diff: DiffContext, changeId: string): MigrationStep | undefined {
  return diff.plan.steps.find((s) => s.changeIds.includes(changeId))
}

/** A table by id, as the new version has it, else as the old one had it. */
export function findTable(diff: DiffContext, id: string): Table | undefined {
  return indexSchema(diff.after).tables.get(id as never) ?? indexSchema(diff.before).tables.get(id as never)
}

/** The objects a step is about (its table, column, constraint or index), for a finding's target. */
export function stepTarget(diff: DiffContext, step: MigrationStep): ReportTarget {
  let table: Table | undefined
  for (const id of step.objectIds) table ??= findTable(diff, id)
  if (!table) return {}
  const others = step.objectIds.filter((id) => id !== table!.id)
  const column: Column | undefined = table.columns.find((c) => others.includes(c.id))
  const constraint: Constraint | undefined = constraintsOf(table).find((c) => others.includes(c.id))
  const index: Index | undefined = table.indexes.find((i) => others.includes(i.id))
  return { table, ...(column ? { column } : {}), ...(constraint ? { constraint } : {}), ...(index ? { index } : {}) }
}

/** The target of a change: the new version's objects, or the old version's for a removal. */
export function changeTarget(diff: DiffContext, change: Change): ReportTarget {
  if (!('tableId' in change)) {
    if ('enumId' in change) {
      const e = indexSchema(diff.after).enums.get(change.enumId) ?? indexSchema(diff.before).enums.get(change.enumId)
      return e ? { enum: e } : {}
    }
    return {}
  }
  const table = findTable(diff, change.tableId)
  if (!table) return {}
  const old = indexSchema(diff.before).tables.get(change.tableId)
  const column = 'columnId' in change ? (table.columns.find((c) => c.id === change.columnId) ?? old?.columns.find((c) => c.id === change.columnId)) : undefined
  return { table, ...(column ? { column } : {}) }
}

export function* statements(diff: DiffContext): Generator<[MigrationStep, DdlStatement, number]> {
  for (const step of diff.plan.steps) {
    let i = 0
    for (const s of step.statements) yield [step, s, i++]
  }
}
