/**
 * What changed between two versions of a design, object by object, matched by id (never by name):
 * a renamed column is a `columnRenamed`, not a drop and an add. Changes are data, discriminated by
 * `kind`; each has an `id` that is stable for the same change between the same two versions, so
 * that inputs (a backfill value, a USING expression) can be keyed by it.
 *
 * Names in a change are the user's names: `table` is the display name (`orders`, `billing.invoices`)
 * in the version the object lives in (the new one, or the old one for a removal).
 */
import type { DiagnosticTarget } from '../diagnostics.ts'
import { assertNever } from '../errors.ts'
import type { ColumnId, ConstraintId, EnumId, EnumValueId, IndexId, NamespaceId, TableId } from '../model/ids.ts'
import type { Column, ColumnDefault, ColumnType, Constraint, EnumType, Index, Namespace, Table } from '../model/schema.ts'

export { describeChange } from './describe-change.ts'

interface TableRef {
  readonly tableId: TableId
  readonly table: string
}
interface ColumnRef extends TableRef {
  readonly columnId: ColumnId
  readonly column: string
}
interface EnumRef {
  readonly enumId: EnumId
  readonly enum: string
}
interface Comment {
  readonly from?: string
  readonly to?: string
}

/** Which properties of a constraint or index differ (anything but name and comment). */
export type ConstraintField =
  | 'columns'
  | 'target'
  | 'onDelete'
  | 'onUpdate'
  | 'match'
  | 'deferrable'
  | 'expression'
  | 'noInherit'
  | 'nullsNotDistinct'
  | 'kind'
export type IndexField = 'unique' | 'method' | 'keys' | 'include' | 'where' | 'nullsNotDistinct'

