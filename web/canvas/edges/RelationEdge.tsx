/**
 * A relationship: from the foreign-key row of the child to the referenced row of the parent, with
 * the child's end (start of the path) and the parent's end (end of the path) as crow's-foot
 * markers. Neighbouring tables get React Flow's step path; self-references and edges that span
 * other tables get an orthogonal route of our own (route.ts).
 */
import { memo } from 'react'
import { BaseEdge, Position, getSmoothStepPath, useStore, useStoreApi, type EdgeProps } from '@xyflow/react'
import { tableMetrics } from '../metrics.ts'
import type { RelationFlowEdge, TableFlowNode } from '../to-flow.ts'
import { markerId } from './CrowsFootMarkers.tsx'
import { loopRoute, roundedPath, spanRoute, stub, type Box } from './route.ts'

type Props = EdgeProps<RelationFlowEdge>

function RelationEdgeView(props: Props) {
  const { id, source, target, data, selected } = props
  // A selected table lights up its relationships, which is how people trace them on a busy canvas.
  const active = useStore(
    (s) => !!selected || !!s.nodeLookup.get(source)?.selected || !!s.nodeLookup.get(target)?.selected,
  )
  const store = useStoreApi<TableFlowNode, RelationFlowEdge>()
  const s = { x: props.sourceX, y: props.sourceY }
  const t = { x: props.targetX, y: props.targetY }
  let path: string
  if (data?.selfReference) path = roundedPath(loopRoute(s, t))
  else if (spansTables(props)) {
    // Read, not subscribed: the edge re-renders whenever the model changes, which is when tables
    // move for good; tracking every node here would re-render every edge on every drag frame.
    const boxes: Box[] = []
    for (const node of store.getState().nodeLookup.values()) {
      if (node.id === source || node.id === target) continue
      const { x, y } = node.internals.positionAbsolute
      boxes.push({ x, y, width: node.measured.width ?? 0, height: node.measured.height ?? 0 })
    }
    path = roundedPath(spanRoute(s, t, boxes))
  } else path = getSmoothStepPath({ ...props, borderRadius: 10, offset: stub })[0]
  return (
    <BaseEdge
      id={id}
      path={path}
      className={active ? 'cf-relation cf-relation--active' : 'cf-relation'}
      markerStart={`url(#${markerId(data?.childEnd ?? 'zero-or-many', active)})`}
      markerEnd={`url(#${markerId(data?.parentEnd ?? 'exactly-one', active)})`}
      interactionWidth={14}
    />
  )
}

/** Facing sides with more than a gap between them: some other table may stand in the way. */
function spansTables({ sourceX, targetX, sourcePosition, targetPosition }: Props): boolean {
  const facing =
    (sourcePosition === Position.Left && targetPosition === Position.Right && targetX < sourceX) ||
    (sourcePosition === Position.Right && targetPosition === Position.Left && targetX > sourceX)
  return facing && Math.abs(sourceX - targetX) > tableMetrics.maxWidth
}

export const RelationEdge = memo(RelationEdgeView)
