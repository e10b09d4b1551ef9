/**
 * The Migrations panel's logic, free of React: the changes grouped by table with one mark each,
 * the inputs both plans ask for, the words for a step's transaction and lock, and the file names.
 */
import type { Change, InputRequest, MigrationStep } from '@core'
import { changeStatus, describeChange, migrationFileNames } from '@core'
import type { Mark } from '../../canvas/change-marks.ts'

/** How a change reads in the list: its own mark (a rename is a rename, never a drop and an add). */
export function markOf(change: Change): Mark {
  switch (change.kind) {
    case 'namespaceRenamed':
    case 'enumRenamed':
    case 'enumMoved':
    case 'enumValueRenamed':
    case 'tableRenamed':
    case 'tableMoved':
    case 'columnRenamed':
    case 'constraintRenamed':
    case 'indexRenamed':
      return 'renamed'
    default:
      return changeStatus(change)
  }
}

export const markLabels: Record<Mark, string> = { added: 'Added', removed: 'Removed', changed: 'Changed', renamed: 'Renamed' }

export interface ChangeItem {
  readonly id: string
  readonly mark: Mark
  readonly text: string
}

export interface ChangeGroup {
  /** A table id, or `types` for enums, schemas and extensions. */
  readonly key: string
  readonly title: string
  /** The table's own mark when it was added, removed or renamed. */
  readonly mark?: Mark
  readonly items: readonly ChangeItem[]
}

/** Changes by table, in the order they first appear; enums, schemas and extensions last. */
export function groupChanges(changes: readonly Change[]): ChangeGroup[] {
  const groups = new Map<string, { key: string; title: string; mark?: Mark; items: ChangeItem[] }>()
  const types: ChangeItem[] = []
  for (const c of changes) {
    const item = { id: c.id, mark: markOf(c), text: describeChange(c) }
    if (!('tableId' in c)) {
      types.push(item)
      continue
    }
    let g = groups.get(c.tableId)
    if (!g) groups.set(c.tableId, (g = { key: c.tableId, title: c.table, items: [] }))
    if (c.kind === 'tableAdded' || c.kind === 'tableRemoved' || c.kind === 'tableRenamed' || c.kind === 'tableMoved') {
      const mark = markOf(c)
      if (g.mark === undefined || g.mark === 'renamed') g.mark = mark
      // The table's current name heads its group.
      if (c.kind === 'tableRenamed' || c.kind === 'tableMoved') g.title = c.to
    }
    g.items.push(item)
  }
  const out: ChangeGroup[] = [...groups.values()]
  if (types.length > 0) out.push({ key: 'types', title: 'Types, schemas and extensions', items: types })
  return out
}

/** Counts per mark, for the summary line. */
export function countMarks(changes: readonly Change[]): Record<Mark, number> {
  const out: Record<Mark, number> = { added: 0, removed: 0, changed: 0, renamed: 0 }
  for (const c of changes) out[markOf(c)]++
  return out
}

export interface InputField {
  readonly changeId: string
  readonly kind: InputRequest['kind']
  readonly prompt: string
  readonly suggestion?: string
  /** Which migrations ask for it. */
  readonly direction: 'up' | 'down' | 'both'
}

/** What the two plans ask for, one field per change id. */
export function inputFields(up: readonly InputRequest[], down: readonly InputRequest[]): InputField[] {
  const out = new Map<string, InputField>()
  for (const [list, direction] of [[up, 'up'], [down, 'down']] as const)
    for (const r of list) {
      const prev = out.get(r.changeId)
      if (prev) {
        out.set(r.changeId, { ...prev, direction: prev.direction === direction ? direction : 'both' })
        continue
      }
      out.set(r.changeId, { changeId: r.changeId, kind: r.kind, prompt: r.prompt, direction, ...(r.suggestion === undefined ? {} : { suggestion: r.suggestion }) })
    }
  return [...out.values()]
}

export const inputKindLabels: Record<InputRequest['kind'], string> = {
  backfill: 'Backfill value',
  using: 'USING expression',
  'enum-replacement': 'Replacement label',
}

/** Only the values the plans still ask for go to the worker (an emptied field asks again). */
export function suppliedInputs(values: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(values)) if (v.trim() !== '') out[k] = v.trim()
  return out
}

export function transactionLabel(step: Pick<MigrationStep, 'transaction'>): string {
  switch (step.transaction) {
    case 'shared':
      return 'In a transaction'
    case 'own':
      return 'Own transaction'
    case 'none':
      return 'Outside a transaction'
  }
}

export function lockLabel(step: Pick<MigrationStep, 'lock'>): string {
  return step.lock === 'none' ? 'No lock on existing rows' : `${step.lock.toUpperCase()} lock`
}

/** A file-name description from the first change, in a few words (`rename_users_full_name`). */
export function describeMigration(changes: readonly Change[]): string {
  const c = changes[0]
  if (!c) return 'no changes'
  const verb = { added: 'add', removed: 'drop', changed: 'change', renamed: 'rename' }[markOf(c)]
  const what =
    c.kind === 'columnRenamed'
      ? `${c.table} ${c.from} to ${c.to}`
      : c.kind === 'tableRenamed'
        ? `${c.from} to ${c.to}`
        : 'column' in c && typeof c.column === 'string'
          ? `${c.table} ${c.column}`
          : 'table' in c
            ? c.table
            : 'enum' in c
              ? c.enum
              : c.kind
  return `${verb} ${what}${changes.length > 1 ? ' and more' : ''}`
}

export function fileNames(at: Date, description: string) {
  return migrationFileNames(at, description)
}
