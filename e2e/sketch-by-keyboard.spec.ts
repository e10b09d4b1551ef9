/**
 * A user story: sketch a design without touching the mouse. Add tables with their shortcut, type
 * names, walk the columns with Enter and Tab, pick types from the list, reorder and delete with
 * the keyboard, and draw a foreign key from the inspector. Every key goes through page.keyboard.
 */
import { Designer } from './support/canvas.ts'
import { Inspector } from './support/inspector.ts'
import { expect, test } from './support/test.ts'

test('sketch a design by keyboard only', async ({ page }) => {
  // Typed key by key; the machine these run on is shared.
  test.setTimeout(120_000)
  const designer = new Designer(page)
  const inspector = new Inspector(page)
  const keys = page.keyboard
  await designer.open()

  // "T" adds a table where the user is looking, with its name selected for typing.
  await keys.press('t')
  await expect(inspector.tableName).toBeFocused()
  await keys.type('customers')
  await expect(designer.table('customers')).toBeVisible()
  await expect(inspector.tableName).toHaveValue('customers')

  // Enter goes to the first column; Enter walks down; Enter on the last row adds one.
  await keys.press('Enter')
  await expect(inspector.columnName('id')).toBeFocused()
  await keys.press('Enter')
  await keys.press('Enter')
  await expect(inspector.columnName('updated_at')).toBeFocused()
  await keys.press('Enter')
  await expect(inspector.columnName('new_column')).toBeFocused()
  await keys.type('email')
  // Tab to the type; the list filters as one types, and Enter takes the first match, keeping the length.
  await keys.press('Tab')
  await expect(inspector.columnType('email')).toBeFocused()
  await keys.type('varchar(120)')
  await expect(inspector.typeOption(/^varchar\(120\)/)).toHaveAttribute('aria-selected', 'true')
  await keys.press('Enter')
  // The type is taken and, this being the last row, Enter adds the next column.
  await expect(inspector.columnName('new_column')).toBeFocused()
  await keys.type('nickname')
  await keys.press('Tab')
  await keys.type('tex')
  await keys.press('Tab')
  // Tab took the highlighted type and moved on to NOT NULL; Space sets it.
  await expect(inspector.column('nickname').getByRole('button', { name: 'Not null' })).toBeFocused()
  await keys.press('Space')
  await expect(inspector.column('nickname').getByRole('button', { name: 'Not null' })).toHaveAttribute('aria-pressed', 'true')

  const customers = designer.table('customers')
  await expect(customers.getByText('email', { exact: true })).toBeVisible()
  await expect(customers.getByText('varchar(120)', { exact: true })).toBeVisible()
  await expect(customers.getByText('nickname', { exact: true })).toBeVisible()
  expect(await inspector.columnNames()).toEqual(['id', 'created_at', 'updated_at', 'email', 'nickname'])

  // Escape leaves a field for its row; arrows move between rows, Alt+arrows move the row itself.
  await inspector.tabTo(inspector.columnName('nickname'), { back: true })
  await keys.press('Escape')
  await expect(inspector.column('nickname')).toBeFocused()
  await keys.press('ArrowUp')
  await expect(inspector.column('email')).toBeFocused()
  await keys.press('Alt+ArrowUp')
  await keys.press('Alt+ArrowUp')
  expect(await inspector.columnNames()).toEqual(['id', 'email', 'created_at', 'updated_at', 'nickname'])
  await expect(inspector.column('email')).toBeFocused()
  // Delete on a row removes that column (the table stays).
  await keys.press('ArrowDown')
  await keys.press('ArrowDown')
  await expect(inspector.column('updated_at')).toBeFocused()
  await keys.press('Delete')
  expect(await inspector.columnNames()).toEqual(['id', 'email', 'created_at', 'nickname'])
  await expect(customers).toBeVisible()
  await expect(customers.getByText('updated_at', { exact: true })).toHaveCount(0)

  // A foreign key from the inspector: Tab to "Add foreign key", pick the table by typing its name.
  await inspector.tabTo(inspector.root.getByRole('button', { name: 'Add foreign key' }))
  await keys.press('Enter')
  const references = inspector.root.getByRole('group', { name: 'New foreign key' }).getByLabel('References')
  await expect(references).toBeFocused()
  await keys.type('users')
  await expect(references.locator('option:checked')).toHaveText('users')
  await keys.press('Enter')
  await expect(designer.page.getByRole('group', { name: 'customers.user_id references users.id' })).toHaveCount(1)
  await expect(inspector.column('user_id')).toBeVisible()
  await expect(inspector.column('user_id').getByTitle('Foreign key')).toBeVisible()
  await expect(customers.getByText('user_id', { exact: true })).toBeVisible()

  // The new key's card has the focus: ON DELETE by keys, then on to the next table.
  const fkCard = inspector.card('Foreign key customers_user_id_fkey')
  await expect(fkCard).toBeFocused()
  await inspector.tabTo(fkCard.getByLabel('On delete'))
  await keys.type('cascade')
  await expect(fkCard.getByLabel('On delete')).toHaveValue('cascade')

  // "C" adds a column to the selected table and puts the keys in its name.
  await keys.press('Escape')
  await expect(fkCard).toBeFocused()
  await keys.press('c')
  await expect(inspector.columnName('new_column')).toBeFocused()
  await keys.type('status')
  await keys.press('Tab')
  await keys.type('boolean')
  await keys.press('Escape') // closes the list
  await keys.press('Escape') // leaves the field: the type is taken
  await expect(customers.getByText('boolean', { exact: true })).toBeVisible()

  // A second table, straight from the row: T again.
  await keys.press('t')
  await expect(inspector.tableName).toBeFocused()
  await keys.type('invoices')
  await expect(designer.table('invoices')).toBeVisible()
  await expect(designer.table('customers')).toBeVisible()
})
