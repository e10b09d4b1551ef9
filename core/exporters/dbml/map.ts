/**
 * The design as DBML: tables, enums, refs with their actions and the document's table groups, as
 * the user drew them (objects DBML itself would reject are left out with an error, see
 * `validity.ts`). What DBML has no syntax for goes into the loss report.
 */
import type { Diagnostic } from '../../diagnostics.ts'
import type { CrowsfootDocument } from '../../document/document.ts'
import type { TableId } from '../../model/ids.ts'
import { resolveNames } from '../../model/names.ts'
import { findColumn, indexSchema, qualifiedTableName } from '../../model/queries.ts'
import { relationshipOf } from '../../model/relationships.ts'
import type { ColumnType, Schema, Table } from '../../model/schema.ts'
import { formatColumnType } from '../../model/types.ts'
import { type LossSink, LossSummary } from '../print/loss-summary.ts'
import type { DbmlEnum, DbmlGroup, DbmlName, DbmlProject, DbmlRef, DbmlTable } from './ir.ts'
import { dbmlDedent, mapTable, tableLossKinds } from './map-table.ts'
import { dbmlSkips } from './validity.ts'

const lossKinds = {
  ...tableLossKinds,
  'empty-enums': { severity: 'warning', message: 'enums without values or with an empty value; they are left out and columns keep the type name' },
  'fk-options': { severity: 'warning', message: 'DEFERRABLE and MATCH FULL of foreign keys; they are left out' },
  'duplicate-refs': { severity: 'warning', message: 'a second foreign key between the same columns (DBML allows one ref per pair); it is left out' },
  'self-refs': { severity: 'warning', message: 'foreign keys from columns to the same columns; they are left out' },
  groups: { severity: 'info', message: 'a table in two groups, two groups of one name or a colour that is not #rgb/#rrggbb; the repeat or the colour is left out' },
  extensions: { severity: 'info', message: 'extensions; they are left out' },
} as const

type LossKindName = keyof typeof lossKinds

