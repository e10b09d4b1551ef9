/**
 * A user story: undo and redo everything done in the inspector. A sequence of edits (a rename
 * typed key by key, a type, NOT NULL, a check added then typed, a colour, a column removed with
 * what went with it) is undone step by step with Ctrl+Z on the canvas and with the Undo button, each step one
 * user action, then redone with Ctrl+Shift+Z.
 */
import { Designer } from './support/canvas.ts'
import { Inspector } from './support/inspector.ts'
import { expect, test } from './support/test.ts'

test('undo and redo everything', async ({ page }) => {
  test.setTimeout(120_000)
  const designer = new Designer(page)
  const inspector = new Inspector(page)
  await designer.open()
  await page.getByRole('navigation', { name: 'Tables and enums' }).getByRole('button', { name: /^users \d+$/ }).click()
  await expect(inspector.tableName).toHaveValue('users')
  const history = page.getByRole('group', { name: 'History' })
  const undo = history.getByRole('button', { name: 'Undo', exact: true })
  const redo = history.getByRole('button', { name: 'Redo', exact: true })

  // 1. A rename typed key by key: one undo entry.
  await inspector.tableName.fill('')
  await expect(inspector.root.getByRole('alert')).toHaveText('A table name cannot be empty.')
  await page.keyboard.type('people')
  await expect(designer.table('people')).toBeVisible()
  // 2. A type from the picker.
  await inspector.columnType('avatar_url').fill('varchar(2048)')
  await inspector.columnType('avatar_url').press('Tab')
  // 3. NOT NULL on that column.
  await inspector.column('avatar_url').getByRole('button', { name: 'Not null' }).click()
  // 4. A check.
  await inspector.section('Checks').getByRole('button', { name: 'Add check' }).click()
  await page.keyboard.type("email like '%@%'")
  // 5. A colour.
  await inspector.root.getByRole('radiogroup', { name: 'Colour' }).getByRole('radio', { name: 'Violet' }).click()
  // 6. Delete the email column: its unique constraint goes with it, and the notice says so.
  const email = await inspector.openColumn('email')
  await email.getByRole('button', { name: 'Delete column' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Deleted column email.' })).toContainText('Also removes the unique constraint people_email_key')

  const people = designer.table('people')
  const state = {
    renamed: () => expect(people).toBeVisible(),
    typed: () => expect(people.getByText('varchar(2048)')).toBeVisible(),
    notNull: () => expect(inspector.column('avatar_url').getByRole('button', { name: 'Not null' })).toHaveAttribute('aria-pressed', 'true'),
    checked: () => expect(inspector.card('Check people_check')).toContainText("email like '%@%'"),
    coloured: () => expect(people).toHaveAttribute('style', /--cf-table-accent: #8b5cf6/),
    emailGone: () => expect(people.getByText('email', { exact: true })).toHaveCount(0),
  }
  await state.emailGone()
  await state.coloured()

  // Undo on the canvas: click the table (keys go to the canvas, not a field), then Ctrl+Z.
  await people.click()
  await page.keyboard.press('Control+z')
  await expect(people.getByText('email', { exact: true })).toBeVisible()
  await expect(inspector.card('Unique people_email_key')).toBeVisible()
  await page.keyboard.press('Control+z')
  await expect(people).not.toHaveAttribute('style', /--cf-table-accent/)
  await state.checked()
  // The Undo button: the check's typed expression (one step), the added check, NOT NULL.
  await undo.click()
  await expect(inspector.card('Check people_check')).toContainText('true')
  await undo.click()
  await expect(inspector.card('Check people_check')).toHaveCount(0)
  await undo.click()
  await expect(inspector.column('avatar_url').getByRole('button', { name: 'Not null' })).toHaveAttribute('aria-pressed', 'false')
  await state.typed()
  await people.click()
  await page.keyboard.press('Control+z')
  await expect(people.getByText('text', { exact: true })).toBeVisible()
  await expect(inspector.columnType('avatar_url')).toHaveValue('text')
  // The whole typed rename is one step.
  await page.keyboard.press('Control+z')
  await expect(designer.table('users')).toBeVisible()
  await expect(inspector.tableName).toHaveValue('users')
  await expect(undo).toBeDisabled()

  // Redo everything, one step per press.
  await designer.table('users').click()
  await page.keyboard.press('Control+Shift+z')
  await state.renamed()
  await page.keyboard.press('Control+Shift+z')
  await state.typed()
  await page.keyboard.press('Control+Shift+z')
  await state.notNull()
  await page.keyboard.press('Control+Shift+z')
  await expect(inspector.card('Check people_check')).toContainText('true')
  await page.keyboard.press('Control+Shift+z')
  await state.checked()
  await page.keyboard.press('Control+Shift+z')
  await state.coloured()
  await page.keyboard.press('Control+Shift+z')
  await state.emailGone()
  await expect(redo).toBeDisabled()
})
