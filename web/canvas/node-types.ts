/**
 * Node and edge types at module scope: React Flow re-creates every node when these objects
 * change identity (its warning 002), so they must never be built inside a component.
 */
import type { EdgeTypes, NodeTypes } from '@xyflow/react'
import { RelationEdge } from './edges/RelationEdge.tsx'
import { TableNode } from './nodes/TableNode.tsx'

export const nodeTypes = { table: TableNode } satisfies NodeTypes
export const edgeTypes = { relation: RelationEdge } satisfies EdgeTypes
