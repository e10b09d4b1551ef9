import { describe, expect, it } from 'vitest'
import type { Schema, TableId } from '@core'
import { findTableByName } from '@core'
import { shop } from '../../core/fixtures/shop.ts'
import { col, schema, table } from '../../core/testing/build.ts'
import { generateDesign } from '../../core/testing/generate.ts'
import { foreignKeyDepth, gridSpacing, placeTables } from './grid-layout.ts'
import { estimateTableHeight } from './metrics.ts'

const id = (s: Schema, name: string): TableId => findTableByName(s, name)!.id

describe('placeTables', () => {
  it('puts referenced tables left of the tables that reference them', () => {
    const { tables: at } = placeTables(shop, { tables: {} })
    const x = (name: string) => at[id(shop, name)]!.x
    expect(x('users')).toBe(0)
    expect(x('products')).toBe(0)
    expect(x('orders')).toBe(gridSpacing.column)
    expect(x('order_items')).toBe(2 * gridSpacing.column)
  })

  it('never overlaps two tables in a column', () => {
    const { tables: at } = placeTables(shop, { tables: {} })
    const boxes = shop.tables.map((t) => ({ ...at[t.id]!, h: estimateTableHeight(t.columns.length) }))
    for (const a of boxes)
      for (const b of boxes)
        if (a !== b && a.x === b.x) expect(a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true)
  })

  it('keeps positions the document has and places newcomers below them', () => {
    const users = id(shop, 'users')
    const { tables: at } = placeTables(shop, { tables: { [users]: { x: 300, y: 200, color: '#f00' } } })
    expect(at[users]).toEqual({ x: 300, y: 200, color: '#f00' })
    for (const t of shop.tables) if (t.id !== users) expect(at[t.id]!.y).toBeGreaterThan(200 + estimateTableHeight(10))
  })

  it('returns the same layout when every table is placed', () => {
    const full = placeTables(shop, { tables: {} })
    expect(placeTables(shop, full)).toBe(full)
  })

  it('wraps a long rank into more columns instead of one endless column', () => {
    const many = schema(Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`t${i}`, table({ id: col('integer').primaryKey() })])))
    const xs = new Set(Object.values(placeTables(many, { tables: {} }).tables).map((p) => p.x))
    expect(xs.size).toBeGreaterThan(1)
  })
})

describe('placeTables on a large design', () => {
  it('wraps hundreds of short columns into bands, so the drawing is landscape, not a strip', () => {
    const { schema: big } = generateDesign({ tables: 1000, seed: 1 })
    const at = Object.values(placeTables(big, { tables: {} }).tables)
    const width = Math.max(...at.map((p) => p.x)) - Math.min(...at.map((p) => p.x)) + gridSpacing.column
    const height = Math.max(...at.map((p) => p.y)) - Math.min(...at.map((p) => p.y)) + estimateTableHeight(10)
    expect(width / height).toBeGreaterThan(0.8)
    expect(width / height).toBeLessThan(4)
  })

  it('never overlaps two tables', () => {
    const { schema: big } = generateDesign({ tables: 300, seed: 1 })
    const { tables: at } = placeTables(big, { tables: {} })
    const boxes = big.tables.map((t) => ({ ...at[t.id]!, h: estimateTableHeight(t.columns.length) }))
    const byX = new Map<number, typeof boxes>()
    for (const b of boxes) byX.set(b.x, [...(byX.get(b.x) ?? []), b])
    for (const column of byX.values()) {
      const sorted = column.sort((a, b) => a.y - b.y)
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.y).toBeGreaterThanOrEqual(sorted[i - 1]!.y + sorted[i - 1]!.h)
    }
  })
})

describe('foreignKeyDepth', () => {
  it('ends on cycles and self-references', () => {
    const s = schema({
      a: table({ id: col('integer').primaryKey(), b_id: col('integer').references('b.id') }),
      b: table({ id: col('integer').primaryKey(), a_id: col('integer').references('a.id') }),
      c: table({ id: col('integer').primaryKey(), parent_id: col('integer').references('c.id'), a_id: col('integer').references('a.id') }),
    })
    const depth = foreignKeyDepth(s.tables)
    expect(depth.get(id(s, 'a'))).toBe(1)
    expect(depth.get(id(s, 'b'))).toBe(0)
    expect(depth.get(id(s, 'c'))).toBe(2)
  })
})
