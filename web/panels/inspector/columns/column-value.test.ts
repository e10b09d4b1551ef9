import { describe, expect, it } from 'vitest'
import type { Column, ColumnId } from '@core'
import { valueKindOf, valuePatch, valueTextOf, valueWarning } from './column-value.ts'

const base: Column = { id: 'co_1' as ColumnId, name: 'x', type: { kind: 'builtin', name: 'integer', arrayDims: 0 }, nullable: true }

describe('column value source', () => {
  it('reads the kind and its text from a column', () => {
    expect(valueKindOf(base)).toBe('none')
    expect(valueKindOf({ ...base, default: { kind: 'literal', value: '0' } })).toBe('literal')
    expect(valueKindOf({ ...base, default: { kind: 'expression', sql: 'now()' } })).toBe('expression')
    expect(valueTextOf({ ...base, default: { kind: 'expression', sql: 'now()' } })).toBe('now()')
    expect(valueKindOf({ ...base, identity: 'always' })).toBe('identity-always')
    expect(valueKindOf({ ...base, generated: 'a + b' })).toBe('generated')
    expect(valueTextOf({ ...base, generated: 'a + b' })).toBe('a + b')
  })

  it('keeps a constant exactly as typed, an empty string included', () => {
    expect(valuePatch('literal', " it's ")).toEqual({ ok: true, patch: { identity: undefined, generated: undefined, default: { kind: 'literal', value: " it's " } } })
    expect(valuePatch('literal', '')).toMatchObject({ ok: true, patch: { default: { kind: 'literal', value: '' } } })
  })

  it('refuses expressions that are empty or would break out of their clause', () => {
    expect(valuePatch('expression', '  ')).toEqual({ ok: false, message: 'The expression is empty.' })
    expect(valuePatch('expression', "now()); drop table users; --")).toMatchObject({ ok: false })
    expect(valuePatch('generated', 'lower(email')).toEqual({ ok: false, message: 'An opening parenthesis is not closed.' })
    // Kept as typed, spaces and all: trimming while typing would eat the space just typed.
    expect(valuePatch('generated', 'lower(email) ')).toMatchObject({ ok: true, patch: { generated: 'lower(email) ', default: undefined } })
  })

  it('clears the other sources when one is chosen', () => {
    expect(valuePatch('none', '')).toEqual({ ok: true, patch: { default: undefined, identity: undefined, generated: undefined } })
    expect(valuePatch('identity-by-default', 'ignored')).toMatchObject({ ok: true, patch: { identity: 'by-default', default: undefined } })
  })

  it('warns when identity meets a type that cannot hold it', () => {
    expect(valueWarning('identity-always', base)).toBeUndefined()
    expect(valueWarning('identity-always', { ...base, type: { kind: 'builtin', name: 'uuid', arrayDims: 0 } })).toMatch(/smallint, integer or bigint/)
    expect(valueWarning('identity-always', { ...base, type: { kind: 'builtin', name: 'serial', arrayDims: 0 } })).toMatch(/sequence/)
    expect(valueWarning('literal', { ...base, type: { kind: 'builtin', name: 'uuid', arrayDims: 0 } })).toBeUndefined()
  })
})
