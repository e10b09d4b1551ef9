/**
 * The design as the file builds it, statement by statement, with what PostgreSQL itself would know
 * at that point: the search path, which names are taken in each schema (so unnamed constraints get
 * the name PostgreSQL would give them), sequences and their owners, relations that exist but are
 * not part of the model (views, partitions).
 */
import type { Diagnostic, Severity, SourceLocation } from '../../diagnostics.ts'
import type { ColumnId, IdGenerator, NamespaceId } from '../../model/ids.ts'
import { makeObjectName } from '../../model/names.ts'
import type {
  CheckConstraint,
  Column,
  EnumType,
  EnumValue,
  ForeignKey,
  Index,
  Namespace,
  PartitionBy,
  PrimaryKey,
  Table,
  UniqueConstraint,
} from '../../model/schema.ts'
import type { QualifiedName } from './ast.ts'
import type { StatementSource } from './source.ts'

export type Mutable<T> = { -readonly [K in keyof T]: T[K] }

export interface DraftTable extends Omit<Mutable<Table>, 'columns' | 'uniques' | 'checks' | 'foreignKeys' | 'indexes' | 'primaryKey'> {
  columns: Array<Mutable<Column>>
  primaryKey?: Mutable<PrimaryKey>
  uniques: Array<Mutable<UniqueConstraint>>
  checks: Array<Mutable<CheckConstraint>>
  foreignKeys: Array<Mutable<ForeignKey>>
  indexes: Array<Mutable<Index>>
  partitionBy?: PartitionBy
}

export interface DraftEnum extends Omit<Mutable<EnumType>, 'values'> {
  values: EnumValue[]
}

/** A foreign key whose target table did not exist yet when it was declared. */
export interface PendingTarget {
  readonly table: DraftTable
  readonly fk: Mutable<ForeignKey>
  readonly schemas: readonly string[]
  readonly name: string
  readonly columns?: readonly string[]
  readonly location: SourceLocation
}

export interface SequenceInfo {
  readonly location: SourceLocation
  owner?: { readonly table: DraftTable; readonly columnId: ColumnId }
}

/** Thrown while reading a statement PostgreSQL would reject as a whole: it then has no effect. */
export class Rejected extends Error {
  constructor(
    message: string,
    readonly byte?: number,
  ) {
    super(message)
  }
}

const key = (ns: NamespaceId, name: string) => `${ns}\u0000${name}`

export class ImportState {
  readonly namespaces: Array<Mutable<Namespace>> = []
  readonly enums: DraftEnum[] = []
  readonly tables: DraftTable[] = []
  readonly extensions: string[] = []
  /** Extension name -> the schema it was created in. */
  readonly extensionSchemas = new Map<string, string>()
  readonly diagnostics: Diagnostic[] = []
  searchPath: readonly string[] = ['$user', 'public']

  private readonly nsByName = new Map<string, Mutable<Namespace>>()
  private readonly tableByName = new Map<string, DraftTable>()
  private readonly enumByName = new Map<string, DraftEnum>()
  /** Relation names (tables, indexes, sequences, views...) and constraint names, per schema. */
  private readonly relationNames = new Map<NamespaceId, Set<string>>()
  private readonly constraintNames = new Map<NamespaceId, Set<string>>()
  /** Relations that exist but are not modelled, by qualified name -> what they are. */
  readonly otherRelations = new Map<string, string>()
  /** Types that are not enums (domains, composite and range types), by qualified name. */
  readonly otherTypes = new Set<string>()
  readonly sequences = new Map<string, SequenceInfo>()
  /** Columns whose default is `nextval('<sequence>')`, with the sequence's qualified key. */
  readonly nextvals = new Map<ColumnId, string>()
  readonly pending: PendingTarget[] = []

  constructor(readonly ids: IdGenerator) {
    this.addNamespace('public')
  }

  // ------------------------------------------------------------ namespaces and search path

  namespace(name: string): Mutable<Namespace> | undefined {
    return this.nsByName.get(name)
  }

  addNamespace(name: string): Mutable<Namespace> {
    const ns: Mutable<Namespace> = { id: this.ids.next('namespace'), name }
    this.namespaces.push(ns)
    this.nsByName.set(name, ns)
    return ns
  }

