import { describe, expect, it } from 'vitest'
import { col, schema, table } from '../testing/build.ts'
import { byteLength, clipBytes, figureIndexColname, makeObjectName, resolveNames } from './names.ts'

describe('makeObjectName', () => {
  it('joins table, columns and label', () => {
    expect(makeObjectName('orders', 'user_id', 'fkey')).toBe('orders_user_id_fkey')
    expect(makeObjectName('orders', undefined, 'pkey')).toBe('orders_pkey')
  })
  it('cuts the longer part first to fit 63 bytes', () => {
    const name = makeObjectName('t'.repeat(60), 'c'.repeat(10), 'fkey')
    expect(byteLength(name)).toBe(63)
    expect(name).toBe('t'.repeat(47) + '_' + 'c'.repeat(10) + '_fkey')
  })
  it('never cuts a multi-byte character in half', () => {
    const name = makeObjectName('名'.repeat(21), 'x', 'pkey')
    expect(byteLength(name)).toBeLessThanOrEqual(63)
    expect(name).toBe('名'.repeat(18) + '_x_pkey')
    expect(clipBytes('é'.repeat(10), 5)).toBe('éé')
  })
})

describe('figureIndexColname', () => {
  it.each([
    ['lower(title)', 'lower'],
    ['(lower(title))', 'lower'],
    ['public.f(a, b)', 'f'],
    ['a + b', 'expr'],
    ['lower(a) || b', 'expr'],
    ["(data ->> 'k'::text)", 'expr'],
    ['(a)::text', 'a'],
    ['(a + b)::integer', 'int4'],
    ['CASE WHEN a THEN 1 ELSE 2 END', 'case'],
    ['COALESCE(a, b)', 'coalesce'],
    ['"Weird Fn"(x)', 'Weird Fn'],
  ])('names %s as %s', (sql, name) => {
    expect(figureIndexColname(sql)).toBe(name)
  })
})

describe('resolveNames', () => {
  it("uses PostgreSQL's default names for unnamed keys", () => {
    const s = schema({
      users: table({ id: col('integer').primaryKey(), email: col('text').unique() }),
      orders: table(
        { id: col('integer').primaryKey(), user_id: col('integer').references('users.id') },
        { indexes: [{ keys: ['user_id'] }, { keys: [{ expression: 'lower(email)' }] }] },
      ),
    })
    const names = resolveNames(s)
    expect([...names.constraints.values()].sort()).toEqual(['orders_pkey', 'orders_user_id_fkey', 'users_email_key', 'users_pkey'])
    expect([...names.indexes.values()]).toEqual(['orders_user_id_idx', 'orders_lower_idx'])
    expect(names.numbered.size).toBe(0)
  })
  it('numbers a default name past a clash, as PostgreSQL does', () => {
    const s = schema({
      t: table({ a: col('integer').notNull() }, { uniques: [{ columns: ['a'] }, { columns: ['a'] }], checks: [{ name: 't_pkey', expression: 'a > 0' }], primaryKey: ['a'] }),
    })
    const names = resolveNames(s)
    const t = s.tables[0]!
    expect(names.constraints.get(t.primaryKey!.id)).toBe('t_pkey1')
    expect(t.uniques.map((u) => names.constraints.get(u.id))).toEqual(['t_a_key', 't_a_key1'])
    expect(names.numbered.has(t.primaryKey!.id)).toBe(true)
  })
  it('caches per schema object', () => {
    const s = schema({ t: table({ a: col('integer').primaryKey() }) })
    expect(resolveNames(s)).toBe(resolveNames(s))
  })
})
