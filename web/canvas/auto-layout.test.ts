import { describe, expect, it } from 'vitest'
import type { ElkNode } from 'elkjs/lib/elk-api'
import { createDocument } from '@core'
import { shop } from '../../core/fixtures/shop.ts'
import { generateDesign } from '../../core/testing/generate.ts'
import { layoutTables } from '../worker/handlers.ts'
import { layoutGraph, placeLaidOut, toElkGraph, withPositions, type LayoutGraph } from './auto-layout.ts'

const box = (id: string, x: number, y: number, pinned = false) => ({ id, x, y, width: 200, height: 100, ...(pinned ? { pinned } : {}) })

describe('auto layout mapping', () => {
  it('sends only free tables to ELK, parent before child, one edge per pair, no self or pinned edges', () => {
    const graph: LayoutGraph = {
      nodes: [box('a', 0, 0), box('b', 0, 0), box('p', 500, 500, true)],
      edges: [
        { source: 'b', target: 'a' },
        { source: 'b', target: 'a' },
        { source: 'a', target: 'a' },
        { source: 'b', target: 'p' },
      ],
    }
    const elk = toElkGraph(graph)
    expect(elk.children!.map((c) => c.id)).toEqual(['a', 'b'])
    expect(elk.edges!.map((e) => [e.sources, e.targets])).toEqual([[['a'], ['b']]])
  })

  it('places the block right of the pinned tables, never on them, and leaves pinned ones out', () => {
    const graph: LayoutGraph = { nodes: [box('a', 0, 0), box('b', 0, 0), box('p', 100, 40, true)], edges: [] }
    const laidOut: ElkNode = { id: 'root', children: [{ id: 'a', x: 12, y: 12 }, { id: 'b', x: 12, y: 200 }] }
    const out = placeLaidOut(graph, laidOut)
    expect(out).toEqual({ a: { x: 100 + 200 + 120, y: 40 }, b: { x: 420, y: 228 } })
    expect(out).not.toHaveProperty('p')
  })

  it('without pins the block starts where the tables were', () => {
    const graph: LayoutGraph = { nodes: [box('a', -300, 80), box('b', 40, 500)], edges: [] }
    const out = placeLaidOut(graph, { id: 'root', children: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 300, y: 0 }] })
    expect(out).toEqual({ a: { x: -300, y: 80 }, b: { x: 0, y: 80 } })
  })

  it('withPositions keeps colours and never moves a pinned table', () => {
    const layout = { tables: { a: { x: 0, y: 0, color: '#f00' }, p: { x: 5, y: 5, pinned: true } } } as never
    const next = withPositions(layout, { a: { x: 10, y: 20 }, p: { x: 99, y: 99 } })
    expect(next.tables).toEqual({ a: { x: 10, y: 20, color: '#f00' }, p: { x: 5, y: 5, pinned: true } })
    expect(withPositions(next, { a: { x: 10, y: 20 } })).toBe(next)
  })

  it('ELK lays out the shop design without overlaps and keeps the pinned table in place', async () => {
    const doc = createDocument({ name: 'Shop', schema: shop })
    const [first, ...rest] = shop.tables
    const layout = { tables: Object.fromEntries([[first!.id, { x: 0, y: 0, pinned: true }], ...rest.map((t) => [t.id, { x: 0, y: 0 }])]) }
    const graph = layoutGraph({ ...doc, layout } as never, (_id, cols) => ({ width: 220, height: 44 + 28 * cols }))
    const answer = await layoutTables(graph)
    expect(Object.keys(answer.positions).sort()).toEqual(rest.map((t) => t.id).sort())
    const boxes = graph.nodes.map((n) => ({ ...n, ...(answer.positions[n.id] ?? {}) }))
    for (const a of boxes)
      for (const b of boxes) {
        if (a.id >= b.id) continue
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
        expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false)
      }
  })

  it.each([300, 1000])('lays out the generated %i-table design (time printed for docs)', async (tables) => {
    const { schema } = generateDesign({ tables, seed: 1 })
    const doc = createDocument({ name: 'Generated', schema })
    const graph = layoutGraph(doc, (_id, cols) => ({ width: 240, height: 44 + 28 * cols }))
    const cpu = process.cpuUsage()
    const wall = performance.now()
    const answer = await layoutTables(graph)
    const used = process.cpuUsage(cpu)
    console.log(`auto layout ${tables} tables, ${graph.edges.length} FKs: ELK ${answer.ms.toFixed(0)} ms, wall ${(performance.now() - wall).toFixed(0)} ms, CPU ${((used.user + used.system) / 1000).toFixed(0)} ms`)
    expect(Object.keys(answer.positions)).toHaveLength(tables)
  }, 120_000)
})