  removeNamespace(ns: Mutable<Namespace>): void {
    this.namespaces.splice(this.namespaces.indexOf(ns), 1)
    this.nsByName.delete(ns.name)
  }

  renameNamespace(ns: Mutable<Namespace>, name: string): void {
    this.nsByName.delete(ns.name)
    ns.name = name
    this.nsByName.set(name, ns)
  }

  /** Schemas searched for unqualified names, in order (those that do not exist are left out). */
  searchSchemas(): string[] {
    return this.searchPath.filter((s) => s !== '$user' && this.nsByName.has(s))
  }

  /** The schema an unqualified CREATE goes to: the first existing one on the search path. */
  creationNamespace(schema: string | undefined): Mutable<Namespace> {
    if (schema !== undefined) {
      const ns = this.nsByName.get(schema)
      if (!ns) throw new Rejected(`schema "${schema}" does not exist`)
      return ns
    }
    const first = this.searchSchemas()[0]
    if (first === undefined) throw new Rejected('no schema has been selected to create in (the search path is empty)')
    return this.nsByName.get(first)!
  }

  schemasFor(name: QualifiedName): string[] {
    return name.schema !== undefined ? [name.schema] : this.searchSchemas()
  }

  // ------------------------------------------------------------ tables and enums

  findTable(name: QualifiedName): DraftTable | undefined {
    for (const s of this.schemasFor(name)) {
      const ns = this.nsByName.get(s)
      const t = ns && this.tableByName.get(key(ns.id, name.name))
      if (t) return t
    }
    return undefined
  }

  tableIn(ns: NamespaceId, name: string): DraftTable | undefined {
    return this.tableByName.get(key(ns, name))
  }

  addTable(table: DraftTable): void {
    this.tables.push(table)
    this.tableByName.set(key(table.namespaceId, table.name), table)
    this.relations(table.namespaceId).add(table.name)
  }

  removeTable(table: DraftTable): void {
    const i = this.tables.indexOf(table)
    if (i >= 0) this.tables.splice(i, 1)
    this.tableByName.delete(key(table.namespaceId, table.name))
    const rel = this.relations(table.namespaceId)
    const con = this.constraints(table.namespaceId)
    rel.delete(table.name)
    for (const c of [...(table.primaryKey ? [table.primaryKey] : []), ...table.uniques]) if (c.name) (rel.delete(c.name), con.delete(c.name))
    for (const c of [...table.checks, ...table.foreignKeys]) if (c.name) con.delete(c.name)
    for (const x of table.indexes) if (x.name) rel.delete(x.name)
    for (const t of this.tables) {
      const kept = t.foreignKeys.filter((f) => f.target.tableId !== table.id)
      if (kept.length !== t.foreignKeys.length) {
        for (const f of t.foreignKeys) if (f.target.tableId === table.id && f.name) this.constraints(t.namespaceId).delete(f.name)
        t.foreignKeys = kept
      }
    }
  }

  renameTable(table: DraftTable, name: string): void {
    this.tableByName.delete(key(table.namespaceId, table.name))
    this.relations(table.namespaceId).delete(table.name)
    table.name = name
    this.tableByName.set(key(table.namespaceId, name), table)
    this.relations(table.namespaceId).add(name)
  }

  /** SET SCHEMA: the table's indexes and constraints move with it. */
  moveTable(table: DraftTable, ns: NamespaceId): void {
    const names = [...(table.primaryKey ? [table.primaryKey] : []), ...table.uniques].flatMap((c) => (c.name ? [c.name] : []))
    const constraints = [...names, ...table.checks.map((c) => c.name), ...table.foreignKeys.flatMap((f) => (f.name ? [f.name] : []))]
    const relations = [table.name, ...names, ...table.indexes.flatMap((i) => (i.name ? [i.name] : []))]
    for (const n of relations) this.relations(table.namespaceId).delete(n)
    for (const n of constraints) this.constraints(table.namespaceId).delete(n)
    this.tableByName.delete(key(table.namespaceId, table.name))
    table.namespaceId = ns
    this.tableByName.set(key(ns, table.name), table)
    for (const n of relations) this.relations(ns).add(n)
    for (const n of constraints) this.constraints(ns).add(n)
  }

