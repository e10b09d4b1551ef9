import { describe, expect, it } from 'vitest'
import type { EnumId } from './ids.ts'
import { formatColumnType, parseColumnType, sameType } from './types.ts'

const roundTrip = (text: string) => {
  const r = parseColumnType(text)
  if (!r.ok) throw new Error(r.message)
  return formatColumnType(r.type)
}

describe('parseColumnType', () => {
  it.each([
    ['int4', 'integer'],
    ['INT', 'integer'],
    ['character varying(255)', 'varchar(255)'],
    ['varchar', 'varchar'],
    ['timestamp(3) with time zone', 'timestamptz(3)'],
    ['timestamp without time zone', 'timestamp'],
    ['time with time zone', 'timetz'],
    ['decimal(10, 2)', 'numeric(10,2)'],
    ['numeric', 'numeric'],
    ['float', 'double precision'],
    ['float(10)', 'real'],
    ['double precision[]', 'double precision[]'],
    ['int[][]', 'integer[][]'],
    ['integer ARRAY', 'integer[]'],
    ['text[3]', 'text[]'],
    ['bit varying(5)', 'varbit(5)'],
    ['interval day to second(2)', 'interval day to second(2)'],
    ['bool', 'boolean'],
    ['serial8', 'bigserial'],
    ['citext', 'citext'],
    ['vector(1536)', 'vector(1536)'],
    ['public.citext', 'public.citext'],
    ['"My Type"', 'My Type'],
  ])('reads %s as %s', (text, expected) => {
    expect(roundTrip(text)).toBe(expected)
  })

  it.each(['', 'varchar(0)', 'varchar(a)', 'numeric(1,2,3)', 'timestamp(9)', 'interval fortnight', 'text with time zone', 'integer(4)', 'varchar(25', 'numeric(10,', 'varchar)', 'a,b', "o'brien"])(
    'rejects %j with a message',
    (text) => {
      const r = parseColumnType(text)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.message.length).toBeGreaterThan(5)
    },
  )

  it('resolves enum names through the design', () => {
    const id = 'en_1' as EnumId
    const r = parseColumnType('order_status[]', { resolveEnum: (n) => (n === 'order_status' ? id : undefined) })
    expect(r).toEqual({ ok: true, type: { kind: 'enum', enumId: id, arrayDims: 1 } })
  })

  it('compares types structurally', () => {
    const a = parseColumnType('varchar(10)')
    const b = parseColumnType('character varying(10)')
    expect(a.ok && b.ok && sameType(a.type, b.type)).toBe(true)
  })
})
