/**
 * The diagram. Nodes and edges are derived from the document (`toFlow`); React Flow only holds
 * view state on top (measured sizes, selection, a drag in progress). A drag is committed to the
 * document once, on drop, so it will be one undo entry.
 */
import { useCallback, useMemo, useState, type CSSProperties } from 'react'
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  type NodeChange,
} from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import type { TableId } from '@core'
import { useApp } from '../store/index.ts'
import type { Point } from '../store/document-slice.ts'
import { selectLayout, selectSchema, selectThemePreference } from '../store/selectors.ts'
import { CrowsFootMarkers } from './edges/CrowsFootMarkers.tsx'
import { tableMetrics } from './metrics.ts'
import { edgeTypes, nodeTypes } from './node-types.ts'
import { syncNodes } from './sync-nodes.ts'
import { toFlow, type TableFlowNode } from './to-flow.ts'
import './canvas.css'

// The node CSS reads its sizes from here, so the first layout's estimates match the drawing.
const metricsStyle = {
  '--cf-table-min-width': `${tableMetrics.minWidth}px`,
  '--cf-table-max-width': `${tableMetrics.maxWidth}px`,
  '--cf-table-header-height': `${tableMetrics.headerHeight}px`,
  '--cf-table-row-height': `${tableMetrics.rowHeight}px`,
} as CSSProperties

const fitViewOptions = { padding: 0.08, maxZoom: 1 }
const minimapNodeColor = () => 'var(--cf-minimap-node)'

export function Canvas() {
  const schema = useApp(selectSchema)
  const layout = useApp(selectLayout)
  const colorMode = useApp(selectThemePreference)
  const moveTables = useApp((s) => s.moveTables)

  const flow = useMemo(() => toFlow(schema, layout), [schema, layout])
  const [nodes, setNodes] = useState<TableFlowNode[]>(flow.nodes)
  const [shown, setShown] = useState(flow)
  if (shown !== flow) {
    // Adjusting state while rendering (not in an effect) avoids one frame of stale nodes.
    setShown(flow)
    setNodes((current) => syncNodes(flow.nodes, current))
  }

  const onNodesChange = useCallback(
    (changes: NodeChange<TableFlowNode>[]) => {
      setNodes((current) => applyNodeChanges(changes, current))
      const dropped = new Map<TableId, Point>()
      for (const c of changes)
        if (c.type === 'position' && c.dragging === false && c.position) dropped.set(c.id as TableId, c.position)
      moveTables(dropped)
    },
    [moveTables],
  )

  return (
    <div className="cf-canvas" style={metricsStyle}>
      <ReactFlow
        className="cf-flow"
        nodes={nodes}
        edges={flow.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        colorMode={colorMode}
        // Handles are all of one type; loose mode lets an edge end at any of them.
        connectionMode={ConnectionMode.Loose}
        nodesConnectable={false}
        // Edges of a selected table come to the front, so its crow's feet are not hidden by others'.
        elevateEdgesOnSelect
        // Deleting is a model edit with undo; until that command exists, keys must not remove nodes.
        deleteKeyCode={null}
        minZoom={0.05}
        maxZoom={2}
        fitView
        fitViewOptions={fitViewOptions}
        attributionPosition="top-right"
      >
        <CrowsFootMarkers />
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.4} />
        <Controls position="bottom-left" showInteractive={false} fitViewOptions={fitViewOptions} />
        <MiniMap
          position="bottom-right"
          pannable
          zoomable
          ariaLabel="Overview of the diagram"
          nodeColor={minimapNodeColor}
          nodeBorderRadius={4}
        />
      </ReactFlow>
    </div>
  )
}
