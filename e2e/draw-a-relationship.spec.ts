/**
 * User story: draw a relationship by dragging from a column to another table's column, see the
 * edge with its crow's feet at once, and take it back with one undo.
 */
import { Designer } from './support/canvas.ts'
import { expect, test } from './support/test.ts'

test.describe.configure({ timeout: 90_000 })

test('drag from a column to a key column draws the foreign key with its crow\'s feet; undo removes it', async ({ page }) => {
  const designer = new Designer(page)
  await designer.open()
  await expect(designer.relationships).toHaveCount(5)

  await designer.drawRelationship({ table: 'audit_log', column: 'record_id' }, { table: 'orders', column: 'id' })

  const edge = designer.relationship('audit_log.record_id references orders.id')
  await expect(edge).toBeVisible()
  await expect(designer.relationships).toHaveCount(6)
  // The crow's-foot ends: a required record_id referencing a key is "one and only one" to "zero or many".
  const path = edge.locator('path.react-flow__edge-path')
  await expect(path).toHaveAttribute('marker-start', /url\(#cf-end-zero-or-many/)
  await expect(path).toHaveAttribute('marker-end', /url\(#cf-end-exactly-one/)
  await expect(designer.row('audit_log', 'record_id')).toContainText('FK')

  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(edge).toHaveCount(0)
  await expect(designer.relationships).toHaveCount(5)
  await expect(designer.row('audit_log', 'record_id')).not.toContainText('FK')
})

test('a drop on a column that is not a key is refused with the reason', async ({ page }) => {
  const designer = new Designer(page)
  await designer.open()
  await designer.drawRelationship({ table: 'audit_log', column: 'action' }, { table: 'orders', column: 'status' })
  await expect(page.getByText('orders.status is neither a primary key nor unique', { exact: false })).toBeVisible()
  await expect(designer.relationships).toHaveCount(5)
})

test('from a table onto a table creates the key column; Escape abandons a drag', async ({ page }) => {
  const designer = new Designer(page)
  await designer.open()
  await designer.drawRelationship({ table: 'order_items' }, { table: 'users' })
  await expect(designer.relationship('order_items.user_id references users.id')).toBeVisible()
  await expect(designer.row('order_items', 'user_id')).toContainText('FK')

  // Escape in the middle of a drag: nothing is drawn, nothing is refused.
  const box = await designer.row('products', 'name').boundingBox()
  const end = await designer.row('users', 'id').boundingBox()
  await page.mouse.move(box!.x + box!.width, box!.y + box!.height / 2)
  await page.mouse.down()
  await page.mouse.move(end!.x + 20, end!.y + end!.height / 2, { steps: 8 })
  await expect(page.locator('.react-flow__connectionline')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.locator('.react-flow__connectionline')).toHaveCount(0)
  await page.mouse.up()
  await expect(designer.relationships).toHaveCount(6)
})
