/**
 * Everything the planning phases share: both versions with their indexes and resolved names, the
 * changes by id, which objects the plan rebuilds, the names the database holds as it goes, and the
 * steps written so far.
 */
import type { Diagnostic } from '../../diagnostics.ts'
import type { ColumnId, ConstraintId, EnumId, IndexId, TableId } from '../../model/ids.ts'
import { resolveNames } from '../../model/names.ts'
import type { ResolvedNames } from '../../model/names.ts'
import { constraintsOf, indexSchema } from '../../model/queries.ts'
import type { SchemaIndex } from '../../model/queries.ts'
import type { Column, Constraint, EnumType, Index, Schema, Table } from '../../model/schema.ts'
import type { DdlStatement, QualifiedName } from '../../sql/ddl.ts'
import type { Change, ChangeKind, ChangeOf } from '../changes.ts'
import type { NameState } from './names.ts'
import type { Hazard, InputRequest, LockLevel, PlanOptions, TransactionMode } from './types.ts'

export interface StepDraft {
  readonly summary: string
  readonly changeIds: readonly string[]
  readonly statements: readonly DdlStatement[]
  readonly transaction: TransactionMode
  readonly long?: boolean
  readonly hazards?: readonly Hazard[]
  /** Default: true unless a hazard is `data-loss`. */
  readonly reversible?: boolean
  readonly needsInput?: InputRequest
  readonly objectIds: readonly string[]
  /** The step works on a table that holds data before the migration. */
  readonly existing: boolean
}

export type ResolvedOptions = Required<Omit<PlanOptions, 'changes' | 'inputs'>> & { readonly inputs: Readonly<Record<string, string>> }

export class PlanContext {
  readonly ia: SchemaIndex
  readonly ib: SchemaIndex
  readonly na: ResolvedNames
  readonly nb: ResolvedNames
  readonly safe: boolean
  readonly byId: ReadonlyMap<string, Change>
  readonly drafts: StepDraft[] = []
  readonly inputs: InputRequest[] = []
  readonly diagnostics: Diagnostic[] = []

  /** Tables and enums something happens to (the rest are left alone by every phase). */
  readonly touchedTables = new Set<TableId>()
  readonly touchedEnums = new Set<EnumId>()
  /** Tables dropped and created again (a partitioning change): new for every other purpose. */
  readonly recreatedTables = new Set<TableId>()
  /** Enums whose labels are removed or reordered: replaced by a new type, columns converted. */
  readonly swappedEnums = new Set<EnumId>()
  /** Columns whose stored values change type (a type change, or a column of a swapped enum). */
  readonly convertedColumns = new Set<ColumnId>()
  /** Columns dropped and added again (a generated expression PostgreSQL cannot change in place). */
  readonly recreatedColumns = new Set<ColumnId>()
  /** Kept, unchanged constraints and indexes that must be dropped and created again around a change they depend on. */
  readonly rebuilt = new Set<ConstraintId | IndexId>()
  /** Changed foreign keys dropped before everything else (their old form depends on what changes). */
  readonly droppedEarly = new Set<ConstraintId>()
  /** Objects in the name state that the plan drops later: they step aside when in the way. */
  readonly doomed = new Set<string>()
  /** Every name the new design uses, so temporary names never collide with one. */
  readonly reserved = new Set<string>()
  /** Names in the old version, by id, for messages about renames. */
  readonly oldNames = new Map<string, string>()

  constructor(
    readonly a: Schema,
    readonly b: Schema,
    readonly changes: readonly Change[],
    readonly options: ResolvedOptions,
    readonly state: NameState,
  ) {
    this.ia = indexSchema(a)
    this.ib = indexSchema(b)
    this.na = resolveNames(a)
    this.nb = resolveNames(b)
    this.safe = options.mode === 'safe'
    this.byId = new Map(changes.map((c) => [c.id, c]))
  }

  find<K extends ChangeKind>(kind: K, objectId: string): ChangeOf<K> | undefined {
    return this.byId.get(`${kind}:${objectId}`) as ChangeOf<K> | undefined
  }

  all<K extends ChangeKind>(kind: K): Array<ChangeOf<K>> {
    return this.changes.filter((c): c is ChangeOf<K> => c.kind === kind)
  }

  /** The table holds rows before the migration and keeps them (not new, not recreated). */
  existing(tableId: TableId): boolean {
    return this.ia.tables.has(tableId) && this.ib.tables.has(tableId) && !this.recreatedTables.has(tableId)
  }

