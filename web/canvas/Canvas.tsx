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
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useReactFlow,
  useStore,
  useUpdateNodeInternals,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import type { ConstraintId, TableId } from '@core'
import { appStore, useApp } from '../store/index.ts'
import type { Point } from '../store/document-slice.ts'
import { selectLayout, selectSchema, selectSelection, selectThemePreference } from '../store/selectors.ts'
import { selectedTableIds, type Selection } from '../store/selection-slice.ts'
import { registerCanvas } from './bridge.ts'
import { useGhostNodes, useMinimapNodeColor, withGhosts } from './change-marks.ts'
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
  const flowApi = useReactFlow<TableFlowNode, RelationFlowEdge>()
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
      setNodes((current) => applyNodeChanges(changes, current))
      const dropped = new Map<TableId, Point>()
      for (const c of changes)
        if (c.type === 'position' && c.dragging === false && c.position) dropped.set(c.id as TableId, c.position)
      if (dropped.size > 0) moveTables(dropped)

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
    [moveTables],
  )

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
      }),
    [flowApi],
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
          className="cf-flow"
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
          nodesConnectable={false}
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
          <Controls position="bottom-left" showInteractive={false} fitViewOptions={fitViewOptions} />
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
