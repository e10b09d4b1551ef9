/**
 * React Flow keeps what only it can know on the node objects it is given: measured sizes,
 * selection, an ongoing drag. When the model changes, `toFlow` derives fresh nodes; this carries
 * that view state over, and keeps the very same object for a node whose derived part did not
 * change, so React Flow does not re-measure or re-render it.
 */
import type { Node } from '@xyflow/react'

export function syncNodes<N extends Node>(derived: readonly N[], current: readonly N[]): N[] {
  const byId = new Map(current.map((n) => [n.id, n]))
  return derived.map((next) => {
    const now = byId.get(next.id)
    if (!now) return next
    if (
      now.data === next.data &&
      now.type === next.type &&
      now.style === next.style &&
      now.className === next.className &&
      now.ariaLabel === next.ariaLabel &&
      now.position.x === next.position.x &&
      now.position.y === next.position.y
    )
      return now
    return {
      ...next,
      ...(now.measured === undefined ? {} : { measured: now.measured }),
      ...(now.selected === undefined ? {} : { selected: now.selected }),
    }
  })
}