export type Change =
  | ({ readonly kind: 'namespaceAdded'; readonly namespace: Namespace } & Id)
  | ({ readonly kind: 'namespaceRemoved'; readonly namespace: Namespace } & Id)
  | ({ readonly kind: 'namespaceRenamed'; readonly namespaceId: NamespaceId; readonly from: string; readonly to: string } & Id)
  | ({ readonly kind: 'namespaceCommentChanged'; readonly namespaceId: NamespaceId; readonly namespace: string } & Comment & Id)
  | ({ readonly kind: 'extensionAdded'; readonly extension: string } & Id)
  | ({ readonly kind: 'extensionRemoved'; readonly extension: string } & Id)
  | ({ readonly kind: 'enumAdded'; readonly enumType: EnumType } & EnumRef & Id)
  | ({ readonly kind: 'enumRemoved'; readonly enumType: EnumType } & EnumRef & Id)
  | ({ readonly kind: 'enumRenamed'; readonly from: string; readonly to: string } & EnumRef & Id)
  | ({ readonly kind: 'enumMoved'; readonly from: string; readonly to: string } & EnumRef & Id)
  | ({ readonly kind: 'enumCommentChanged' } & EnumRef & Comment & Id)
  /** `before`/`after`: the neighbouring labels in the new version that existed before. */
  | ({ readonly kind: 'enumValueAdded'; readonly valueId: EnumValueId; readonly value: string; readonly before?: string; readonly after?: string } & EnumRef & Id)
  | ({ readonly kind: 'enumValueRemoved'; readonly valueId: EnumValueId; readonly value: string } & EnumRef & Id)
  | ({ readonly kind: 'enumValueRenamed'; readonly valueId: EnumValueId; readonly from: string; readonly to: string } & EnumRef & Id)
  /** The labels both versions have are in another order (labels as in each version). */
  | ({ readonly kind: 'enumValuesReordered'; readonly from: readonly string[]; readonly to: readonly string[] } & EnumRef & Id)
  | ({ readonly kind: 'tableAdded'; readonly tableDef: Table } & TableRef & Id)
  | ({ readonly kind: 'tableRemoved'; readonly tableDef: Table } & TableRef & Id)
  | ({ readonly kind: 'tableRenamed'; readonly from: string; readonly to: string } & TableRef & Id)
  | ({ readonly kind: 'tableMoved'; readonly from: string; readonly to: string } & TableRef & Id)
  | ({ readonly kind: 'tableCommentChanged' } & TableRef & Comment & Id)
  | ({ readonly kind: 'tablePersistenceChanged'; readonly unlogged: boolean } & TableRef & Id)
  /** PostgreSQL cannot re-partition a table in place: the plan recreates it. */
  | ({ readonly kind: 'tablePartitioningChanged'; readonly from?: string; readonly to?: string } & TableRef & Id)
  | ({ readonly kind: 'columnAdded'; readonly columnDef: Column } & ColumnRef & Id)
  | ({ readonly kind: 'columnRemoved'; readonly columnDef: Column } & ColumnRef & Id)
  | ({ readonly kind: 'columnRenamed'; readonly from: string; readonly to: string } & ColumnRef & Id)
  | ({ readonly kind: 'columnRetyped'; readonly from: ColumnType; readonly to: ColumnType; readonly fromText: string; readonly toText: string } & ColumnRef & Id)
  | ({ readonly kind: 'columnNullabilityChanged'; readonly nullable: boolean } & ColumnRef & Id)
  | ({ readonly kind: 'columnDefaultChanged'; readonly from?: ColumnDefault; readonly to?: ColumnDefault } & ColumnRef & Id)
  | ({ readonly kind: 'columnIdentityChanged'; readonly from?: 'always' | 'by-default'; readonly to?: 'always' | 'by-default' } & ColumnRef & Id)
  | ({ readonly kind: 'columnGeneratedChanged'; readonly from?: string; readonly to?: string } & ColumnRef & Id)
  | ({ readonly kind: 'columnCollationChanged'; readonly from?: string; readonly to?: string } & ColumnRef & Id)
  | ({ readonly kind: 'columnCommentChanged' } & ColumnRef & Comment & Id)
  /** PostgreSQL cannot reorder columns: reported, never planned (new columns go last). */
  | ({ readonly kind: 'columnsReordered'; readonly from: readonly string[]; readonly to: readonly string[] } & TableRef & Id)
  | ({ readonly kind: 'constraintAdded'; readonly constraint: Constraint; readonly name: string } & TableRef & Id)
  | ({ readonly kind: 'constraintRemoved'; readonly constraint: Constraint; readonly name: string } & TableRef & Id)
  /** `implicit`: neither version names it; PostgreSQL's default name changed with the table or columns. */
  | ({ readonly kind: 'constraintRenamed'; readonly constraintId: ConstraintId; readonly from: string; readonly to: string; readonly implicit: boolean } & TableRef & Id)
  | ({
      readonly kind: 'constraintChanged'
      readonly before: Constraint
      readonly after: Constraint
      readonly name: string
      readonly fields: readonly ConstraintField[]
    } & TableRef &
      Id)
  | ({ readonly kind: 'constraintCommentChanged'; readonly constraintId: ConstraintId; readonly name: string } & TableRef & Comment & Id)
  | ({ readonly kind: 'indexAdded'; readonly index: Index; readonly name: string } & TableRef & Id)
  | ({ readonly kind: 'indexRemoved'; readonly index: Index; readonly name: string } & TableRef & Id)
  | ({ readonly kind: 'indexRenamed'; readonly indexId: IndexId; readonly from: string; readonly to: string; readonly implicit: boolean } & TableRef & Id)
  | ({ readonly kind: 'indexChanged'; readonly before: Index; readonly after: Index; readonly name: string; readonly fields: readonly IndexField[] } & TableRef & Id)
  | ({ readonly kind: 'indexCommentChanged'; readonly indexId: IndexId; readonly name: string } & TableRef & Comment & Id)

interface Id {
  /** `<kind>:<object id>`: stable for the same change between the same two versions. */
  readonly id: string
}

export type ChangeKind = Change['kind']
export type ChangeOf<K extends ChangeKind> = Extract<Change, { kind: K }>

/** How a change shows on the diagram: added, removed, or changed in place. */
export type ChangeStatus = 'added' | 'removed' | 'changed'

export function changeStatus(change: Change): ChangeStatus {
  switch (change.kind) {
    case 'namespaceAdded':
    case 'extensionAdded':
    case 'enumAdded':
    case 'enumValueAdded':
    case 'tableAdded':
    case 'columnAdded':
    case 'constraintAdded':
    case 'indexAdded':
      return 'added'
    case 'namespaceRemoved':
    case 'extensionRemoved':
    case 'enumRemoved':
    case 'enumValueRemoved':
    case 'tableRemoved':
    case 'columnRemoved':
    case 'constraintRemoved':
    case 'indexRemoved':
      return 'removed'
    default:
      return 'changed'
  }
}

