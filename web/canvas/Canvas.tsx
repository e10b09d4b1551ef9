/**
 * The diagram. Nodes and edges are derived from the document (`toFlow`); React Flow only holds
 * view state on top (measured sizes, a drag in progress). Selection lives in the store, so the
 * inspector, the table list and the canvas agree; a drag is committed to the document once, on
 * drop, so it is one undo entry.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react'
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useReactFlow,
  useStore,
  useUpdateNodeInternals,
  useStoreApi,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
} from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { Magnet } from 'lucide-react'
import type { ColumnId, ConstraintId, TableId } from '@core'
import { randomIds } from '@core'
import { appStore, useApp } from '../store/index.ts'
import type { Point } from '../store/document-slice.ts'
import { selectLayout, selectSchema, selectSelection, selectThemePreference } from '../store/selectors.ts'
import { selectedTableIds, type Selection } from '../store/selection-slice.ts'
import { registerCanvas } from './bridge.ts'
import { useGhostNodes, useMinimapNodeColor, withGhosts } from './change-marks.ts'
import { planConnection, type ConnectEnd } from './connect.ts'
import { CrowsFootMarkers } from './edges/CrowsFootMarkers.tsx'
import { detailForZoom, mapZoom, tableMetrics } from './metrics.ts'
import { TableDetailContext } from './nodes/TableNode.tsx'
import { edgeTypes, nodeTypes } from './node-types.ts'
import { syncNodes } from './sync-nodes.ts'
import { toFlow, type Flow, type RelationFlowEdge, type TableFlowNode } from './to-flow.ts'
import './canvas.css'

// The node CSS reads its sizes from here, so the first layout's estimates match the drawing.
const metricsStyle = {
  '--cf-table-min-width': `${tableMetrics.minWidth}px`,
  '--cf-table-max-width': `${tableMetrics.maxWidth}px`,
  '--cf-table-header-height': `${tableMetrics.headerHeight}px`,
  '--cf-table-row-height': `${tableMetrics.rowHeight}px`,
} as CSSProperties

/**
 * From this many tables on, React Flow renders only the nodes and edges in view: a node off screen
 * still costs its DOM, style and layout (about 90 elements at full detail). Below it, mounting
 * nodes while panning would cost more than it saves.
 */
const cullAbove = 150

const fitViewOptions = { padding: 0.08, maxZoom: 1 }
const snapGrid: [number, number] = [20, 20]
const connectionIds = randomIds()

/** The handle on a table's header starts a relationship from the whole table (its FK columns are made to match). */
export const tableHandleId = 'table'

/** What a handle stands for: the row's column, or the table for the header's handle. */
function endOfHandle(nodeId: string, handle: string | null | undefined): ConnectEnd {
  const tableId = nodeId as TableId
  if (!handle || handle === tableHandleId) return { tableId }
  const cut = handle.lastIndexOf(':')
  return { tableId, columnId: (cut < 0 ? handle : handle.slice(0, cut)) as ColumnId }
}

/** The table, and the column row if any, under the pointer where a drag ended away from a handle. */
function endAtPoint(event: MouseEvent | TouchEvent): ConnectEnd | undefined {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event
  if (!point) return undefined
  const under = document.elementFromPoint(point.clientX, point.clientY)
  const node = under?.closest<HTMLElement>('.react-flow__node')
  const id = node?.dataset.id
  if (!id) return undefined
  const row = under?.closest('.cf-table__row')
  const handle = row?.querySelector<HTMLElement>('.react-flow__handle')?.dataset.handleid
  return endOfHandle(id, handle)
}
const connectionLineStyle: CSSProperties = { stroke: 'var(--cf-accent)', strokeWidth: 1.75, strokeDasharray: '5 4' }

/** Nodes with `selected` set from the store's selection; unchanged nodes keep their object. */
function withSelection(nodes: readonly TableFlowNode[], selected: ReadonlySet<string>): TableFlowNode[] {
  return nodes.map((n) => (Boolean(n.selected) === selected.has(n.id) ? n : { ...n, selected: selected.has(n.id) }))
}

function withEdgeSelection(edges: readonly RelationFlowEdge[], selection: Selection): RelationFlowEdge[] {
  const id = selection.kind === 'relationship' ? selection.foreignKeyId : undefined
  if (id === undefined) return edges as RelationFlowEdge[]
  return edges.map((e) => (e.id === id ? { ...e, selected: true } : e))
}

