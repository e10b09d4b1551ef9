/**
 * User stories around the table inspector: with nothing selected, edit the design as a whole
 * (its name, schemas, enums, extensions); with several tables selected, colour, move and delete
 * them together, told what goes with them; with a relationship selected, edit its foreign key.
 */
import { Designer } from './support/canvas.ts'
import { Inspector } from './support/inspector.ts'
import { expect, test } from './support/test.ts'

test.describe.configure({ timeout: 120_000 })

test('edit the design as a whole when nothing is selected', async ({ page }) => {
  const designer = new Designer(page)
  const inspector = new Inspector(page)
  await designer.open()
  await expect(inspector.root.getByText('Design', { exact: true })).toBeVisible()
  await expect(inspector.root.getByRole('definition').first()).toHaveText('6')

  await inspector.field('Design name').fill('')
  await expect(inspector.root.getByRole('alert')).toHaveText('A design needs a name.')
  await inspector.field('Design name').fill('Shop v2')
  await expect(designer.documentName).toHaveText('Shop v2')

  const schemas = inspector.section('Schemas')
  await schemas.getByLabel('New schema name').fill('billing')
  await schemas.getByRole('button', { name: 'Add schema' }).click()
  await schemas.getByLabel('New schema name').fill('billing')
  await schemas.getByRole('button', { name: 'Add schema' }).click()
  await expect(schemas.getByRole('alert')).toHaveText('A schema named "billing" already exists.')
  await schemas.getByLabel('Name of schema billing').fill('invoicing')
  await expect(schemas.getByRole('button', { name: 'Delete schema public' })).toBeDisabled()
  await schemas.getByRole('button', { name: 'Delete schema invoicing' }).click()
  await expect(schemas.getByLabel('Name of schema invoicing')).toHaveCount(0)

  const extensions = inspector.section('Extensions')
  await extensions.getByLabel('Extension to add').fill('citext; drop')
  await extensions.getByRole('button', { name: 'Add extension' }).click()
  await expect(extensions.getByRole('alert')).toHaveText(/is not an extension name/)
  await extensions.getByLabel('Extension to add').fill('uuid-ossp')
  await extensions.getByLabel('Extension to add').press('Enter')
  await expect(extensions.getByRole('listitem')).toHaveText(['uuid-ossp'])

  // A new enum opens at once with its name selected to type over.
  await inspector.section('Enums').getByRole('button', { name: 'New enum' }).click()
  await expect(inspector.field('Enum name')).toBeFocused()
  await page.keyboard.type('mood')
  await page.keyboard.press('Enter')
  await page.keyboard.type('happy')
  await expect(page.getByRole('navigation', { name: 'Tables and enums' }).getByRole('button', { name: /^mood/ })).toBeVisible()
  await page.getByRole('application').click({ position: { x: 20, y: 20 } })
  await expect(inspector.section('Enums').getByRole('button', { name: /^mood/ })).toContainText('1 value')
  await expect(inspector.field('Design name')).toHaveValue('Shop v2')
})

test('colour, move and delete several tables at once', async ({ page }) => {
  const designer = new Designer(page)
  const inspector = new Inspector(page)
  await designer.open()
  await designer.table('users').click()
  await designer.table('orders').click({ modifiers: ['Shift'] })
  await expect(inspector.root.getByText('2 tables selected')).toBeVisible()

  await inspector.root.getByRole('radiogroup', { name: 'Colour' }).getByRole('radio', { name: 'Amber' }).click()
  await expect(designer.table('users')).toHaveAttribute('style', /#f59e0b/)
  await expect(designer.table('orders')).toHaveAttribute('style', /#f59e0b/)
  await expect(designer.table('products')).not.toHaveAttribute('style', /#f59e0b/)

  await inspector.field('Schema').selectOption({ label: 'New schema…' })
  await inspector.field('New schema name').fill('core')
  await inspector.field('New schema name').press('Enter')
  await expect(designer.table('core.users')).toBeVisible()
  await expect(designer.table('core.orders')).toBeVisible()

  // The consequences are said before the click: the foreign keys of other tables go too.
  const del = inspector.section('Delete')
  await expect(del).toContainText('Also removes the foreign key order_items_order_id_fkey in order_items')
  await expect(del).toContainText('the foreign key settings_user_id_fkey in settings')
  await del.getByRole('button', { name: 'Delete 2 tables' }).click()
  await expect(designer.table('core.users')).toHaveCount(0)
  await expect(page.getByRole('status').filter({ hasText: 'Deleted 2 tables.' })).toBeVisible()
  await expect(designer.relationships).toHaveCount(1)
  await page.getByRole('status').filter({ hasText: 'Deleted 2 tables.' }).getByRole('button', { name: 'Undo' }).click()
  await expect(designer.table('core.users')).toBeVisible()
  await expect(designer.relationships).toHaveCount(5)
})

test('edit a relationship selected on the canvas', async ({ page }) => {
  const designer = new Designer(page)
  const inspector = new Inspector(page)
  await designer.open()
  // Edges overlap on the canvas; React Flow selects a focused edge with Enter, which is exact.
  await page.getByRole('group', { name: 'settings.user_id references users.id' }).focus()
  await page.keyboard.press('Enter')
  const relationship = inspector.section('Relationship')
  await expect(relationship).toContainText('user_id → users.id')
  await expect(relationship).toContainText('Each settings row refers to exactly one users row; a users row has any number of settings rows.')
  await relationship.getByLabel('On delete').selectOption('cascade')
  // Made unique, the child end becomes "at most one": the words follow the crow's feet.
  await inspector.section('Keys').getByRole('button', { name: 'Add unique constraint' }).click()
  const unique = inspector.card(/^Unique /).last()
  await unique.getByRole('button', { name: 'Add a column to columns' }).click()
  await page.getByRole('listbox', { name: 'Add a column to columns' }).getByRole('option', { name: 'user_id' }).click()
  await unique.getByRole('button', { name: 'Remove id from columns' }).click()
  await expect(relationship).toContainText('a users row has at most one settings row')
  await relationship.getByRole('button', { name: 'Delete relationship' }).click()
  await expect(page.getByRole('group', { name: 'settings.user_id references users.id' })).toHaveCount(0)
  await expect(inspector.tableName).toHaveValue('settings')
})
