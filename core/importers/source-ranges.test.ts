import { describe, expect, it } from 'vitest'
import { exportSchema } from '../exporters/index.ts'
import { edgeCases } from '../fixtures/edge-cases.ts'
import { shop } from '../fixtures/shop.ts'
import type { Schema } from '../model/schema.ts'
import { sourceRanges } from './source-ranges.ts'

const ns = (s: Schema, id: string) => s.namespaces.find((n) => n.id === id)!.name

describe.each(['dbml', 'postgres'] as const)('sourceRanges (%s)', (format) => {
  it.each([
    ['shop', shop],
    ['edge cases', edgeCases],
  ])('places every table and column of the printed %s design on its own line', (_, schema) => {
    const text = exportSchema(format, schema).text
    const lines = text.split('\n')
    const ranges = sourceRanges(format, text)
    for (const t of schema.tables) {
      const q = `${ns(schema, t.namespaceId)}.${t.name}`
      const table = ranges.tables.get(q)
      expect(table, q).toBeDefined()
      for (const c of t.columns) {
        const at = ranges.columns.get(`${q}.${c.name}`)
        expect(at, `${q}.${c.name}`).toBeDefined()
        expect(at!.line).toBeGreaterThan(table!.line)
        expect(at!.line).toBeLessThanOrEqual(table!.endLine)
        // The line starts with the column's name, quoted or not.
        const head = lines[at!.line - 1]!.trim()
        expect(head.startsWith(c.name) || head.startsWith('"'), head).toBe(true)
      }
    }
    for (const e of schema.enums) expect(ranges.enums.get(`${ns(schema, e.namespaceId)}.${e.name}`), e.name).toBeDefined()
  })
})

describe('sourceRanges on typed text', () => {
  it('reads what a person types, and ignores brackets inside strings and names', () => {
    const text = ['Table "we{ird" {', "  id int [note: 'a { brace']", '  Name text', '  indexes {', '    id', '  }', '}', 'Table b { x int }'].join('\n')
    const r = sourceRanges('dbml', text)
    expect(r.tables.get('public.we{ird')).toEqual({ line: 1, endLine: 7 })
    expect(r.columns.get('public.we{ird.Name')).toEqual({ line: 3, endLine: 3 })
    expect(r.columns.has('public.we{ird.indexes')).toBe(false)
    expect(r.tables.get('public.b')).toEqual({ line: 8, endLine: 8 })
  })

  it('folds unquoted SQL names and skips table constraints', () => {
    const text = 'create table Shop.Orders (\n  ID int,\n  "Total" numeric(10, 2),\n  constraint pk primary key (ID)\n);'
    const r = sourceRanges('postgres', text)
    expect(r.tables.get('shop.orders')).toEqual({ line: 1, endLine: 5 })
    expect(r.columns.get('shop.orders.id')?.line).toBe(2)
    expect(r.columns.get('shop.orders.Total')?.line).toBe(3)
    expect([...r.columns.keys()]).toHaveLength(2)
  })

  it('never throws on broken text', () => {
    expect(() => sourceRanges('dbml', 'Table a {\n  id int\n')).not.toThrow()
    expect(() => sourceRanges('postgres', 'CREATE TABLE (')).not.toThrow()
  })
})
