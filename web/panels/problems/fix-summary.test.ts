import { describe, expect, it } from 'vitest'
import { addColumn, findTableByName, lint, parseColumnType, renameColumn, renameTable, updateConstraint } from '@core'
import type { Schema } from '@core'
import { shop } from '../../../core/fixtures/shop.ts'
import { describeRenames, findRenames } from './fix-summary.ts'

const table = (s: Schema, name: string) => {
  const t = findTableByName(s, name)
  if (!t) throw new Error(`no table ${name}`)
  return t
}

describe('findRenames', () => {
  it('finds nothing when nothing was renamed', () => {
    const orders = table(shop, 'orders')
    const text = parseColumnType('text')
    if (!text.ok) throw new Error(text.message)
    const next = addColumn(shop, orders.id, { name: 'note', type: text.type, nullable: true })
    expect(findRenames(shop, next)).toEqual([])
    expect(findRenames(shop, shop)).toEqual([])
  })

  it('names the table, then the columns and named constraints', () => {
    const orders = table(shop, 'orders')
    let next = renameTable(shop, orders.id, 'purchase_orders')
    next = renameColumn(next, orders.id, orders.columns[1]!.id, 'buyer_id')
    const fk = orders.foreignKeys[0]!
    expect(fk.name).toBeUndefined()
    next = updateConstraint(next, orders.id, fk.id, { name: 'fk_orders_buyer' })
    const renames = findRenames(shop, next)
    expect(renames).toEqual([
      { kind: 'table', from: 'orders', to: 'purchase_orders' },
      { kind: 'column', from: orders.columns[1]!.name, to: 'buyer_id' },
    ])
    // The key had no name of its own before, so naming it was no rename; renaming it is.
    const again = updateConstraint(next, orders.id, fk.id, { name: 'fk_purchase_orders_buyer' })
    expect(findRenames(next, again)).toEqual([{ kind: 'constraint', from: 'fk_orders_buyer', to: 'fk_purchase_orders_buyer' }])
  })

  it('describes a quick fix that renames a table', () => {
    const finding = lint(shop).find((d) => d.rule === 'table-name-number')
    expect(finding?.fixes?.[0]).toBeDefined()
    const renames = findRenames(shop, finding!.fixes![0]!.apply(shop))
    expect(describeRenames(renames)).toBe('Renamed table "audit_log" to "audit_logs".')
  })
})

describe('describeRenames', () => {
  it('counts the other names', () => {
    expect(describeRenames([])).toBeUndefined()
    const r = { kind: 'column', from: 'a', to: 'b' } as const
    expect(describeRenames([r, r])).toBe('Renamed column "a" to "b" and 1 other name.')
    expect(describeRenames([r, r, r])).toBe('Renamed column "a" to "b" and 2 other names.')
  })
})
