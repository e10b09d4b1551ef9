/**
 * What the diagram marks for a diff: each table, column and relationship that was added, removed,
 * changed or renamed. Pure data from `Change[]`, for the SVG renderer and the review page's list.
 */
import type { Change } from '../diff/changes.ts'
import { changeStatus, changeTarget } from '../diff/changes.ts'

export type ChangeMark = 'added' | 'removed' | 'changed' | 'renamed'

export interface ChangeMarks {
  readonly tables: ReadonlyMap<string, ChangeMark>
  readonly columns: ReadonlyMap<string, ChangeMark>
  /** Constraints by id; the diagram shows those of foreign keys on their lines. */
  readonly constraints: ReadonlyMap<string, ChangeMark>
  /** Tables of the base that the design no longer has (drawn as ghosts). */
  readonly removedTables: readonly string[]
  /** Columns of the base gone from tables that are still there (drawn struck through). */
  readonly removedColumns: readonly string[]
}

// Which mark wins when one object has several changes: being new or gone says everything; a
// rename is worth seeing over an ordinary change.
const weight: Record<ChangeMark, number> = { changed: 0, renamed: 1, removed: 2, added: 3 }

function mark(map: Map<string, ChangeMark>, id: string | undefined, m: ChangeMark): void {
  if (id === undefined) return
  const prev = map.get(id)
  if (prev === undefined || weight[m] > weight[prev]) map.set(id, m)
}

export function changeMarks(changes: readonly Change[]): ChangeMarks {
  const tables = new Map<string, ChangeMark>()
  const columns = new Map<string, ChangeMark>()
  const constraints = new Map<string, ChangeMark>()
  for (const c of changes) {
    const t = changeTarget(c)
    const renamed = c.kind === 'tableRenamed' || c.kind === 'columnRenamed' || c.kind === 'constraintRenamed'
    const m: ChangeMark = renamed ? 'renamed' : changeStatus(c)
    if (t.columnId !== undefined) {
      mark(columns, t.columnId, m)
      mark(tables, t.tableId, 'changed')
    } else if (t.constraintId !== undefined) {
      mark(constraints, t.constraintId, m)
      mark(tables, t.tableId, 'changed')
    } else if (t.indexId !== undefined) mark(tables, t.tableId, 'changed')
    else if (t.tableId !== undefined) mark(tables, t.tableId, m)
  }
  const removedTables = [...tables].filter(([, m]) => m === 'removed').map(([id]) => id)
  const gone = new Set(removedTables)
  const removedColumns: string[] = []
  for (const c of changes) if (c.kind === 'columnRemoved' && !gone.has(c.tableId)) removedColumns.push(c.columnId)
  return { tables, columns, constraints, removedTables, removedColumns }
}
