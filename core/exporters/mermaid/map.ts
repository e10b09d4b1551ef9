/**
 * The design as a Mermaid ER diagram: entities with typed attributes and key markers, and one
 * relationship per foreign key with crow's-foot ends derived from nullability and uniqueness.
 * Everything else Mermaid has no syntax for goes into the loss report.
 */
import type { Diagnostic, DiagnosticTarget } from '../../diagnostics.ts'
import type { ColumnId, ConstraintId } from '../../model/ids.ts'
import { resolveNames } from '../../model/names.ts'
import { displayTableName, indexSchema, qualifiedTableName } from '../../model/queries.ts'
import { relationshipOf } from '../../model/relationships.ts'
import type { Schema, Table } from '../../model/schema.ts'
import { formatColumnType } from '../../model/types.ts'
import { identifierWords, Namer } from '../print/identifiers.ts'
import { LossSummary } from '../print/loss-summary.ts'
import { isMermaidReserved, mermaidTypeWord } from './print.ts'

export interface MermaidDiagram {
  readonly entities: readonly MermaidEntity[]
  readonly relationships: readonly MermaidRelationship[]
}

export interface MermaidEntity {
  /** A bare word Mermaid reads as an entity name; relationships refer to it. */
  readonly id: string
  /** The table's real name when the id had to differ from it (printed as `id["label"]`). */
  readonly label?: string
  readonly attributes: readonly MermaidAttribute[]
}

export type MermaidKey = 'PK' | 'FK' | 'UK'

export interface MermaidAttribute {
  readonly type: string
  readonly name: string
  readonly keys: readonly MermaidKey[]
  readonly comment?: string
}

export interface MermaidRelationship {
  readonly parent: string
  readonly child: string
  /** How many parent rows a child row has: `||` exactly one, `|o` zero or one. */
  readonly parentEnd: '||' | '|o'
  /** How many child rows a parent row has: `o|` zero or one, `o{` zero or many. */
  readonly childEnd: 'o|' | 'o{'
  /** Solid line when the foreign key is part of the child's primary key. */
  readonly identifying: boolean
  readonly label: string
}

const lossKinds = {
  nullability: { severity: 'info', message: 'NOT NULL on columns; it shows only at relationship ends' },
  defaults: { severity: 'warning', message: 'column defaults; they are left out' },
  identity: { severity: 'warning', message: 'identity and generated columns; they show as plain columns' },
  collations: { severity: 'warning', message: 'column collations; they are left out' },
  'composite-uniques': { severity: 'warning', message: 'unique constraints on several columns; they are left out' },
  checks: { severity: 'warning', message: 'check constraints; they are left out' },
  indexes: { severity: 'warning', message: 'indexes; only single-column unique ones show, as UK' },
  'fk-options': { severity: 'warning', message: 'ON DELETE, ON UPDATE, DEFERRABLE and MATCH FULL of foreign keys; they are left out' },
  'broken-fks': { severity: 'warning', message: 'foreign keys to a table that does not exist; they are left out' },
  enums: { severity: 'warning', message: 'enum values; columns show the enum name only' },
  'table-options': { severity: 'warning', message: 'partitioning and UNLOGGED; they are left out' },
  comments: { severity: 'info', message: 'comments on schemas, tables, enums, constraints and indexes; column comments are kept' },
  extensions: { severity: 'info', message: 'extensions; they are left out' },
} as const

type LossKindName = keyof typeof lossKinds

