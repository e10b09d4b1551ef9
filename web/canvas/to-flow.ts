/**
 * Schema + layout -> React Flow nodes and edges. Pure: React Flow nodes are a view of the model,
 * never its source of truth, so this is the only place that decides what the canvas shows.
 */
import type { Edge, Node } from '@xyflow/react'
import type { CSSProperties } from 'react'
import type {
  ChildEnd,
  ColumnId,
  EnumId,
  Layout,
  ParentEnd,
  Schema,
  Table,
  TableId,
} from '@core'
import { displayTableName, findNamespace, formatColumnType, indexSchema, isUniqueColumnSet, relationships } from '@core'
import { tableMetrics } from './metrics.ts'

export type ColumnMark = 'PK' | 'FK' | 'UQ' | 'NN'

export type ColumnRow = {
  readonly id: ColumnId
  readonly name: string
  readonly type: string
  /** In display order; NN and UQ are left out where PK already implies them. */
  readonly marks: readonly ColumnMark[]
  readonly comment?: string
  /**
   * Part of a key (primary, foreign, unique): what the collapsed view keeps when zoomed out, so a
   * table still shows how it is joined.
   */
  readonly key: boolean
}

// Types, not interfaces: React Flow wants data assignable to Record<string, unknown>.
export type TableNodeData = {
  readonly tableId: TableId
  /** The schema prefix, only when the table is outside `public`. */
  readonly namespace?: string
  readonly name: string
  readonly columns: readonly ColumnRow[]
  readonly comment?: string
}

export type RelationEdgeData = {
  readonly parentEnd: ParentEnd
  readonly childEnd: ChildEnd
  readonly selfReference: boolean
  readonly identifying: boolean
}

export type TableFlowNode = Node<TableNodeData, 'table'>
export type RelationFlowEdge = Edge<RelationEdgeData, 'relation'>

export type Side = 'left' | 'right'

/** One handle per column row and side; edges address rows through these ids. */
export function handleId(columnId: ColumnId, side: Side): string {
  return `${columnId}:${side}`
}

export interface Flow {
  readonly nodes: TableFlowNode[]
  readonly edges: RelationFlowEdge[]
}

/**
 * With `previous` (the flow derived before this edit), every node and edge whose derived content
 * did not change is the previous object itself: an edit to one table re-creates that table's node
 * (and the edges it touches) and nothing else, so memoised nodes and edges skip re-rendering and
 * React Flow does not re-measure them. At 1,000 tables that is the difference between one node's
 * work and a thousand's.
 */
export function toFlow(schema: Schema, layout: Layout, previous?: Flow): Flow {
  const before = previous ? new Map(previous.nodes.map((n) => [n.id, n])) : undefined
  const nodes = schema.tables.map((table): TableFlowNode => {
    const data = tableData(schema, table)
    const at = layout.tables[table.id]
    const x = at?.x ?? 0
    const y = at?.y ?? 0
    // The colour is layout, not schema: it rides on the node, so cached data stays schema-only.
    const style = at?.color === undefined ? undefined : accentStyle(at.color)
    const ariaLabel = displayTableName(schema, table)
    const className = at?.pinned ? 'cf-node--pinned' : undefined
    const old = before?.get(table.id)
    if (old && old.data === data && old.position.x === x && old.position.y === y && old.style === style && old.ariaLabel === ariaLabel && old.className === className) return old
    return { id: table.id, type: 'table', position: { x, y }, data, ariaLabel, ...(style === undefined ? {} : { style }), ...(className === undefined ? {} : { className }) }
  })
  return { nodes, edges: relationEdges(schema, layout, previous?.edges) }
}

// One style object per colour, so an unchanged node compares equal from one derivation to the next.
const accentStyles = new Map<string, CSSProperties>()
function accentStyle(color: string): CSSProperties {
  let style = accentStyles.get(color)
  if (!style) accentStyles.set(color, (style = { '--cf-table-accent': color } as CSSProperties))
  return style
}

function sameEdge(a: RelationFlowEdge, b: RelationFlowEdge): boolean {
  return (
    a.source === b.source &&
    a.target === b.target &&
    a.sourceHandle === b.sourceHandle &&
    a.targetHandle === b.targetHandle &&
    a.ariaLabel === b.ariaLabel &&
    a.data!.parentEnd === b.data!.parentEnd &&
    a.data!.childEnd === b.data!.childEnd &&
    a.data!.selfReference === b.data!.selfReference &&
    a.data!.identifying === b.data!.identifying
  )
}

