import { describe, expect, it } from 'vitest'
import { minimalEdit, type TextEdit } from './line-edits.ts'

const apply = (text: string, e: TextEdit) => text.slice(0, e.start) + e.text + text.slice(e.end)

describe('minimalEdit', () => {
  const cases: Array<[string, string]> = [
    ['a\nb\nc', 'a\nB\nc'],
    ['a\nb\nc', 'a\nb\nx\nc'],
    ['a\nb\nc', 'a\nc'],
    ['a\nb\nc\n', 'a\nb\nc\nd\n'],
    ['', 'x'],
    ['x', ''],
    ['a\na\na', 'a\na'],
    ['aaa', 'aaaa'],
    ['Table a {\n  id int\n}\n', 'Table a {\n  id int\n  name text\n}\n'],
    ['x😀y', 'x😁y'],
  ]
  it.each(cases)('turns %j into %j', (before, after) => {
    const e = minimalEdit(before, after)!
    expect(apply(before, e)).toBe(after)
    expect(e.end - e.start).toBeLessThanOrEqual(before.length)
  })

  it('touches only the changed part, so a cursor elsewhere stays put', () => {
    const before = 'Table a {\n  id int\n}\n\nTable b {\n  id int\n}\n'
    const e = minimalEdit(before, before.replace('Table b', 'Table bb'))!
    expect(e).toEqual({ start: before.indexOf('Table b') + 7, end: before.indexOf('Table b') + 7, text: 'b' })
  })

  it('keeps surrogate pairs whole', () => {
    const e = minimalEdit('x😀y', 'x😁y')!
    expect(e.text).toBe('😁')
  })

  it('is nothing for equal texts', () => {
    expect(minimalEdit('a\nb', 'a\nb')).toBeUndefined()
  })
})
