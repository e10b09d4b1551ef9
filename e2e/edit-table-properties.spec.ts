/**
 * A user story: edit every property of a table in the inspector. Types (picked, typed, with
 * modifiers, arrays, a new enum), defaults as constants and expressions, identity, a generated
 * column, collation and comments; the table's schema, colour, storage and partitioning; checks,
 * uniques, foreign key options and indexes with expressions, WHERE and INCLUDE. What the model
 * refuses stays in its field with the reason. Each part is checked on the canvas and by coming
 * back to the table after selecting another: the model holds it, not just the field.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { Designer } from './support/canvas.ts'
import { Inspector } from './support/inspector.ts'
import { expect, test } from './support/test.ts'

async function selectTable(page: Page, name: string) {
  const escaped = name.replaceAll('.', '\\.')
  await page.getByRole('navigation', { name: 'Tables and enums' }).getByRole('button', { name: new RegExp(`^${escaped} \\d+$`) }).click()
}

async function openOrders(page: Page) {
  const designer = new Designer(page)
  const inspector = new Inspector(page)
  await designer.open()
  await selectTable(page, 'orders')
  await expect(inspector.tableName).toHaveValue('orders')
  return { designer, inspector }
}

/** Selects another table and comes back, so what follows reads the model, not a field's state. */
async function awayAndBack(page: Page, inspector: Inspector, name: string) {
  await selectTable(page, 'users')
  await expect(inspector.tableName).toHaveValue('users')
  await selectTable(page, name)
  await expect(inspector.tableName).toHaveValue(name.split('.').at(-1)!)
}

async function addColumn(page: Page, inspector: Inspector, name: string, type: string) {
  await inspector.section('Columns').getByRole('button', { name: 'Add column' }).click()
  await expect(inspector.columnName('new_column')).toBeFocused()
  await page.keyboard.type(name)
  await inspector.columnType(name).fill(type)
  await inspector.columnType(name).press('Tab')
  return inspector.openColumn(name)
}

