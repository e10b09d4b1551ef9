/**
 * A file that is not what it claims lands on the window: a SQL dump cut off mid-statement, a
 * picture, a damaged Crowsfoot file. Each gets a clear message saying where, and the design on
 * screen stays exactly as it was.
 */
import { createDocument, serializeDocument } from '@core'
import { defaultExample } from '../web/examples.ts'
import { Designer } from './support/canvas.ts'
import { Documents, ImportDialog, fixture } from './support/documents.ts'
import { expect, test } from './support/test.ts'

const example = defaultExample.create().schema.tables.map((t) => t.name).sort()

test('a truncated SQL file: the broken statement is named by line, and nothing changes unless asked', async ({ page }) => {
  const designer = new Designer(page)
  const docs = new Documents(page)
  await designer.open()
  const sql = fixture('library.sql').toString('utf8')
  const truncated = sql.slice(0, sql.indexOf('title text NOT NULL'))
  await docs.drop('dump.sql', truncated, 'application/sql')

  const dialog = new ImportDialog(page)
  await expect(dialog.dialog).toBeVisible()
  await expect(dialog.dialog.getByText('dump.sql', { exact: true })).toBeVisible()
  await dialog.importButton.click()
  const alert = dialog.dialog.getByRole('alert')
  await expect(alert).toContainText('The design is unchanged', { timeout: 60_000 })
  // The statement breaks off at the end of the text: its last line with anything on it.
  const line = truncated.trimEnd().split('\n').length
  await expect(dialog.dialog.getByRole('list', { name: 'Import report' })).toContainText(new RegExp(`dump\\.sql:${line}:\\d+`))
  await expect(dialog.dialog.getByRole('button', { name: 'Import the rest' })).toBeVisible()
  await dialog.dialog.getByRole('button', { name: 'Cancel' }).click()
  expect((await docs.tableNames()).sort()).toEqual(example)
  await expect(page.getByRole('group', { name: 'History' }).getByRole('button', { name: 'Undo' })).toBeDisabled()
})

test('a binary file: said to be binary at once, no import offered, the design untouched', async ({ page }) => {
  const designer = new Designer(page)
  const docs = new Documents(page)
  await designer.open()
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0x00])
  await docs.drop('schema.sql', png, 'image/png')
  const dialog = new ImportDialog(page)
  await expect(dialog.dialog.getByRole('alert')).toHaveText('“schema.sql” is binary data, not a schema: there is nothing to import from it.')
  await expect(dialog.importButton).toBeDisabled()
  await page.keyboard.press('Escape')
  await expect(dialog.dialog).toBeHidden()
  expect((await docs.tableNames()).sort()).toEqual(example)
})

test('a damaged Crowsfoot file: the message gives the line and the JSON path, the design stays', async ({ page }) => {
  const designer = new Designer(page)
  const docs = new Documents(page)
  await designer.open()
  const good = serializeDocument(createDocument({ name: 'Other', schema: defaultExample.create().schema }))
  const damaged = good.replace('"nullable": false', '"nullable": "no"')
  await docs.drop('other.crowsfoot.json', damaged, 'application/json')
  const dialog = new ImportDialog(page)
  await expect(dialog.format.locator('option:checked')).toHaveText('Detected: Crowsfoot JSON')
  await dialog.importButton.click()
  await expect(dialog.dialog.getByRole('alert')).toContainText('Nothing was imported; the design is unchanged.')
  const report = dialog.dialog.getByRole('list', { name: 'Import report' })
  const line = damaged.slice(0, damaged.indexOf('"nullable": "no"')).split('\n').length
  await expect(report).toContainText(new RegExp(`other\\.crowsfoot\\.json:${line}:\\d+`))
  await expect(report).toContainText('nullable')
  await dialog.dialog.getByRole('button', { name: 'Cancel' }).click()
  expect((await docs.tableNames()).sort()).toEqual(example)
  await expect(docs.name).toHaveText(defaultExample.name)
})

test('a good file dropped in imports after the person confirms', async ({ page }) => {
  // The first DBML import loads @dbml/core, which takes a while on a busy machine.
  test.setTimeout(180_000)
  const designer = new Designer(page)
  await designer.open()
  await new Documents(page).drop('library.dbml', fixture('library.dbml'), 'text/plain')
  const dialog = new ImportDialog(page)
  await expect(dialog.format.locator('option:checked')).toHaveText('Detected: DBML')
  await dialog.importButton.click()
  await expect(dialog.dialog).toBeHidden({ timeout: 120_000 })
  await expect(designer.table('bücher')).toBeVisible()
})