/** The object a change is about, by id and name, as diagnostics point at objects. */
export function changeTarget(change: Change): DiagnosticTarget {
  switch (change.kind) {
    case 'namespaceAdded':
    case 'namespaceRemoved':
      return { namespaceId: change.namespace.id }
    case 'namespaceRenamed':
    case 'namespaceCommentChanged':
      return { namespaceId: change.namespaceId }
    case 'extensionAdded':
    case 'extensionRemoved':
      return {}
    case 'enumAdded':
    case 'enumRemoved':
    case 'enumRenamed':
    case 'enumMoved':
    case 'enumCommentChanged':
    case 'enumValueAdded':
    case 'enumValueRemoved':
    case 'enumValueRenamed':
    case 'enumValuesReordered':
      return { enumId: change.enumId, enum: change.enum }
    case 'tableAdded':
    case 'tableRemoved':
    case 'tableRenamed':
    case 'tableMoved':
    case 'tableCommentChanged':
    case 'tablePersistenceChanged':
    case 'tablePartitioningChanged':
    case 'columnsReordered':
      return { tableId: change.tableId, table: change.table }
    case 'columnAdded':
    case 'columnRemoved':
    case 'columnRenamed':
    case 'columnRetyped':
    case 'columnNullabilityChanged':
    case 'columnDefaultChanged':
    case 'columnIdentityChanged':
    case 'columnGeneratedChanged':
    case 'columnCollationChanged':
    case 'columnCommentChanged':
      return { tableId: change.tableId, table: change.table, columnId: change.columnId, column: change.column }
    case 'constraintAdded':
    case 'constraintRemoved':
      return { tableId: change.tableId, table: change.table, constraintId: change.constraint.id, constraint: change.name }
    case 'constraintChanged':
      return { tableId: change.tableId, table: change.table, constraintId: change.after.id, constraint: change.name }
    case 'constraintRenamed':
      return { tableId: change.tableId, table: change.table, constraintId: change.constraintId, constraint: change.to }
    case 'constraintCommentChanged':
      return { tableId: change.tableId, table: change.table, constraintId: change.constraintId, constraint: change.name }
    case 'indexAdded':
    case 'indexRemoved':
      return { tableId: change.tableId, table: change.table, indexId: change.index.id, index: change.name }
    case 'indexChanged':
      return { tableId: change.tableId, table: change.table, indexId: change.after.id, index: change.name }
    case 'indexRenamed':
      return { tableId: change.tableId, table: change.table, indexId: change.indexId, index: change.to }
    case 'indexCommentChanged':
      return { tableId: change.tableId, table: change.table, indexId: change.indexId, index: change.name }
    default:
      return assertNever(change, 'change')
  }
}

/**
 * Added, removed and changed objects by id, for marking the diagram: a table is `changed` when
 * anything inside it changed. Ids of removed objects are those of the old version.
 */
export function summarizeChanges(changes: readonly Change[]): ReadonlyMap<string, ChangeStatus> {
  const out = new Map<string, ChangeStatus>()
  const mark = (id: string | undefined, status: ChangeStatus) => {
    if (id === undefined) return
    const prev = out.get(id)
    if (prev === undefined || (prev === 'changed' && status !== 'changed')) out.set(id, status)
  }
  for (const c of changes) {
    const status = changeStatus(c)
    const t = changeTarget(c)
    const leaf = t.columnId ?? t.constraintId ?? t.indexId
    if (leaf !== undefined) {
      mark(leaf, status)
      mark(t.tableId, 'changed')
    } else if (t.tableId !== undefined) mark(t.tableId, status)
    else if (c.kind === 'enumValueAdded' || c.kind === 'enumValueRemoved' || c.kind === 'enumValueRenamed') {
      mark(c.valueId, status)
      mark(t.enumId, 'changed')
    } else mark(t.enumId ?? t.namespaceId, status)
  }
  return out
}