function relationEdges(schema: Schema, layout: Layout, previous?: readonly RelationFlowEdge[]): RelationFlowEdge[] {
  const before = previous ? new Map(previous.map((e) => [e.id, e])) : undefined
  const edges: RelationFlowEdge[] = []
  for (const rel of relationships(schema)) {
    const { foreignKey: fk, child, parent } = rel
    const from = fk.columns[0]
    const to = fk.target.columns[0]
    // A dangling or empty foreign key has nothing to point at; lint reports it, the canvas skips it.
    if (!parent || from === undefined || to === undefined) continue
    const [childSide, parentSide] = rel.selfReference ? (['right', 'right'] as const) : sides(layout, child.id, parent.id)
    const edge: RelationFlowEdge = {
      id: fk.id,
      type: 'relation',
      source: child.id,
      sourceHandle: handleId(from, childSide),
      target: parent.id,
      targetHandle: handleId(to, parentSide),
      data: {
        parentEnd: rel.parentEnd,
        childEnd: rel.childEnd,
        selfReference: rel.selfReference,
        identifying: rel.identifying,
      },
      ariaLabel: `${columnPath(schema, child, fk.columns)} references ${columnPath(schema, parent, fk.target.columns)}`,
    }
    const old = before?.get(fk.id)
    edges.push(old && sameEdge(old, edge) ? old : edge)
  }
  return edges
}

/**
 * Which sides of the two tables an edge leaves and enters: facing sides when the tables stand
 * apart, both right sides when one stands above the other (a facing pair would cross both nodes).
 */
function sides(layout: Layout, child: TableId, parent: TableId): readonly [Side, Side] {
  const c = layout.tables[child]?.x ?? 0
  const p = layout.tables[parent]?.x ?? 0
  if (Math.abs(c - p) < tableMetrics.minWidth / 2) return ['right', 'right']
  return c > p ? ['left', 'right'] : ['right', 'left']
}

function columnPath(schema: Schema, table: Table, ids: readonly ColumnId[]): string {
  const names = ids.map((id) => table.columns.find((c) => c.id === id)?.name ?? '?')
  const cols = names.length === 1 ? names[0] : `(${names.join(', ')})`
  return `${displayTableName(schema, table)}.${cols}`
}

// Tables are immutable, so a table's node data can be reused until the table itself changes (or
// the enums and namespaces it names do). Stable data lets memoised nodes skip re-rendering while
// another table is dragged, which matters at 1,000 tables.
interface CachedData {
  readonly enums: Schema['enums']
  readonly namespaces: Schema['namespaces']
  readonly data: TableNodeData
}
const dataCache = new WeakMap<Table, CachedData>()

function tableData(schema: Schema, table: Table): TableNodeData {
  const hit = dataCache.get(table)
  if (hit && hit.enums === schema.enums && hit.namespaces === schema.namespaces) return hit.data
  const data = buildTableData(schema, table)
  dataCache.set(table, { enums: schema.enums, namespaces: schema.namespaces, data })
  return data
}

function buildTableData(schema: Schema, table: Table): TableNodeData {
  const index = indexSchema(schema)
  const enumName = (id: EnumId) => {
    const e = index.enums.get(id)
    if (!e) return 'enum'
    const ns = findNamespace(schema, e.namespaceId)?.name
    return ns === undefined || ns === 'public' ? e.name : `${ns}.${e.name}`
  }
  const pk = new Set<ColumnId>(table.primaryKey?.columns ?? [])
  const fk = new Set<ColumnId>(table.foreignKeys.flatMap((f) => f.columns))
  const uniques = new Set<ColumnId>(table.uniques.flatMap((u) => u.columns))
  const columns = table.columns.map((col): ColumnRow => {
    const marks: ColumnMark[] = []
    if (pk.has(col.id)) marks.push('PK')
    if (fk.has(col.id)) marks.push('FK')
    // A primary key is unique and not null by definition; repeating it is noise.
    if (!pk.has(col.id) && isUniqueColumnSet(table, [col.id])) marks.push('UQ')
    if (!pk.has(col.id) && !col.nullable) marks.push('NN')
    return {
      id: col.id,
      name: col.name,
      type: formatColumnType(col.type, { enumName }),
      marks,
      key: pk.has(col.id) || fk.has(col.id) || uniques.has(col.id) || marks.includes('UQ'),
      ...(col.comment === undefined ? {} : { comment: col.comment }),
    }
  })
  const ns = findNamespace(schema, table.namespaceId)?.name
  return {
    tableId: table.id,
    ...(ns === undefined || ns === 'public' ? {} : { namespace: ns }),
    name: table.name,
    columns,
    ...(table.comment === undefined ? {} : { comment: table.comment }),
  }
}