export function mapMermaid(schema: Schema): { diagram: MermaidDiagram; diagnostics: Diagnostic[] } {
  const idx = indexSchema(schema)
  const names = resolveNames(schema)
  const losses = new LossSummary<LossKindName>('Mermaid', lossKinds)
  const ids = entityIds(schema)

  for (const ns of schema.namespaces) if (ns.comment) losses.add('comments', () => ({ where: `schema ${ns.name}`, target: { namespaceId: ns.id } }))
  for (const ext of schema.extensions) losses.add('extensions', () => ({ where: ext }))
  for (const e of schema.enums) {
    const place = () => {
      const name = `${idx.namespaces.get(e.namespaceId)?.name ?? '?'}.${e.name}`
      return { where: name, target: { enumId: e.id, enum: name } }
    }
    losses.add('enums', place)
    if (e.comment) losses.add('comments', place)
  }
  const enumName = (id: string) => {
    const e = idx.enums.get(id as never)
    if (!e) return 'enum'
    const ns = idx.namespaces.get(e.namespaceId)?.name
    return ns === undefined || ns === 'public' ? e.name : `${ns}.${e.name}`
  }

  const entities: MermaidEntity[] = []
  const relationships: MermaidRelationship[] = []
  for (const t of schema.tables) {
    const qualified = qualifiedTableName(schema, t)
    const at = (where: string, extra: Partial<DiagnosticTarget> = {}) => ({ where, target: { tableId: t.id, table: qualified, ...extra } })
    const constraintAt = (c: { id: ConstraintId }) => () => at(names.constraints.get(c.id)!, { constraintId: c.id, constraint: names.constraints.get(c.id)! })
    const keys = columnKeys(schema, t)
    const attributes = t.columns.map((c): MermaidAttribute => {
      const place = () => at(`${qualified}.${c.name}`, { columnId: c.id, column: c.name })
      if (!c.nullable) losses.add('nullability', place)
      if (c.default) losses.add('defaults', place)
      if (c.identity || c.generated !== undefined) losses.add('identity', place)
      if (c.collation) losses.add('collations', place)
      return {
        type: mermaidTypeWord(formatColumnType(c.type, { enumName })),
        name: c.name,
        keys: keys.get(c.id) ?? [],
        ...(c.comment ? { comment: c.comment } : {}),
      }
    })
    const id = ids.get(t.id)!
    const label = displayTableName(schema, t)
    entities.push({ id, ...(label === id ? {} : { label }), attributes })

    if (t.comment) losses.add('comments', () => at(qualified))
    if (t.partitionBy || t.unlogged) losses.add('table-options', () => at(qualified))
    for (const c of [...(t.primaryKey ? [t.primaryKey] : []), ...t.uniques, ...t.foreignKeys]) if (c.comment) losses.add('comments', constraintAt(c))
    for (const u of t.uniques) if (u.columns.length > 1) losses.add('composite-uniques', constraintAt(u))
    for (const c of t.checks) losses.add('checks', constraintAt(c))
    for (const i of t.indexes) {
      const place = () => at(names.indexes.get(i.id)!, { indexId: i.id, index: names.indexes.get(i.id)! })
      losses.add('indexes', place)
      if (i.comment) losses.add('comments', place)
    }
    for (const fk of t.foreignKeys) {
      const rel = relationshipOf(schema, t, fk)
      if (!rel.parent || !ids.has(rel.parent.id)) {
        losses.add('broken-fks', constraintAt(fk))
        continue
      }
      if (fk.onDelete || fk.onUpdate || fk.match || (fk.deferrable && fk.deferrable !== 'not deferrable')) losses.add('fk-options', constraintAt(fk))
      relationships.push({
        parent: ids.get(rel.parent.id)!,
        child: id,
        parentEnd: rel.parentEnd === 'exactly-one' ? '||' : '|o',
        childEnd: rel.childEnd === 'zero-or-one' ? 'o|' : 'o{',
        identifying: rel.identifying,
        label: names.constraints.get(fk.id)!,
      })
    }
  }
  return { diagram: { entities, relationships }, diagnostics: losses.diagnostics() }
}

/**
 * PK for primary-key columns, FK for foreign-key columns, UK for a column that is unique on its
 * own. Columns of a composite unique key get no UK: each of them alone repeats freely.
 */
export function columnKeys(schema: Schema, table: Table): Map<ColumnId, MermaidKey[]> {
  const out = new Map<ColumnId, MermaidKey[]>()
  const mark = (id: ColumnId, key: MermaidKey) => {
    const list = out.get(id) ?? []
    if (!list.includes(key)) list.push(key)
    out.set(id, list)
  }
  for (const id of table.primaryKey?.columns ?? []) mark(id, 'PK')
  const tables = indexSchema(schema).tables
  for (const fk of table.foreignKeys) if (tables.has(fk.target.tableId)) for (const id of fk.columns) mark(id, 'FK')
  for (const u of table.uniques) if (u.columns.length === 1) mark(u.columns[0]!, 'UK')
  for (const i of table.indexes) {
    const key = i.keys[0]
    if (i.unique && i.where === undefined && i.keys.length === 1 && key?.kind === 'column') mark(key.columnId, 'UK')
  }
  return out
}

/**
 * One bare-word id per table. Names that are already bare words keep themselves (no alias, the
 * diagram source reads like the design); the others get a readable ASCII id and show their real
 * name as the entity's label. Bare names claim first, so an id never steals a real name.
 */
function entityIds(schema: Schema): Map<Table['id'], string> {
  const namer = new Namer()
  const ids = new Map<Table['id'], string>()
  const bare = (name: string) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !isMermaidReserved(name)
  const labels = new Map(schema.tables.map((t) => [t.id, displayTableName(schema, t)]))
  for (const t of schema.tables) {
    const label = labels.get(t.id)!
    if (bare(label) && namer.isFree(label)) ids.set(t.id, namer.claim(label))
  }
  for (const t of schema.tables) {
    if (ids.has(t.id)) continue
    let base = identifierWords(labels.get(t.id)!).join('_') || 'table'
    if (!bare(base)) base = `t_${base}`
    ids.set(t.id, namer.claim(base))
  }
  return ids
}
