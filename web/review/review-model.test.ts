import { describe, expect, it } from 'vitest'
import { createDocument, renameTable } from '@core'
import { shop } from '../../core/fixtures/shop.ts'
import { shopRelease } from '../../core/fixtures/shop-release.ts'
import { columnNamed, tableNamed } from '../../core/testing/by-name.ts'
import { generateDesign } from '../../core/testing/generate.ts'
import { kinship } from './open-from-review.ts'
import { changeItems, placedDocument, reviewChanges, sameTarget, targetLabel } from './review-model.ts'

describe('review model', () => {
  const users = tableNamed(shop, 'users')
  const orders = tableNamed(shop, 'orders')

  it('lists every change with its status and the table to show', () => {
    const base = renameTable(shop, tableNamed(shop, 'products').id, 'items')
    const review = reviewChanges(createDocument({ name: 'x', schema: shopRelease }), { label: 'v1', schema: base })!
    const items = changeItems(review)
    expect(items).toHaveLength(review.changes.length)
    expect(items.find((i) => i.text.includes('"items" is renamed'))).toMatchObject({ status: 'renamed', tableId: tableNamed(shop, 'products').id })
    expect(items.find((i) => i.text.includes('orders.note'))).toMatchObject({ status: 'added', tableId: orders.id })
    expect(items.find((i) => i.text.includes('ip_address'))).toMatchObject({ status: 'removed' })
    expect(items.find((i) => i.text.includes('NOT NULL'))).toMatchObject({ status: 'changed', tableId: users.id })
  })

  it('has no changes without a base, and places tables that have no position', () => {
    const doc = createDocument({ name: 'x', schema: shop })
    expect(reviewChanges(doc, undefined)).toBeUndefined()
    const placed = placedDocument(doc)
    for (const t of shop.tables) expect(placed.layout.tables[t.id]).toBeDefined()
  })

  it('names comment targets as a reader says them, and says when the object is gone', () => {
    const email = columnNamed(shop, 'users', 'email').id
    const fk = orders.foreignKeys[0]!
    expect(targetLabel(shop, { kind: 'table', tableId: users.id })).toBe('users')
    expect(targetLabel(shop, { kind: 'column', tableId: users.id, columnId: email })).toBe('users.email')
    expect(targetLabel(shop, { kind: 'relationship', tableId: orders.id, foreignKeyId: fk.id })).toBe('orders → users')
    expect(targetLabel(shop, { kind: 'table', tableId: 'ta_gone' as never })).toBe('a removed table')
    expect(sameTarget({ kind: 'column', tableId: users.id, columnId: email }, { kind: 'column', tableId: users.id, columnId: email })).toBe(true)
    expect(sameTarget({ kind: 'column', tableId: users.id, columnId: email }, { kind: 'table', tableId: users.id })).toBe(false)
  })

  it('recognises versions of one design by tables with the same id and name, not by ids alone', () => {
    // The released design is closer to itself than to the template it started from.
    expect(kinship(shopRelease, shopRelease)).toBeGreaterThan(kinship(shop, shopRelease))
    expect(kinship(shop, shopRelease)).toBeGreaterThan(0)
    // Another design whose sequential ids look alike shares (almost) no names under those ids.
    const other = generateDesign({ tables: 6, seed: 9 }).schema
    expect(kinship(other, shopRelease)).toBeLessThan(kinship(shop, shopRelease) / 4)
  })
})
