import { describe, expect, it } from 'vitest'
import { exportSchema, importSchema, type Schema } from '@core'
import { defaultExample } from '../examples.ts'
import { CoreWorkerState, keepUntouched, sameValue } from './handlers.ts'
import { applySchemaDelta, diffSchemaObjects } from './schema-delta.ts'

const design = defaultExample.create().schema

function stateWith(schema: Schema): CoreWorkerState {
  const state = new CoreWorkerState()
  state.sync({ base: 0, generation: 1, delta: diffSchemaObjects(undefined, schema) })
  return state
}

describe('sameValue', () => {
  it('ignores the order of keys and undefined properties, not values', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1, d: undefined })).toBe(true)
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false)
    expect(sameValue([1, 2], [2, 1])).toBe(false)
    expect(sameValue({ a: [] }, { a: {} })).toBe(false)
    expect(sameValue({ id: 'x1' }, { id: 'y7' }, (a, b) => a.startsWith('x') && b.startsWith('y'))).toBe(true)
  })
})

describe('parseText (the code panel)', () => {
  it('a one-table edit in DBML is a one-table delta; the rest keep what DBML cannot say', async () => {
    const text = exportSchema('dbml', design).text
    const state = stateWith(design)
    const edited = text.replace('  avatar_url        text', '  avatar_url        text\n  nickname          text')
    expect(edited).not.toBe(text)
    const result = await state.parseText('dbml', edited, text)
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
    expect(result.delta.tables.map((t) => t.name)).toEqual(['users'])
    const next = applySchemaDelta(design, result.delta)
    // DBML writes DESC index keys and unique constraints its own way; untouched tables keep them.
    const orders = (s: Schema) => s.tables.find((t) => t.name === 'orders')!
    expect(orders(next)).toBe(orders(design))
    const users = next.tables.find((t) => t.name === 'users')!
    const before = design.tables.find((t) => t.name === 'users')!
    expect(users.id).toBe(before.id)
    expect(users.columns.find((c) => c.name === 'email')!.id).toBe(before.columns.find((c) => c.name === 'email')!.id)
  })

  it('the same text again changes nothing', async () => {
    const text = exportSchema('postgres', design).text
    const result = await stateWith(design).parseText('postgres', text, text)
    if (!result.ok) throw new Error('parse failed')
    expect(result.delta.tables).toEqual([])
    expect(applySchemaDelta(design, result.delta)).toBe(design)
  })

  it('a rename typed in SQL keeps the column id and its relationship', async () => {
    const text = exportSchema('postgres', design).text
    const renamed = text
      .replace(/(CREATE TABLE public\.orders \(\n[^\n]*\n)  user_id/, '$1  customer_id')
      .replace('ON public.orders (user_id)', 'ON public.orders (customer_id)')
      .replace('ALTER TABLE public.orders ADD FOREIGN KEY (user_id)', 'ALTER TABLE public.orders ADD FOREIGN KEY (customer_id)')
    const result = await stateWith(design).parseText('postgres', renamed, text)
    if (!result.ok) throw new Error('parse failed')
    const before = design.tables.find((t) => t.name === 'orders')!
    const after = applySchemaDelta(design, result.delta).tables.find((t) => t.name === 'orders')!
    expect(after.columns[1]!.name).toBe('customer_id')
    expect(after.columns[1]!.id).toBe(before.columns.find((c) => c.name === 'user_id')!.id)
    expect(after.foreignKeys[0]!.id).toBe(before.foreignKeys[0]!.id)
    expect(after.foreignKeys[0]!.columns).toEqual([after.columns[1]!.id])
  })

  it('a text that does not parse is refused with located errors, and the design is untouched', async () => {
    const state = stateWith(design)
    const synced = state.schema
    const result = await state.parseText('dbml', 'Table broken {\n  id int [pk\n}\n', undefined)
    expect(result.ok).toBe(false)
    expect(result.diagnostics[0]!.location?.line).toBeGreaterThan(0)
    expect(state.schema).toBe(synced)
  })

  it('without a baseline, tables equal in value to the design keep its objects', async () => {
    const parsed = await importSchema('postgres', exportSchema('postgres', design).text, { previous: design })
    if (!parsed.ok) throw new Error('parse failed')
    expect(keepUntouched(design, undefined, parsed.schema)).toEqual(design)
    expect(keepUntouched(design, undefined, parsed.schema).tables).toBe(design.tables)
  })
})
