import { describe, expect, it } from 'vitest'
import { dropIndex, rowKeyAction, type RowKey } from './row-keys.ts'

const key = (k: string, mods: Partial<Omit<RowKey, 'key'>> = {}): RowKey => ({ key: k, shift: false, alt: false, mod: false, ...mods })
const columns = { canDuplicate: true, hasDetails: true }

describe('row keys', () => {
  it('Enter in a field goes to the next row, and adds one after the last', () => {
    expect(rowKeyAction(key('Enter'), 'field', 0, 3)).toEqual({ kind: 'focus-field', index: 1 })
    expect(rowKeyAction(key('Enter'), 'field', 2, 3)).toEqual({ kind: 'add-after', index: 2 })
    expect(rowKeyAction(key('Enter', { shift: true }), 'field', 2, 3)).toEqual({ kind: 'focus-field', index: 1 })
    expect(rowKeyAction(key('Enter', { shift: true }), 'field', 0, 3)).toBeUndefined()
  })

  it('Escape leaves a field for its row; arrows then move between rows and Enter edits again', () => {
    expect(rowKeyAction(key('Escape'), 'field', 1, 3)).toEqual({ kind: 'focus-row', index: 1 })
    expect(rowKeyAction(key('ArrowDown'), 'row', 1, 3)).toEqual({ kind: 'focus-row', index: 2 })
    expect(rowKeyAction(key('ArrowDown'), 'row', 2, 3)).toBeUndefined()
    expect(rowKeyAction(key('ArrowUp'), 'row', 0, 3)).toBeUndefined()
    expect(rowKeyAction(key('End'), 'row', 0, 3)).toEqual({ kind: 'focus-row', index: 2 })
    expect(rowKeyAction(key('Home'), 'row', 2, 3)).toEqual({ kind: 'focus-row', index: 0 })
    expect(rowKeyAction(key('Enter'), 'row', 1, 3)).toEqual({ kind: 'focus-field', index: 1 })
    expect(rowKeyAction(key('F2'), 'row', 1, 3)).toEqual({ kind: 'focus-field', index: 1 })
    // Escape on a row is the app's (it clears the selection).
    expect(rowKeyAction(key('Escape'), 'row', 1, 3)).toBeUndefined()
  })

  it('arrow keys in a field stay with the caret', () => {
    expect(rowKeyAction(key('ArrowDown'), 'field', 0, 3)).toBeUndefined()
    expect(rowKeyAction(key('Delete'), 'field', 0, 3)).toBeUndefined()
  })

  it('Alt+arrows move a row from anywhere in it, within bounds', () => {
    expect(rowKeyAction(key('ArrowUp', { alt: true }), 'field', 1, 3)).toEqual({ kind: 'move', index: 1, to: 0 })
    expect(rowKeyAction(key('ArrowDown', { alt: true }), 'row', 1, 3)).toEqual({ kind: 'move', index: 1, to: 2 })
    expect(rowKeyAction(key('ArrowUp', { alt: true }), 'row', 0, 3)).toBeUndefined()
    expect(rowKeyAction(key('ArrowDown', { alt: true }), 'field', 2, 3)).toBeUndefined()
  })

  it('Delete removes a focused row, Space opens its details, Mod+D duplicates where allowed', () => {
    expect(rowKeyAction(key('Delete'), 'row', 1, 3)).toEqual({ kind: 'remove', index: 1 })
    expect(rowKeyAction(key('Backspace'), 'row', 1, 3)).toEqual({ kind: 'remove', index: 1 })
    expect(rowKeyAction(key(' '), 'row', 1, 3, columns)).toEqual({ kind: 'toggle-details', index: 1 })
    expect(rowKeyAction(key(' '), 'row', 1, 3)).toBeUndefined()
    expect(rowKeyAction(key('d', { mod: true }), 'field', 1, 3, columns)).toEqual({ kind: 'duplicate', index: 1 })
    expect(rowKeyAction(key('d', { mod: true }), 'field', 1, 3)).toBeUndefined()
    expect(rowKeyAction(key('z', { mod: true }), 'row', 1, 3)).toBeUndefined()
  })
})

describe('drop index', () => {
  it('lands where the row was dropped, counting the slot it left', () => {
    expect(dropIndex(0, 2, false)).toBe(1)
    expect(dropIndex(0, 2, true)).toBe(2)
    expect(dropIndex(3, 0, false)).toBe(0)
    expect(dropIndex(3, 0, true)).toBe(1)
    expect(dropIndex(1, 1, true)).toBe(1)
    expect(dropIndex(1, 1, false)).toBe(1)
  })
})