test.describe('edit every property of a table in the inspector', () => {
  // Long stories typed key by key; the machine these run on is shared.
  test.describe.configure({ timeout: 180_000 })

  test('the table: comment, colour, schema, storage and partitioning', async ({ page }) => {
    const { designer, inspector } = await openOrders(page)
    await inspector.field('Comment').fill('One checkout by one user.')
    await inspector.root.getByRole('radiogroup', { name: 'Colour' }).getByRole('radio', { name: 'Green' }).click()
    await expect(designer.table('orders')).toHaveAttribute('style', /--cf-table-accent: #22c55e/)
    await inspector.field('Custom colour').fill('#12')
    await expect(inspector.root.getByRole('alert')).toHaveText(/#rgb or #rrggbb/)
    await inspector.field('Custom colour').fill('#123abc')
    await expect(designer.table('orders')).toHaveAttribute('style', /--cf-table-accent: #123abc/)
    await inspector.field('Schema').selectOption({ label: 'New schema…' })
    await inspector.field('New schema name').fill('sales')
    await inspector.root.getByRole('button', { name: 'Create', exact: true }).click()
    await expect(designer.table('sales.orders')).toBeVisible()
    const storage = inspector.section('Storage')
    await storage.getByLabel('UNLOGGED').check()
    await storage.getByLabel('Partition').selectOption('range')
    await storage.getByLabel('Key').fill('date_trunc(\'month\', created_at')
    await expect(storage.getByRole('alert')).toHaveText('An opening parenthesis is not closed.')
    await storage.getByLabel('Key').fill("date_trunc('month', created_at)")

    await awayAndBack(page, inspector, 'sales.orders')
    await expect(inspector.field('Comment')).toHaveValue('One checkout by one user.')
    await expect(inspector.field('Schema').locator('option:checked')).toHaveText('sales')
    await expect(inspector.field('Custom colour')).toHaveValue('#123abc')
    await expect(inspector.section('Storage').getByLabel('UNLOGGED')).toBeChecked()
    await expect(inspector.section('Storage').getByLabel('Partition')).toHaveValue('range')
    await expect(inspector.section('Storage').getByLabel('Key')).toHaveValue("date_trunc('month', created_at)")
  })

  test('column types: picked, refused with a reason, typed with modifiers, arrays and a new enum', async ({ page }) => {
    const { designer, inspector } = await openOrders(page)
    const orders = designer.table('orders')
    const status = inspector.columnType('status')
    await status.fill('varchar(25')
    await status.press('Escape') // closes the list
    await status.press('Escape') // leaves the field: the text is kept, refused
    await expect(inspector.column('status').getByRole('alert')).toHaveText(/parentheses of "varchar\(25" do not match/)
    await expect(status).toHaveValue('varchar(25')
    await expect(status).toHaveAttribute('aria-invalid', 'true')
    await status.fill('varchar(32)')
    await status.press('Tab')
    await expect(inspector.column('status').getByRole('alert')).toHaveCount(0)
    await expect(orders.getByText('varchar(32)')).toBeVisible()

    // A new enum from the type picker: it opens, takes values, and leads back to the column.
    await status.fill('order_state')
    await inspector.typeOption('New enum “order_state”…').click()
    await expect(inspector.field('Enum name')).toBeFocused()
    await expect(inspector.field('Enum name')).toHaveValue('order_state')
    await page.keyboard.press('Enter')
    for (const value of ['pending', 'paid', 'shipped']) {
      await page.keyboard.type(value)
      await page.keyboard.press('Enter')
    }
    // The last Enter added a fourth value; Escape, then Delete removes it.
    await page.keyboard.press('Escape')
    await page.keyboard.press('Delete')
    const values = inspector.root.getByRole('list', { name: 'Values' }).getByLabel('Value name')
    const valueNames = () => values.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))
    await expect(values).toHaveCount(3)
    expect(await valueNames()).toEqual(['pending', 'paid', 'shipped'])
    await inspector.root.getByRole('group', { name: 'Value shipped' }).getByLabel('Value name').press('Alt+ArrowUp')
    expect(await valueNames()).toEqual(['pending', 'shipped', 'paid'])
    // And by drag: paid to the top.
    await inspector.root.getByRole('group', { name: 'Value paid' }).locator('.cf-col__grip').dragTo(inspector.root.getByRole('group', { name: 'Value pending' }), { targetPosition: { x: 40, y: 3 } })
    expect(await valueNames()).toEqual(['paid', 'pending', 'shipped'])
    await expect(inspector.root.getByRole('button', { name: /^orders\.status/ })).toBeVisible()
    await inspector.root.getByRole('button', { name: 'Back to orders.status' }).click()
    await expect(inspector.columnType('status')).toHaveValue('order_state')
    await expect(orders.getByText('order_state')).toBeVisible()

    // Precision and scale go through the type parser's ranges; a refusal can be reverted.
    const total = await inspector.openColumn('total_amount')
    await total.getByLabel('Precision').fill('12')
    await expect(orders.getByText('numeric(12,2)')).toBeVisible()
    await total.getByLabel('Precision').fill('1001')
    await expect(total.getByRole('alert')).toHaveText(/out of range/)
    await total.getByRole('button', { name: 'Revert' }).click()
    await expect(total.getByLabel('Precision')).toHaveValue('12')

    // An array by its brackets, and its dimensions shown in the details.
    const tags = await addColumn(page, inspector, 'tags', 'text[]')
    await expect(tags.getByLabel('Array')).toHaveValue('1')
    await expect(orders.getByText('text[]')).toBeVisible()
    await tags.getByLabel('Array').fill('2')
    await expect(orders.getByText('text[][]')).toBeVisible()

    // Columns reorder by drag too: tags above user_id (details closed, so both rows are in view).
    await inspector.column('tags').getByRole('button', { name: 'Details of tags' }).click()
    await inspector.column('total_amount').getByRole('button', { name: 'Details of total_amount' }).click()
    await inspector.column('status').getByRole('button', { name: 'Details of status' }).click()
    await inspector.column('tags').locator('.cf-col__grip').dragTo(inspector.column('user_id'), { targetPosition: { x: 60, y: 3 } })
    expect(await inspector.columnNames()).toEqual(['id', 'tags', 'user_id', 'status', 'total_amount', 'created_at', 'updated_at'])

    await awayAndBack(page, inspector, 'orders')
    expect(await inspector.columnNames()).toEqual(['id', 'tags', 'user_id', 'status', 'total_amount', 'created_at', 'updated_at'])
    await expect(inspector.columnType('status')).toHaveValue('order_state')
    await expect(inspector.columnType('total_amount')).toHaveValue('numeric(12,2)')
    await expect(inspector.columnType('tags')).toHaveValue('text[][]')
  })

  test('where a value comes from: constant, expression, identity, generated; collation, comment, names', async ({ page }) => {
    const { designer, inspector } = await openOrders(page)
    const code = await addColumn(page, inspector, 'code', 'varchar(8)')
    await code.getByLabel('Default').selectOption('literal')
    await code.getByLabel('Value', { exact: true }).fill("it's")
    await code.getByLabel('Collation').fill('C')
    await code.getByRole('checkbox', { name: 'Not null' }).check()
    await code.getByLabel('Comment').fill('Short public reference.')

    const seq = await addColumn(page, inspector, 'seq', 'bigint')
    await seq.getByLabel('Default').selectOption('identity-always')
    await expect(seq.getByText(/GENERATED ALWAYS AS IDENTITY/)).toBeVisible()
    await expect(inspector.column('seq').getByRole('button', { name: 'Not null' })).toHaveAttribute('aria-pressed', 'true')

    const cents = await addColumn(page, inspector, 'total_cents', 'bigint')
    await cents.getByLabel('Default').selectOption('generated')
    await expect(cents.getByLabel('Expression', { exact: true })).toBeFocused()
    await page.keyboard.type('(total_amount * 100')
    await expect(cents.getByRole('alert')).toHaveText('An opening parenthesis is not closed.')
    await page.keyboard.type(')::bigint')
    await expect(cents.getByRole('alert')).toHaveCount(0)

    const created = await inspector.openColumn('created_at')
    await expect(created.getByLabel('Default')).toHaveValue('expression')
    await created.getByLabel('Expression', { exact: true }).fill('clock_timestamp()')

    // An empty name is refused and kept in the field, with the reason, until it is fixed.
    await inspector.columnName('total_cents').fill('')
    await expect(inspector.column('total_cents').getByRole('alert')).toHaveText('A column name cannot be empty.')
    await expect(inspector.columnName('total_cents')).toHaveValue('')
    await inspector.columnName('total_cents').fill('amount_in_cents')
    await expect(designer.table('orders').getByText('amount_in_cents')).toBeVisible()

    await awayAndBack(page, inspector, 'orders')
    expect(await inspector.columnNames()).toEqual(['id', 'user_id', 'status', 'total_amount', 'created_at', 'updated_at', 'code', 'seq', 'amount_in_cents'])
    const codeAgain = await inspector.openColumn('code')
    await expect(codeAgain.getByLabel('Default')).toHaveValue('literal')
    await expect(codeAgain.getByLabel('Value', { exact: true })).toHaveValue("it's")
    await expect(codeAgain.getByLabel('Collation')).toHaveValue('C')
    await expect(codeAgain.getByLabel('Comment')).toHaveValue('Short public reference.')
    await expect((await inspector.openColumn('amount_in_cents')).getByLabel('Expression', { exact: true })).toHaveValue('(total_amount * 100)::bigint')
    await expect((await inspector.openColumn('created_at')).getByLabel('Expression', { exact: true })).toHaveValue('clock_timestamp()')
    await expect((await inspector.openColumn('seq')).getByLabel('Default')).toHaveValue('identity-always')
  })

  test('keys, checks, foreign key options and indexes with an expression, WHERE and INCLUDE', async ({ page }) => {
    const { designer, inspector } = await openOrders(page)
    await addColumn(page, inspector, 'code', 'text')

    await inspector.section('Checks').getByRole('button', { name: 'Add check' }).click()
    const check = inspector.card('Check orders_check')
    await expect(check.getByLabel('Expression', { exact: true })).toBeFocused()
    await page.keyboard.type('total_amount >= 0')
    await check.getByLabel('Expression', { exact: true }).fill('total_amount >= 0 and (')
    await expect(check.getByRole('alert')).toHaveText('An opening parenthesis is not closed.')
    await check.getByRole('button', { name: 'Revert' }).click()
    await expect(check.getByLabel('Expression', { exact: true })).toHaveValue('total_amount >= 0')

    await inspector.section('Keys').getByRole('button', { name: 'Add unique constraint' }).click()
    const unique = inspector.card(/^Unique /).last()
    await unique.getByRole('button', { name: 'Remove id from columns' }).click()
    await expect(unique.getByRole('alert')).toHaveText('Columns needs at least one column.')
    await unique.getByRole('button', { name: 'Add a column to columns' }).click()
    await page.getByRole('listbox', { name: 'Add a column to columns' }).getByRole('option', { name: 'code' }).click()
    await unique.getByRole('button', { name: 'Remove id from columns' }).click()
    await unique.getByLabel('NULLS NOT DISTINCT').check()
    await expect(inspector.card('Unique orders_code_key')).toBeVisible()
    await expect(inspector.column('code').getByTitle('Unique')).toBeVisible()
    await expect(designer.table('orders').getByTitle('Unique')).toHaveCount(1)

    const fk = await inspector.openCard(inspector.card('Foreign key orders_user_id_fkey'))
    await fk.getByLabel('On delete').selectOption('set null')
    await fk.getByLabel('On update').selectOption('cascade')
    await fk.getByLabel('Deferrable').selectOption('initially deferred')
    await fk.getByLabel('MATCH FULL').check()
    await fk.getByLabel('Comment').fill('Who placed the order.')

    await inspector.section('Indexes').getByRole('button', { name: 'Add index' }).click()
    const index = inspector.section('Indexes').getByRole('group', { name: /^Index / }).last()
    await expect(index).toHaveAccessibleName('Index orders_id_idx')
    await index.getByLabel('Key 1 column').selectOption({ label: 'Expression…' })
    await index.getByLabel('Key 1 expression').fill('lower(code)')
    await index.getByLabel('Key 1 order').selectOption('desc')
    await index.getByLabel('Method').selectOption('hash')
    await index.getByLabel('Method').selectOption('btree')
    await index.getByLabel('UNIQUE', { exact: true }).check()
    await index.getByLabel('Where').fill("status <> 'paid'")
    await index.getByRole('button', { name: 'Add a column to include' }).click()
    await page.getByRole('listbox', { name: 'Add a column to include' }).getByRole('option', { name: 'total_amount' }).click()
    await index.getByLabel('Name', { exact: true }).fill('orders_open_code_idx')
    await expect(inspector.card('Index orders_open_code_idx')).toContainText('(lower(code)) DESC')

    await awayAndBack(page, inspector, 'orders')
    await expect(inspector.card('Check orders_check')).toContainText('total_amount >= 0')
    await expect(inspector.card('Unique orders_code_key')).toBeVisible()
    const fkAgain = await inspector.openCard(inspector.card('Foreign key orders_user_id_fkey'))
    await expect(fkAgain.getByLabel('On delete')).toHaveValue('set null')
    await expect(fkAgain.getByLabel('On update')).toHaveValue('cascade')
    await expect(fkAgain.getByLabel('Deferrable')).toHaveValue('initially deferred')
    await expect(fkAgain.getByLabel('MATCH FULL')).toBeChecked()
    await expect(fkAgain.getByLabel('Comment')).toHaveValue('Who placed the order.')
    const indexAgain = await inspector.openCard(inspector.card('Index orders_open_code_idx'))
    await expect(indexAgain.getByLabel('Key 1 expression')).toHaveValue('lower(code)')
    await expect(indexAgain.getByLabel('Key 1 order')).toHaveValue('desc')
    await expect(indexAgain.getByLabel('UNIQUE', { exact: true })).toBeChecked()
    await expect(indexAgain.getByLabel('Where')).toHaveValue("status <> 'paid'")
    await expect(indexAgain.getByRole('group', { name: 'Include' })).toContainText('total_amount')

    // Open columns, cards and lists: no serious or critical accessibility problem in the inspector.
    await inspector.openColumn('code')
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      const axe = await new AxeBuilder({ page }).include('[aria-label="Inspector"]').analyze()
      const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      expect(serious.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    }

    await page.emulateMedia({ colorScheme: 'light' })
    await designer.screenshot('edit-table-properties-light')
    await page.emulateMedia({ colorScheme: 'dark' })
    await designer.screenshot('edit-table-properties-dark')
  })
})
