import { describe, expect, it } from 'vitest'
import { loopRoute, roundedPath, spanRoute } from './route.ts'

describe('spanRoute', () => {
  const child = { x: 1000, y: 150 }
  const parent = { x: 300, y: 100 }

  it('runs straight across at the parent row when nothing is in the way', () => {
    expect(spanRoute(child, parent, [])).toEqual([child, { x: 960, y: 150 }, { x: 960, y: 100 }, parent])
  })

  it('runs at the child row when a table blocks the parent row', () => {
    const blocker = { x: 500, y: 80, width: 200, height: 40 }
    expect(spanRoute(child, parent, [blocker])).toEqual([child, { x: 340, y: 150 }, { x: 340, y: 100 }, parent])
  })

  it('detours through the free band between tables when both rows are blocked', () => {
    const blocker = { x: 500, y: 50, width: 200, height: 200 }
    const route = spanRoute(child, parent, [blocker])
    expect(route).toHaveLength(6)
    const band = route[2]!.y
    expect(band < 50 || band > 250).toBe(true)
    expect(route[3]).toEqual({ x: 340, y: band })
  })

  it('ignores tables outside the span', () => {
    const aside = { x: 1100, y: 0, width: 200, height: 400 }
    expect(spanRoute(child, parent, [aside])).toHaveLength(4)
  })
})

describe('loopRoute', () => {
  it('goes out to the right of both rows and back', () => {
    expect(loopRoute({ x: 200, y: 90 }, { x: 200, y: 40 })).toEqual([
      { x: 200, y: 90 },
      { x: 240, y: 90 },
      { x: 240, y: 40 },
      { x: 200, y: 40 },
    ])
  })
})

describe('roundedPath', () => {
  it('rounds every corner and ends on the last point', () => {
    const d = roundedPath([{ x: 0, y: 0 }, { x: 40, y: 0 }, { x: 40, y: 40 }])
    expect(d).toBe('M 0 0 L 30 0 Q 40 0 40 10 L 40 40')
  })

  it('never rounds more than half a short segment', () => {
    const d = roundedPath([{ x: 0, y: 0 }, { x: 40, y: 0 }, { x: 40, y: 6 }, { x: 0, y: 6 }])
    expect(d).toBe('M 0 0 L 37 0 Q 40 0 40 3 L 40 3 Q 40 6 37 6 L 0 6')
  })
})