  /** The table is created by this migration (new, or recreated). */
  created(tableId: TableId): boolean {
    return this.ib.tables.has(tableId) && !this.existing(tableId)
  }

  dropped(tableId: TableId): boolean {
    return this.ia.tables.has(tableId) && !this.existing(tableId)
  }

  nsA(id: string): string {
    return this.ia.namespaces.get(id as never)?.name ?? 'public'
  }

  nsB(id: string): string {
    return this.ib.namespaces.get(id as never)?.name ?? 'public'
  }

  /** A table's name before the migration's renames. */
  nameA(t: Table): QualifiedName {
    return { namespace: this.nsA(t.namespaceId), name: t.name }
  }

  /** A table's name once renames and moves are done. */
  nameB(t: Table): QualifiedName {
    return { namespace: this.nsB(t.namespaceId), name: t.name }
  }

  enumB(e: EnumType): QualifiedName {
    return { namespace: this.nsB(e.namespaceId), name: e.name }
  }

  tableB(id: TableId): Table {
    return this.ib.tables.get(id)!
  }

  tableA(id: TableId): Table {
    return this.ia.tables.get(id)!
  }

  /** The same column in the old version, if it existed there. */
  columnA(tableId: TableId, columnId: ColumnId): Column | undefined {
    return this.ia.tables.get(tableId)?.columns.find((c) => c.id === columnId)
  }

  constraintA(tableId: TableId, id: ConstraintId): Constraint | undefined {
    const t = this.ia.tables.get(tableId)
    return t && constraintsOf(t).find((c) => c.id === id)
  }

  indexA(tableId: TableId, id: IndexId): Index | undefined {
    return this.ia.tables.get(tableId)?.indexes.find((i) => i.id === id)
  }

  /** The value the options give for a change's input request, if any. */
  supplied(changeId: string): string | undefined {
    const v = this.options.inputs[changeId]
    return v === undefined || v.trim() === '' ? undefined : v
  }

  request(r: Omit<InputRequest, 'supplied'>): InputRequest {
    const supplied = this.supplied(r.changeId)
    const full: InputRequest = { ...r, ...(supplied !== undefined ? { supplied } : {}) }
    if (!this.inputs.some((x) => x.changeId === r.changeId && x.kind === r.kind)) this.inputs.push(full)
    return full
  }

  step(d: StepDraft): void {
    if (d.statements.length > 0) this.drafts.push(d)
  }

  /** Change ids that concern an object, for steps that carry them out. */
  idsOf(...ids: Array<string | undefined>): string[] {
    return ids.filter((x): x is string => x !== undefined && this.byId.has(x))
  }
}

/** Scopes of the name state (see names.ts). */
export const scopes = {
  namespace: () => ['ns'],
  table: (nsId: string) => [`rel:${nsId}`, `type:${nsId}`],
  enumType: (nsId: string) => [`type:${nsId}`],
  index: (nsId: string) => [`rel:${nsId}`],
  keyConstraint: (nsId: string, tableId: string) => [`rel:${nsId}`, `con:${tableId}`],
  constraint: (tableId: string) => [`con:${tableId}`],
  column: (tableId: string) => [`col:${tableId}`],
  label: (enumId: string) => [`val:${enumId}`],
}

export function constraintScopes(c: Constraint, nsId: string, tableId: string): string[] {
  return c.kind === 'primaryKey' || c.kind === 'unique' ? scopes.keyConstraint(nsId, tableId) : scopes.constraint(tableId)
}

export function lockOf(s: DdlStatement): LockLevel {
  switch (s.kind) {
    case 'createIndex':
      return s.concurrently ? 'share update exclusive' : 'share'
    case 'dropIndex':
      return s.concurrently ? 'share update exclusive' : 'access exclusive'
    case 'validateConstraint':
    case 'comment':
      return 'share update exclusive'
    case 'addConstraint':
      return s.constraint.kind === 'foreignKey' ? 'share row exclusive' : 'access exclusive'
    case 'backfill':
      return 'row exclusive'
    case 'addEnumValue':
    case 'renameEnumValue':
    case 'createEnum':
    case 'dropEnum':
    case 'renameEnum':
    case 'setEnumSchema':
    case 'createSchema':
    case 'dropSchema':
    case 'renameSchema':
    case 'createExtension':
    case 'dropExtension':
    case 'note':
    case 'setParameter':
    case 'transaction':
    case 'createTable':
      return 'none'
    case 'resetIdentity':
      return 'access share'
    default:
      return 'access exclusive'
  }
}