export function mapDbml(schema: Schema, document?: CrowsfootDocument): { project: DbmlProject; diagnostics: Diagnostic[] } {
  const report = dbmlSkips(schema)
  const idx = indexSchema(schema)
  const names = resolveNames(schema)
  const losses = new LossSummary<LossKindName>('DBML', lossKinds)
  const nsName = (id: string) => idx.namespaces.get(id as never)?.name ?? '?'
  const qualify = (namespaceId: string, name: string): DbmlName =>
    nsName(namespaceId) === 'public' ? { name } : { schema: nsName(namespaceId), name }

  for (const ns of schema.namespaces) if (ns.comment) losses.add('comments', () => ({ where: `schema ${ns.name}`, target: { namespaceId: ns.id } }))
  for (const ext of schema.extensions) losses.add('extensions', () => ({ where: ext }))

  const enums: DbmlEnum[] = []
  for (const e of schema.enums) {
    if (report.skipEnums.has(e.id)) continue
    const where = `${nsName(e.namespaceId)}.${e.name}`
    const place = () => ({ where, target: { enumId: e.id, enum: where } })
    if (e.comment) losses.add('comments', place)
    if (e.values.length === 0 || e.values.some((v) => v.name === '')) losses.add('empty-enums', place)
    else enums.push({ name: qualify(e.namespaceId, e.name), values: e.values.map((v) => v.name) })
  }

  // Enum columns name their enum, qualified outside public: `billing."Order State"[]`.
  const typeOf = (type: ColumnType): DbmlName => {
    if (type.kind === 'custom') {
      const name = formatColumnType({ ...type, schema: undefined })
      return type.schema === undefined ? { name } : { schema: type.schema, name }
    }
    if (type.kind === 'enum') {
      const e = idx.enums.get(type.enumId)
      return e ? qualify(e.namespaceId, e.name + '[]'.repeat(type.arrayDims)) : { name: formatColumnType(type) }
    }
    return { name: formatColumnType(type) }
  }

  const tables: DbmlTable[] = []
  const exported = new Map<TableId, DbmlTable>()
  const ctx = { names, report, losses, typeOf, tableName: (t: Table) => qualify(t.namespaceId, t.name), where: (t: Table) => qualifiedTableName(schema, t) }
  for (const t of schema.tables) {
    if (report.skipTables.has(t.id)) continue
    const table = mapTable(t, ctx)
    if (!table) continue
    tables.push(table)
    exported.set(t.id, table)
  }

  const refs: DbmlRef[] = []
  const pairs = new Set<string>()
  for (const t of schema.tables) {
    if (!exported.has(t.id)) continue
    for (const fk of t.foreignKeys) {
      const parent = idx.tables.get(fk.target.tableId)
      if (report.skipConstraints.has(fk.id) || !parent || !exported.has(parent.id)) continue
      const name = names.constraints.get(fk.id)!
      const place = () => ({ where: name, target: { tableId: t.id, table: qualifiedTableName(schema, t), constraintId: fk.id, constraint: name } })
      const child = { table: exported.get(t.id)!.name, columns: fk.columns.map((id) => findColumn(t, id)!.name) }
      const referenced = { table: exported.get(parent.id)!.name, columns: fk.target.columns.map((id) => findColumn(parent, id)!.name) }
      // DBML rejects a ref between columns already joined by another ref, in either direction.
      const ends = [`${t.id}:${[...fk.columns].sort().join(',')}`, `${parent.id}:${[...fk.target.columns].sort().join(',')}`]
      if (ends[0] === ends[1]) {
        losses.add('self-refs', place)
        continue
      }
      const key = ends.sort().join('|')
      if (pairs.has(key)) {
        losses.add('duplicate-refs', place)
        continue
      }
      pairs.add(key)
      if (fk.match || (fk.deferrable && fk.deferrable !== 'not deferrable')) losses.add('fk-options', place)
      if (fk.comment) losses.add('comments', place)
      const oneToOne = relationshipOf(schema, t, fk).childEnd === 'zero-or-one'
      refs.push({
        ...(fk.name !== undefined || names.numbered.has(fk.id) ? { name } : {}),
        ...(oneToOne ? { from: referenced, op: '-' as const, to: child } : { from: child, op: '>' as const, to: referenced }),
        ...(fk.onDelete ? { onDelete: fk.onDelete } : {}),
        ...(fk.onUpdate ? { onUpdate: fk.onUpdate } : {}),
      })
    }
  }

  const groups = mapGroups(document, exported, losses)
  const project = { name: document?.name ?? 'Untitled design', enums, tables, refs, groups }
  return { project, diagnostics: [...report.diagnostics, ...losses.diagnostics()] }
}

/** DBML puts a table in at most one group and wants group names unique; the first one wins. */
function mapGroups(document: CrowsfootDocument | undefined, exported: ReadonlyMap<TableId, DbmlTable>, losses: LossSink<'groups' | 'note-indentation'>): DbmlGroup[] {
  const groups: DbmlGroup[] = []
  const grouped = new Set<TableId>()
  const groupNames = new Set<string>()
  for (const g of document?.layout.groups ?? []) {
    if (groupNames.has(g.name)) {
      losses.add('groups', () => ({ where: g.name }))
      continue
    }
    groupNames.add(g.name)
    const tables: DbmlName[] = []
    for (const id of g.tableIds) {
      const t = exported.get(id)
      if (!t) continue
      if (grouped.has(id)) losses.add('groups', () => ({ where: `${g.name}: ${t.name.name}` }))
      else (grouped.add(id), tables.push(t.name))
    }
    const color = g.color && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(g.color) ? g.color : undefined
    if (g.color && !color) losses.add('groups', () => ({ where: `${g.name}: ${g.color}` }))
    if (g.note && dbmlDedent(g.note) !== g.note) losses.add('note-indentation', () => ({ where: `group ${g.name}` }))
    groups.push({ name: g.name, tables, ...(color ? { color } : {}), ...(g.note ? { note: g.note } : {}) })
  }
  return groups
}
