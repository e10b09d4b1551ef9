import { describe, expect, it } from 'vitest'
import type { TableId } from '@core'
import { createDocument } from '@core'
import { normalizeHexColor, sharedTableColor, withTableColor } from './table-color.ts'

const a = 'tb_a' as TableId
const b = 'tb_b' as TableId
const doc = createDocument({ name: 'x', layout: { tables: { [a]: { x: 1, y: 2 }, [b]: { x: 3, y: 4, color: '#ef4444' } } } })

describe('table colour', () => {
  it('sets one colour on several tables and keeps their positions', () => {
    const next = withTableColor(doc, [a, b], '#3b82f6')
    expect(next.layout.tables[a]).toEqual({ x: 1, y: 2, color: '#3b82f6' })
    expect(next.layout.tables[b]).toEqual({ x: 3, y: 4, color: '#3b82f6' })
    expect(sharedTableColor(next, [a, b])).toBe('#3b82f6')
  })

  it('clears a colour without leaving the key behind, and changes nothing when nothing changes', () => {
    const next = withTableColor(doc, [b], undefined)
    expect(next.layout.tables[b]).toEqual({ x: 3, y: 4 })
    expect('color' in next.layout.tables[b]!).toBe(false)
    expect(withTableColor(doc, [b], '#ef4444')).toBe(doc)
    expect(withTableColor(doc, ['tb_missing' as TableId], '#ef4444')).toBe(doc)
  })

  it('tells a shared colour from mixed ones', () => {
    expect(sharedTableColor(doc, [a, b])).toBe('')
    expect(sharedTableColor(doc, [a])).toBeUndefined()
  })

  it('reads hex colours in short and long form', () => {
    expect(normalizeHexColor('#ABC')).toBe('#aabbcc')
    expect(normalizeHexColor('3b82f6')).toBe('#3b82f6')
    expect(normalizeHexColor('#3b82f')).toBeUndefined()
    expect(normalizeHexColor('red')).toBeUndefined()
  })
})
