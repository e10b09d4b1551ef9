import { defaultExample } from '../web/examples.ts'
import { Designer } from './support/canvas.ts'
import { expect, test } from './support/test.ts'

const example = defaultExample.create()
const relationshipCount = example.schema.tables.reduce((n, t) => n + t.foreignKeys.length, 0)

// What the body is painted with in each theme (styles/theme.css, --cf-bg).
const lightBackground = 'rgb(255, 255, 255)'
const darkBackground = 'rgb(21, 23, 28)'

test('opens the example design and draws its tables', async ({ page }) => {
  const designer = new Designer(page)
  await page.emulateMedia({ colorScheme: 'light' })
  await designer.open()

  await expect(page.getByText('Crowsfoot', { exact: true })).toBeVisible()
  await expect(designer.documentName).toHaveText(example.name)

  // Every table is drawn, named, and inside the view (zoom to fit).
  for (const table of example.schema.tables) {
    const node = designer.table(table.name)
    await expect(node).toBeVisible()
    await expect(node).toBeInViewport()
    for (const column of table.columns) await expect(node.getByText(column.name, { exact: true })).toBeVisible()
  }
  await expect(designer.table('users').getByText('varchar(255)').first()).toBeVisible()
  await expect(designer.table('orders').getByTitle('Foreign key')).toHaveCount(1)

  // One drawn edge per foreign key, each with a real path and crow's-foot ends.
  await expect(designer.relationships).toHaveCount(relationshipCount)
  const edge = designer.page.getByRole('group', { name: 'orders.user_id references users.id' })
  const path = edge.locator('path.cf-relation')
  await expect(path).toHaveAttribute('d', /^M/)
  await expect(path).toHaveAttribute('marker-start', /zero-or-many/)
  await expect(path).toHaveAttribute('marker-end', /exactly-one/)

  await expect(page.locator('body')).toHaveCSS('background-color', lightBackground)
  await designer.screenshot('open-example-light')

  // The system turns dark: the app follows while the switch says "System".
  await expect(designer.themeOption('System theme')).toBeChecked()
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('body')).toHaveCSS('background-color', darkBackground)
  await designer.screenshot('open-example-dark')

  // A manual pick overrides the system and survives a reload.
  await designer.themeOption('Light theme').click()
  await expect(designer.themeOption('Light theme')).toBeChecked()
  await expect(page.locator('body')).toHaveCSS('background-color', lightBackground)
  await page.reload()
  await expect(designer.themeOption('Light theme')).toBeChecked()
  await expect(page.locator('body')).toHaveCSS('background-color', lightBackground)
})
