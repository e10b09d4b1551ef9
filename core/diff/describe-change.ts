/** A change in plain words, one line: for the list of changes and the migration's comments. */
import { assertNever } from '../errors.ts'
import type { Constraint } from '../model/schema.ts'
import type { Change } from './changes.ts'

interface Comment {
  readonly from?: string
  readonly to?: string
}

const q = (s: string) => `"${s}"`
const commentText = (c: Comment) => (c.to === undefined ? 'removed' : c.from === undefined ? 'added' : 'changed')

export function describeChange(change: Change): string {
  switch (change.kind) {
    case 'namespaceAdded':
      return `Schema ${q(change.namespace.name)} is added.`
    case 'namespaceRemoved':
      return `Schema ${q(change.namespace.name)} is removed.`
    case 'namespaceRenamed':
      return `Schema ${q(change.from)} is renamed to ${q(change.to)}.`
    case 'namespaceCommentChanged':
      return `The comment of schema ${q(change.namespace)} is ${commentText(change)}.`
    case 'extensionAdded':
      return `Extension ${q(change.extension)} is needed.`
    case 'extensionRemoved':
      return `Extension ${q(change.extension)} is no longer needed.`
    case 'enumAdded':
      return `Enum ${q(change.enum)} is added.`
    case 'enumRemoved':
      return `Enum ${q(change.enum)} is removed.`
    case 'enumRenamed':
      return `Enum ${q(change.from)} is renamed to ${q(change.to)}.`
    case 'enumMoved':
      return `Enum ${q(change.enum)} moves from schema ${q(change.from)} to ${q(change.to)}.`
    case 'enumCommentChanged':
      return `The comment of enum ${q(change.enum)} is ${commentText(change)}.`
    case 'enumValueAdded':
      return `Enum ${q(change.enum)} gets the value ${q(change.value)}.`
    case 'enumValueRemoved':
      return `Enum ${q(change.enum)} loses the value ${q(change.value)}.`
    case 'enumValueRenamed':
      return `Value ${q(change.from)} of enum ${q(change.enum)} is renamed to ${q(change.to)}.`
    case 'enumValuesReordered':
      return `The values of enum ${q(change.enum)} are reordered: ${change.to.join(', ')}.`
    case 'tableAdded':
      return `Table ${q(change.table)} is added.`
    case 'tableRemoved':
      return `Table ${q(change.table)} is removed.`
    case 'tableRenamed':
      return `Table ${q(change.from)} is renamed to ${q(change.to)}.`
    case 'tableMoved':
      return `Table ${q(change.table)} moves from schema ${q(change.from)} to ${q(change.to)}.`
    case 'tableCommentChanged':
      return `The comment of table ${q(change.table)} is ${commentText(change)}.`
    case 'tablePersistenceChanged':
      return `Table ${q(change.table)} becomes ${change.unlogged ? 'UNLOGGED' : 'LOGGED'}.`
    case 'tablePartitioningChanged':
      return `The partitioning of table ${q(change.table)} changes${change.to ? ` to ${change.to}` : ' to none'}.`
    case 'columnAdded':
      return `Column ${q(`${change.table}.${change.column}`)} is added.`
    case 'columnRemoved':
      return `Column ${q(`${change.table}.${change.column}`)} is removed.`
    case 'columnRenamed':
      return `Column ${q(`${change.table}.${change.from}`)} is renamed to ${q(change.to)}.`
    case 'columnRetyped':
      return `Column ${q(`${change.table}.${change.column}`)} changes type from ${change.fromText} to ${change.toText}.`
    case 'columnNullabilityChanged':
      return `Column ${q(`${change.table}.${change.column}`)} becomes ${change.nullable ? 'nullable' : 'NOT NULL'}.`
    case 'columnDefaultChanged':
      return `The default of ${q(`${change.table}.${change.column}`)} is ${change.to === undefined ? 'removed' : change.from === undefined ? 'added' : 'changed'}.`
    case 'columnIdentityChanged':
      return `Column ${q(`${change.table}.${change.column}`)} ${change.to === undefined ? 'is no longer an identity' : `becomes GENERATED ${change.to === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`}.`
    case 'columnGeneratedChanged':
      return `The generated expression of ${q(`${change.table}.${change.column}`)} is ${change.to === undefined ? 'removed' : change.from === undefined ? 'added' : 'changed'}.`
    case 'columnCollationChanged':
      return `The collation of ${q(`${change.table}.${change.column}`)} changes to ${change.to ?? 'the default'}.`
    case 'columnCommentChanged':
      return `The comment of ${q(`${change.table}.${change.column}`)} is ${commentText(change)}.`
    case 'columnsReordered':
      return `The columns of ${q(change.table)} are reordered; PostgreSQL keeps their order, new columns go last.`
    case 'constraintAdded':
      return `${constraintWord(change.constraint)} ${q(change.name)} is added to ${q(change.table)}.`
    case 'constraintRemoved':
      return `${constraintWord(change.constraint)} ${q(change.name)} is removed from ${q(change.table)}.`
    case 'constraintRenamed':
      return `Constraint ${q(change.from)} of ${q(change.table)} is renamed to ${q(change.to)}.`
    case 'constraintChanged':
      return `${constraintWord(change.after)} ${q(change.name)} of ${q(change.table)} changes (${change.fields.join(', ')}).`
    case 'constraintCommentChanged':
      return `The comment of constraint ${q(change.name)} is ${commentText(change)}.`
    case 'indexAdded':
      return `Index ${q(change.name)} is added to ${q(change.table)}.`
    case 'indexRemoved':
      return `Index ${q(change.name)} is removed from ${q(change.table)}.`
    case 'indexRenamed':
      return `Index ${q(change.from)} of ${q(change.table)} is renamed to ${q(change.to)}.`
    case 'indexChanged':
      return `Index ${q(change.name)} of ${q(change.table)} changes (${change.fields.join(', ')}).`
    case 'indexCommentChanged':
      return `The comment of index ${q(change.name)} is ${commentText(change)}.`
    default:
      return assertNever(change, 'change')
  }
}

function constraintWord(c: Constraint): string {
  switch (c.kind) {
    case 'primaryKey':
      return 'Primary key'
    case 'unique':
      return 'Unique constraint'
    case 'check':
      return 'Check'
    case 'foreignKey':
      return 'Foreign key'
    default:
      return assertNever(c, 'constraint')
  }
}

