/**
 * Orthogonal routes for relationship edges that React Flow's step path does not draw well: a
 * self-reference (a loop), and an edge that spans a column of tables, which would otherwise run
 * under those tables and look as if it joined them. Pure geometry, in flow coordinates.
 */

export interface Point {
  readonly x: number
  readonly y: number
}

export interface Box {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** Straight run out of a table before the first bend: longer than a crow's foot. */
export const stub = 28
/** How far a bend stands from the table it leaves, and how close a line may pass a table. */
const bendGap = stub + 12
const clearance = 10

/** Out to the right of both rows, along, and back in. */
export function loopRoute(s: Point, t: Point): Point[] {
  const x = Math.max(s.x, t.x) + bendGap
  return [s, { x, y: s.y }, { x, y: t.y }, t]
}

/**
 * From `s` (leaving towards `t`) to `t` (entered from the side facing `s`), around `boxes`.
 * Prefers one horizontal run at the height of either end; when tables block both, it runs
 * through the nearest free band between them.
 */
export function spanRoute(s: Point, t: Point, boxes: readonly Box[]): Point[] {
  const dir = t.x < s.x ? -1 : 1
  const nearS = s.x + dir * bendGap
  const nearT = t.x - dir * bendGap
  const [lo, hi] = nearS < nearT ? [nearS, nearT] : [nearT, nearS]
  const between = boxes.filter((b) => b.x < hi && b.x + b.width > lo)
  const free = (y: number) => between.every((b) => y < b.y - clearance || y > b.y + b.height + clearance)

  if (free(t.y)) return [s, { x: nearS, y: s.y }, { x: nearS, y: t.y }, t]
  if (free(s.y)) return [s, { x: nearT, y: s.y }, { x: nearT, y: t.y }, t]
  const detour = (y: number) => Math.abs(y - s.y) + Math.abs(y - t.y)
  const band = between
    .flatMap((b) => [b.y - clearance * 2, b.y + b.height + clearance * 2])
    .filter(free)
    .sort((a, b) => detour(a) - detour(b))[0]
  if (band === undefined) return [s, { x: nearS, y: s.y }, { x: nearS, y: t.y }, t]
  return [s, { x: nearS, y: s.y }, { x: nearS, y: band }, { x: nearT, y: band }, { x: nearT, y: t.y }, t]
}

/** An SVG path through `points` with rounded corners (never rounder than half a segment). */
export function roundedPath(points: readonly Point[], radius = 10): string {
  const [first, ...rest] = points
  if (!first) return ''
  let d = `M ${first.x} ${first.y}`
  for (let i = 0; i < rest.length; i++) {
    const corner = rest[i]!
    const prev = points[i]!
    const next = rest[i + 1]
    if (!next) {
      d += ` L ${corner.x} ${corner.y}`
      break
    }
    const r = Math.min(radius, distance(prev, corner) / 2, distance(corner, next) / 2)
    const a = toward(corner, prev, r)
    const b = toward(corner, next, r)
    d += ` L ${a.x} ${a.y} Q ${corner.x} ${corner.y} ${b.x} ${b.y}`
  }
  return d
}

function distance(a: Point, b: Point): number {
  return Math.abs(a.x - b.x) + Math.abs(a.y - b.y)
}

/** The point `r` away from `from` in the direction of `to` (segments are axis-aligned). */
function toward(from: Point, to: Point, r: number): Point {
  return { x: from.x + Math.sign(to.x - from.x) * r, y: from.y + Math.sign(to.y - from.y) * r }
}