function Diagram() {
  const schema = useApp(selectSchema)
  const layout = useApp(selectLayout)
  const selection = useApp(selectSelection)
  const colorMode = useApp(selectThemePreference)
  const moveTables = useApp((s) => s.moveTables)
  const snapToGrid = useApp((s) => s.snapToGrid)
  const flowApi = useReactFlow<TableFlowNode, RelationFlowEdge>()
  const flowStore = useStoreApi<TableFlowNode, RelationFlowEdge>()
  const connecting = useStore((s) => s.connection.inProgress)
  const wrapper = useRef<HTMLDivElement>(null)
  // A boolean-like selector: panning re-renders nothing; crossing a zoom threshold re-renders nodes once.
  const detail = useStore((s) => detailForZoom(s.transform[2]))
  const culled = schema.tables.length > cullAbove
  // Another detail moves the rows, and with them the edges' handles, even where a node keeps its size.
  const updateNodeInternals = useUpdateNodeInternals()
  const shownDetail = useRef(detail)
  useEffect(() => {
    if (shownDetail.current === detail) return
    shownDetail.current = detail
    updateNodeInternals(appStore.getState().document.schema.tables.map((t) => t.id))
  }, [detail, updateNodeInternals])
  // Below this even a large name is a pixel high: the canvas stops painting text (CSS) and shows the map.
  const map = useStore((s) => s.transform[2] < mapZoom)
  // Escape during a relationship drag ends it without drawing anything.
  const connectionCancelled = useRef(false)

  const ghosts = useGhostNodes(schema, layout)
  // The flow before this edit: unchanged tables keep their node objects (see toFlow).
  const lastFlow = useRef<Flow | undefined>(undefined)
  const base = useMemo(() => toFlow(schema, layout, lastFlow.current), [schema, layout])
  lastFlow.current = base
  const flow = useMemo(() => withGhosts(base, ghosts), [base, ghosts])
  const minimapNodeColor = useMinimapNodeColor('var(--cf-minimap-node)')
  const [nodes, setNodes] = useState<TableFlowNode[]>(flow.nodes)
  const [shown, setShown] = useState(flow)
  if (shown !== flow) {
    // Adjusting state while rendering (not in an effect) avoids one frame of stale nodes.
    setShown(flow)
    setNodes((current) => syncNodes(flow.nodes, current))
  }
  const selectedIds = useMemo(() => new Set<string>(selectedTableIds(selection)), [selection])
  const shownNodes = useMemo(() => withSelection(nodes, selectedIds), [nodes, selectedIds])
  const shownEdges = useMemo(() => withEdgeSelection(flow.edges, selection), [flow.edges, selection])

  const onNodesChange = useCallback(
    (changes: NodeChange<TableFlowNode>[]) => {
      const dropped = new Map<TableId, Point>()
      let nudged = false
      const before = flowStore.getState().nodeLookup
      for (const c of changes)
        if (c.type === 'position' && c.dragging === false && c.position) {
          dropped.set(c.id as TableId, c.position)
          // React Flow moves a focused selection by arrow keys without a drag: those presses merge.
          if (!before.get(c.id)?.dragging) nudged = true
        }
      setNodes((current) => applyNodeChanges(changes, current))
      if (dropped.size > 0) moveTables(dropped, nudged ? { coalesce: 'nudge' } : undefined)

      const selects = changes.filter((c) => c.type === 'select')
      if (selects.length === 0) return
      const state = appStore.getState()
      const next = new Set<string>(selectedTableIds(state.selection))
      for (const c of selects) {
        if (c.type !== 'select') continue
        if (c.selected) next.add(c.id)
        else next.delete(c.id)
      }
      const tableIds = [...next] as TableId[]
      // A click on one table keeps the inspector's focus request if it is for that table.
      if (tableIds.length === 0) {
        if (state.selection.kind === 'tables') state.select({ kind: 'none' })
      } else state.select({ kind: 'tables', tableIds })
    },
    [moveTables, flowStore],
  )

  const onConnectEnd = useCallback((event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if (connectionCancelled.current) {
      connectionCancelled.current = false
      return
    }
    if (!state.fromNode) return
    const from = endOfHandle(state.fromNode.id, state.fromHandle?.id)
    const to = state.toNode && state.toHandle ? endOfHandle(state.toNode.id, state.toHandle.id) : endAtPoint(event)
    // Let go over empty canvas: the drag was abandoned.
    if (!to) return
    const app = appStore.getState()
    const id = connectionIds.next('constraint')
    const plan = planConnection(app.document.schema, from, to, id)
    if (!plan.ok) {
      app.notify({ tone: 'warning', message: plan.reason })
      return
    }
    const result = app.editSchema('Add relationship', plan.edit, { select: { kind: 'relationship', tableId: plan.child, foreignKeyId: id } })
    if (!result.ok) app.notify({ tone: 'warning', message: result.message })
  }, [])

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || !flowStore.getState().connection.inProgress) return
      event.preventDefault()
      event.stopPropagation()
      connectionCancelled.current = true
      // React Flow ends a connection on mouseup only; a synthetic one ends it here and now.
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [flowStore])

  const onEdgesChange = useCallback((changes: EdgeChange<RelationFlowEdge>[]) => {
    for (const c of changes) {
      if (c.type !== 'select' || !c.selected) continue
      const edge = flowApi.getEdge(c.id)
      if (edge) appStore.getState().select({ kind: 'relationship', tableId: edge.source as TableId, foreignKeyId: c.id as ConstraintId })
    }
  }, [flowApi])

  useEffect(
    () =>
      registerCanvas({
        viewportCenter() {
          const rect = wrapper.current?.getBoundingClientRect()
          if (!rect) return { x: 0, y: 0 }
          return flowApi.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 })
        },
        fitView() {
          void flowApi.fitView({ ...fitViewOptions, duration: 250 })
        },
        revealTables(ids) {
          void flowApi.fitView({ nodes: ids.map((id) => ({ id })), duration: 300, maxZoom: 1, minZoom: 0.2, padding: 0.4 })
        },
        measuredSize(id) {
          const m = flowStore.getState().nodeLookup.get(id)?.measured
          return m?.width && m.height ? { width: m.width, height: m.height } : undefined
        },
      }),
    [flowApi, flowStore],
  )

  // Requests from outside the canvas (the table list, the problems panel) to show tables.
  const reveal = useApp((s) => s.reveal)
  useEffect(() => {
    if (!reveal) return
    void flowApi.fitView({ nodes: reveal.tableIds.map((id) => ({ id })), duration: 300, maxZoom: 1, minZoom: 0.2, padding: 0.4 })
  }, [reveal, flowApi])

  return (
    // The table count lets the browser benchmark tell when every table of a new design is drawn.
    <div className="cf-canvas" style={metricsStyle} ref={wrapper} data-cf-table-count={schema.tables.length} data-cf-detail={detail} data-cf-culled={culled} data-cf-map={map}>
      <TableDetailContext value={detail}>
        <ReactFlow
          className={connecting ? 'cf-flow cf-flow--connecting' : 'cf-flow'}
          nodes={shownNodes}
          edges={shownEdges}
          nodeTypes={nodeTypes}
          onlyRenderVisibleElements={culled}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onPaneClick={() => appStore.getState().select({ kind: 'none' })}
          colorMode={colorMode}
          // Handles are all of one type; loose mode lets an edge end at any of them.
          connectionMode={ConnectionMode.Loose}
          // Relationships are drawn from a row's (or the header's) handle; onConnectEnd decides what the drop means.
          nodesConnectable
          onConnectEnd={onConnectEnd}
          connectionLineStyle={connectionLineStyle}
          connectionRadius={24}
          snapToGrid={snapToGrid}
          snapGrid={snapGrid}
          // Edges of a selected table come to the front, so its crow's feet are not hidden by others'.
          elevateEdgesOnSelect
          // Deleting is a model edit with undo (the "delete-selection" command), never React Flow's own.
          deleteKeyCode={null}
          // Shift adds to the selection, as in every diagram tool; a box drag selects with Shift too.
          multiSelectionKeyCode="Shift"
          selectionKeyCode="Shift"
          // Far enough out to fit 1,000 tables on one screen.
          minZoom={0.02}
          maxZoom={2}
          fitView
          fitViewOptions={fitViewOptions}
          attributionPosition="top-right"
        >
          <CrowsFootMarkers />
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.4} />
          <Controls position="bottom-left" showInteractive={false} fitViewOptions={fitViewOptions}>
            <ControlButton
              onClick={() => appStore.getState().setSnapToGrid(!snapToGrid)}
              aria-label="Snap to grid"
              aria-pressed={snapToGrid}
              title={snapToGrid ? 'Snap to grid: on' : 'Snap to grid: off'}
              className={snapToGrid ? 'cf-control--on' : undefined}
            >
              <Magnet size={14} aria-hidden />
            </ControlButton>
          </Controls>
          <MiniMap position="bottom-right" pannable zoomable ariaLabel="Overview of the diagram" nodeColor={minimapNodeColor} nodeBorderRadius={4} />
        </ReactFlow>
      </TableDetailContext>
    </div>
  )
}

export function Canvas() {
  return (
    <ReactFlowProvider>
      <Diagram />
    </ReactFlowProvider>
  )
}