  moveEnum(e: DraftEnum, ns: NamespaceId): void {
    this.enumByName.delete(key(e.namespaceId, e.name))
    e.namespaceId = ns
    this.enumByName.set(key(ns, e.name), e)
  }

  findEnum(name: QualifiedName): DraftEnum | undefined {
    for (const s of this.schemasFor(name)) {
      const ns = this.nsByName.get(s)
      const e = ns && this.enumByName.get(key(ns.id, name.name))
      if (e) return e
    }
    return undefined
  }

  addEnum(e: DraftEnum): void {
    this.enums.push(e)
    this.enumByName.set(key(e.namespaceId, e.name), e)
  }

  removeEnum(e: DraftEnum): void {
    this.enums.splice(this.enums.indexOf(e), 1)
    this.enumByName.delete(key(e.namespaceId, e.name))
  }

  renameEnum(e: DraftEnum, name: string): void {
    this.enumByName.delete(key(e.namespaceId, e.name))
    e.name = name
    this.enumByName.set(key(e.namespaceId, name), e)
  }

  /** The schema holding a non-enum type (domain, composite), resolved on the search path. */
  findOtherType(name: QualifiedName): string | undefined {
    return this.schemasFor(name).find((s) => this.otherTypes.has(`${s}.${name.name}`))
  }

  /** Qualified key of a relation that exists outside the model, found on the search path. */
  findOtherRelation(name: QualifiedName): string | undefined {
    for (const s of this.schemasFor(name)) {
      const what = this.otherRelations.get(`${s}.${name.name}`)
      if (what) return what
    }
    return undefined
  }

  nsName(id: NamespaceId): string {
    return this.namespaces.find((n) => n.id === id)?.name ?? '?'
  }

  // ------------------------------------------------------------ PostgreSQL's naming

  relations(ns: NamespaceId): Set<string> {
    let s = this.relationNames.get(ns)
    if (!s) this.relationNames.set(ns, (s = new Set()))
    return s
  }

  constraints(ns: NamespaceId): Set<string> {
    let s = this.constraintNames.get(ns)
    if (!s) this.constraintNames.set(ns, (s = new Set()))
    return s
  }

  /** ChooseRelationName: `name1_name2_label`, numbered past relations (and constraints) in use. */
  chooseRelationName(ns: NamespaceId, name1: string, name2: string | undefined, label: string, isConstraint: boolean): string {
    const rel = this.relations(ns)
    const con = this.constraints(ns)
    let name = makeObjectName(name1, name2, label)
    for (let pass = 1; rel.has(name) || (isConstraint && con.has(name)); pass++) name = makeObjectName(name1, name2, label + pass)
    return name
  }

  /** ChooseConstraintName: numbered past constraint names in use in the schema. */
  chooseConstraintName(ns: NamespaceId, name1: string, name2: string | undefined, label: string): string {
    const con = this.constraints(ns)
    let name = makeObjectName(name1, name2, label)
    for (let pass = 1; con.has(name); pass++) name = makeObjectName(name1, name2, label + pass)
    return name
  }

  /** The sequence a serial or identity column creates: its name is taken, ALTER SEQUENCE finds it. */
  addImplicitSequence(ns: NamespaceId, name: string): void {
    this.relations(ns).add(name)
    this.otherRelations.set(`${this.nsName(ns)}.${name}`, 'sequence')
  }

  // ------------------------------------------------------------ diagnostics

  /** Past this many diagnostics the rest are only counted, so a huge broken file stays cheap. */
  static readonly maxDiagnostics = 10_000
  hiddenDiagnostics = 0

  report(severity: Severity, code: string, message: string, location?: SourceLocation): void {
    if (this.diagnostics.length >= ImportState.maxDiagnostics) this.hiddenDiagnostics++
    else this.diagnostics.push({ code, severity, message, ...(location ? { location } : {}) })
  }
}

/** What every statement handler gets: the state, the statement's text and where it stands. */
export interface StatementContext {
  readonly state: ImportState
  readonly source: StatementSource
  /** The location of a byte offset in this statement (libpg-query's `location`). */
  at(byte?: number): SourceLocation
  report(severity: Severity, code: string, message: string, byte?: number): void
}
