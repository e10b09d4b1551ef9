import { describe, expect, it } from 'vitest'
import type { ConstraintId, Schema, Table } from '@core'
import { findTableByName } from '@core'
import { shop } from '../../core/fixtures/shop.ts'
import { planConnection } from './connect.ts'

const id = 'co_drawn' as ConstraintId
const t = (name: string): Table => findTableByName(shop, name)!
const c = (table: string, column: string) => ({ tableId: t(table).id, columnId: t(table).columns.find((x) => x.name === column)!.id })

function run(schema: Schema, plan: ReturnType<typeof planConnection>): Schema {
  if (!plan.ok) throw new Error(plan.reason)
  return plan.edit(schema)
}

describe('planConnection', () => {
  it('column to key column: the foreign key goes from the plain column to the key', () => {
    const next = run(shop, planConnection(shop, c('audit_log', 'record_id'), c('orders', 'id'), id))
    const fk = findTableByName(next, 'audit_log')!.foreignKeys.find((f) => f.id === id)!
    expect(fk.columns).toEqual([c('audit_log', 'record_id').columnId])
    expect(fk.target).toEqual({ tableId: t('orders').id, columns: [c('orders', 'id').columnId] })
  })

  it('dragged from the key to the plain column, the plain column is still the child', () => {
    const plan = planConnection(shop, c('orders', 'id'), c('audit_log', 'record_id'), id)
    expect(plan.ok && plan.child).toBe(t('audit_log').id)
  })

  it('refuses a target that is neither key nor unique, a column onto itself, types that differ and a duplicate', () => {
    const reason = (p: ReturnType<typeof planConnection>) => (p.ok ? 'accepted' : p.reason)
    expect(reason(planConnection(shop, c('audit_log', 'action'), c('orders', 'status'), id))).toMatch(/orders.status is neither a primary key nor unique/)
    expect(reason(planConnection(shop, c('orders', 'id'), c('orders', 'id'), id))).toMatch(/cannot reference itself/)
    expect(reason(planConnection(shop, c('orders', 'status'), c('users', 'id'), id))).toMatch(/different types/)
    expect(reason(planConnection(shop, c('orders', 'user_id'), c('users', 'id'), id))).toMatch(/already references/)
  })

  it('a drop on a table means its primary key; from a table it creates the key column', () => {
    const onTable = run(shop, planConnection(shop, c('audit_log', 'record_id'), { tableId: t('orders').id }, id))
    expect(findTableByName(onTable, 'audit_log')!.foreignKeys.some((f) => f.id === id)).toBe(true)
    const fromTable = run(shop, planConnection(shop, { tableId: t('order_items').id }, { tableId: t('users').id }, id))
    const items = findTableByName(fromTable, 'order_items')!
    const fk = items.foreignKeys.find((f) => f.id === id)!
    expect(items.columns.find((col) => col.id === fk.columns[0])!.name).toBe('user_id')
  })

  it('a self-reference from a table to itself is allowed', () => {
    const next = run(shop, planConnection(shop, { tableId: t('users').id }, { tableId: t('users').id }, id))
    const fk = findTableByName(next, 'users')!.foreignKeys.find((f) => f.id === id)!
    expect(fk.target.tableId).toBe(t('users').id)
  })
})
