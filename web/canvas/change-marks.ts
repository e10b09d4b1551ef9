/**
 * What a migration changes, as marks on the diagram: per table and per column, `added`,
 * `removed`, `changed` or `renamed`, and the tables the migration removes (drawn as faint ghosts,
 * since the current design no longer has them). The marks themselves come from the core's
 * `changeMarks`, so the canvas, the review page and image exports agree; the store holds the
 * marks the Migrations panel shows while it is open, and nothing when it is closed.
 */
import { useMemo } from 'react'
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type { Change, ChangeMark, Layout, Schema, Table } from '@core'
import { changeMarks as coreChangeMarks } from '@core'
import { placeTables } from './grid-layout.ts'
import { toFlow, type TableFlowNode } from './to-flow.ts'

export type Mark = ChangeMark

export interface ChangeMarks {
  /** By table id: the new version's ids, or the old one's for a removed table. */
  readonly tables: Map<string, Mark>
  /** By column id. */
  readonly columns: Map<string, Mark>
  /** Tables of the old version that the new one does not have, as they were. */
  readonly removedTables: Table[]
}

/**
 * The core's marks (the same the review page and the SVG renderer draw), with the removed
 * tables' definitions for drawing their ghosts.
 * @example
 *   const marks = changeMarks(diffSchemas(versionSchema(doc, 'v1'), doc.schema))
 *   marks.columns.get(columnId) // 'renamed'
 */
export function changeMarks(changes: readonly Change[]): ChangeMarks {
  const marks = coreChangeMarks(changes)
  const removedTables: Table[] = []
  for (const c of changes) if (c.kind === 'tableRemoved') removedTables.push(c.tableDef)
  return { tables: new Map(marks.tables), columns: new Map(marks.columns), removedTables }
}

/** A table's own mark and its columns' marks, as one node needs them. */
export interface TableMarks {
  readonly table?: Mark
  readonly columns: ReadonlyMap<string, Mark>
}

const unmarked: TableMarks = { columns: new Map() }

/**
 * The marks per table, computed once for a set of marks, so each node subscribes to one entry
 * that keeps its identity until the marks change.
 */
export function marksByTable(marks: ChangeMarks, schema: Pick<Schema, 'tables'>): Map<string, TableMarks> {
  const out = new Map<string, TableMarks>()
  const tables = [...schema.tables, ...marks.removedTables]
  for (const t of tables) {
    const table = marks.tables.get(t.id)
    let columns: Map<string, Mark> | undefined
    for (const col of t.columns) {
      const m = marks.columns.get(col.id)
      if (m !== undefined) (columns ??= new Map()).set(col.id, m)
    }
    if (table !== undefined || columns) out.set(t.id, { ...(table === undefined ? {} : { table }), columns: columns ?? unmarked.columns })
  }
  return out
}

interface MarksState {
  /** Undefined while no migration is being looked at. */
  readonly marks: ChangeMarks | undefined
  /** The old version, for ghosts of the tables it removes (their namespaces, enums). */
  readonly base: Schema | undefined
  readonly byTable: ReadonlyMap<string, TableMarks>
}

export const changeMarksStore = createStore<MarksState>()(() => ({ marks: undefined, base: undefined, byTable: new Map() }))

/** Shows marks on the canvas (the Migrations panel, when its target is the current design). */
export function showChangeMarks(changes: readonly Change[], base: Schema, current: Schema): void {
  const marks = changeMarks(changes)
  changeMarksStore.setState({ marks, base, byTable: marksByTable(marks, current) })
}

export function clearChangeMarks(): void {
  if (changeMarksStore.getState().marks) changeMarksStore.setState({ marks: undefined, base: undefined, byTable: new Map() })
}

/** For a table node: its mark and its columns' (a shared empty entry when unmarked). */
export function useTableMarks(tableId: string): TableMarks {
  return useStore(changeMarksStore, (s) => s.byTable.get(tableId) ?? unmarked)
}

/**
 * Removed tables as nodes below the design, faint (CSS on their `removed` mark), neither
 * selectable nor draggable: they are not part of the design any more.
 */
export function ghostNodes(removed: readonly Table[], base: Schema, current: Schema, layout: Layout): TableFlowNode[] {
  if (removed.length === 0) return []
  const placed = placeTables({ ...current, tables: [...current.tables, ...removed] }, layout)
  const flow = toFlow({ ...base, tables: [...removed] }, placed)
  return flow.nodes.map((n) => ({ ...n, id: `ghost:${n.id}`, selectable: false, draggable: false, focusable: false, ariaRole: 'group', ariaLabel: `${n.ariaLabel ?? n.id} (removed)` }))
}

export function useGhostNodes(current: Schema, layout: Layout): readonly TableFlowNode[] {
  const marks = useStore(changeMarksStore, (s) => s.marks)
  const base = useStore(changeMarksStore, (s) => s.base)
  return useMemo(() => (marks && base ? ghostNodes(marks.removedTables, base, current, layout) : none), [marks, base, current, layout])
}
const none: readonly TableFlowNode[] = []

/** The flow with the ghosts after the design's nodes (the same flow when there are none). */
export function withGhosts<F extends { readonly nodes: TableFlowNode[] }>(flow: F, ghosts: readonly TableFlowNode[]): F {
  return ghosts.length === 0 ? flow : { ...flow, nodes: [...flow.nodes, ...ghosts] }
}

/** Minimap colours: a CSS variable per mark, the plain node colour otherwise. */
export const markColors: Record<Mark, string> = {
  added: 'var(--cf-change-added)',
  removed: 'var(--cf-change-removed)',
  changed: 'var(--cf-change-changed)',
  renamed: 'var(--cf-change-renamed)',
}

/** The minimap's `nodeColor`; a new function whenever the marks change, so the minimap redraws. */
export function useMinimapNodeColor(fallback: string): (node: { id: string }) => string {
  const byTable = useStore(changeMarksStore, (s) => s.byTable)
  return useMemo(() => {
    if (byTable.size === 0) return () => fallback
    return (node: { id: string }) => {
      const id = node.id.startsWith('ghost:') ? node.id.slice(6) : node.id
      const m = byTable.get(id)?.table
      return m ? markColors[m] : fallback
    }
  }, [byTable, fallback])
}
