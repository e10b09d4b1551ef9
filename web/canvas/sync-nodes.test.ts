import { describe, expect, it } from 'vitest'
import type { Node } from '@xyflow/react'
import { syncNodes } from './sync-nodes.ts'

const data = { label: 'users' }
const node = (over: Partial<Node> = {}): Node => ({ id: 'a', position: { x: 0, y: 0 }, data, ...over })

describe('syncNodes', () => {
  it('keeps the current object when nothing derived changed', () => {
    const current = node({ measured: { width: 200, height: 100 }, selected: true })
    const [out] = syncNodes([node()], [current])
    expect(out).toBe(current)
  })

  it('takes the new position but keeps the measured size and selection', () => {
    const current = node({ measured: { width: 200, height: 100 }, selected: true })
    const [out] = syncNodes([node({ position: { x: 5, y: 6 } })], [current])
    expect(out).toMatchObject({ position: { x: 5, y: 6 }, measured: { width: 200, height: 100 }, selected: true })
  })

  it('adds new nodes and drops removed ones', () => {
    const out = syncNodes([node({ id: 'b' })], [node({ id: 'a' })])
    expect(out.map((n) => n.id)).toEqual(['b'])
  })
})
