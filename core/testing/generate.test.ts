import { Parser } from '@dbml/core'
import { describe, expect, it } from 'vitest'
import { checkStructure, createDocument, serializeDocument } from '../index.ts'
import type { Schema, TableId } from '../index.ts'
import { generateDesign } from './generate.ts'

const bytes = (schema: Schema) => serializeDocument(createDocument({ name: 'generated', schema }))

/** True when the foreign keys, self references aside, form at least one cycle. */
function hasCycle(schema: Schema): boolean {
  const edges = new Map<TableId, TableId[]>(
    schema.tables.map((t) => [t.id, t.foreignKeys.map((f) => f.target.tableId).filter((id) => id !== t.id)]),
  )
  const state = new Map<TableId, 'open' | 'done'>()
  for (const root of edges.keys()) {
    if (state.has(root)) continue
    const stack: Array<[TableId, number]> = [[root, 0]]
    state.set(root, 'open')
    while (stack.length) {
      const top = stack[stack.length - 1]!
      const next = edges.get(top[0])![top[1]++]
      if (next === undefined) {
        state.set(top[0], 'done')
        stack.pop()
      } else if (state.get(next) === 'open') return true
      else if (!state.has(next)) {
        state.set(next, 'open')
        stack.push([next, 0])
      }
    }
  }
  return false
}

describe('generateDesign', () => {
  it('gives the same bytes for the same seed, and another design for another seed', () => {
    const a = bytes(generateDesign({ tables: 300, seed: 42 }).schema)
    expect(bytes(generateDesign({ tables: 300, seed: 42 }).schema)).toBe(a)
    expect(generateDesign({ tables: 300, seed: 42 }).dbml).toBe(generateDesign({ tables: 300, seed: 42 }).dbml)
    expect(bytes(generateDesign({ tables: 300, seed: 43 }).schema)).not.toBe(a)
  })

  for (const tables of [100, 300, 1000]) {
    it(`generates ${tables} structurally valid tables`, () => {
      const { schema } = generateDesign({ tables, seed: 1 })
      expect(schema.tables).toHaveLength(tables)
      expect(checkStructure(schema).diagnostics).toEqual([])
    })
  }

  it('covers the constructs a real design has', () => {
    const { schema } = generateDesign({ tables: 100, seed: 1 })
    const tables = schema.tables
    const fks = tables.flatMap((t) => t.foreignKeys.map((f) => ({ t, f })))
    const indexes = tables.flatMap((t) => t.indexes)
    const columns = tables.flatMap((t) => t.columns)
    expect(schema.namespaces.map((n) => n.name)).toContain('public')
    expect(schema.namespaces).toHaveLength(3)
    expect(schema.enums.length).toBeGreaterThanOrEqual(10)
    expect(schema.enums.length).toBeLessThanOrEqual(20)
    for (const t of tables) {
      expect(t.columns.length).toBeGreaterThanOrEqual(5)
      expect(t.columns.length).toBeLessThanOrEqual(15)
      expect(t.primaryKey).toBeDefined()
    }
    expect(tables.some((t) => t.primaryKey!.columns.length > 1)).toBe(true)
    expect(columns.some((c) => c.identity)).toBe(true)
    expect(columns.some((c) => c.type.kind === 'enum')).toBe(true)
    expect(columns.some((c) => c.type.arrayDims > 0)).toBe(true)
    expect(tables.some((t) => t.uniques.some((u) => u.columns.length > 1))).toBe(true)
    expect(tables.some((t) => t.checks.length > 0)).toBe(true)
    // Composite foreign keys onto a composite primary key and onto a composite unique.
    const target = (f: (typeof fks)[number]['f']) => tables.find((t) => t.id === f.target.tableId)!
    expect(fks.some(({ f }) => f.columns.length > 1 && target(f).primaryKey!.columns.length > 1)).toBe(true)
    expect(fks.some(({ f }) => f.columns.length > 1 && target(f).uniques.some((u) => u.columns.length > 1 && u.columns.every((c) => f.target.columns.includes(c))))).toBe(true)
    expect(fks.some(({ t, f }) => f.target.tableId === t.id)).toBe(true)
    expect(hasCycle(schema)).toBe(true)
    expect(indexes.some((i) => i.method === 'gin')).toBe(true)
    expect(indexes.some((i) => i.where !== undefined)).toBe(true)
    expect(indexes.some((i) => i.keys.some((k) => k.kind === 'expression'))).toBe(true)
    expect(indexes.some((i) => i.keys.some((k) => k.order === 'desc'))).toBe(true)
  })

  it('writes DBML that @dbml/core reads as the same tables and references', () => {
    const { schema, dbml } = generateDesign({ tables: 100, seed: 1 })
    const database = new Parser().parse(dbml, 'dbmlv2')
    const dbmlTables = database.schemas.flatMap((s) => s.tables)
    expect(dbmlTables).toHaveLength(100)
    expect(database.schemas.flatMap((s) => s.refs)).toHaveLength(schema.tables.reduce((n, t) => n + t.foreignKeys.length, 0))
    expect(database.schemas.flatMap((s) => s.enums)).toHaveLength(schema.enums.length)
  })
})
