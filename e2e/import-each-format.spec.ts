/**
 * A backend engineer brings an existing schema in: SQL, DBML, Prisma or a Crowsfoot file, pasted
 * or chosen as a file. The format is detected, the import draws the tables, it is one step to
 * undo, and importing the same text again is an edit of the design, not a new one.
 */
import { createDocument, importSchema, serializeDocument } from '@core'
import { defaultExample } from '../web/examples.ts'
import { Designer } from './support/canvas.ts'
import { Documents, ImportDialog, fixture } from './support/documents.ts'
import { expect, test } from './support/test.ts'

const library = ['authors', 'order', 'bücher']
const example = defaultExample.create().schema.tables.map((t) => t.name)

async function libraryJson(): Promise<string> {
  const imported = await importSchema('postgres', fixture('library.sql').toString('utf8'))
  if (!imported.ok) throw new Error('the SQL fixture does not import')
  return serializeDocument(createDocument({ name: 'Library file', schema: imported.schema }))
}

const formats = [
  { name: 'SQL', file: 'library.sql', detected: 'PostgreSQL DDL', text: () => fixture('library.sql').toString('utf8') },
  { name: 'DBML', file: 'library.dbml', detected: 'DBML', text: () => fixture('library.dbml').toString('utf8') },
  { name: 'Prisma', file: 'library.prisma', detected: 'Prisma schema', text: () => fixture('library.prisma').toString('utf8') },
  { name: 'JSON', file: 'library.crowsfoot.json', detected: 'Crowsfoot JSON', text: libraryJson },
] as const

// @dbml/core is large and loads on the first DBML import (stack-notes.md); on a busy machine that
// first import takes tens of seconds in a development build.
const firstImport = { timeout: 120_000 }

for (const format of formats) {
  test(`imports ${format.name} pasted into the dialog, as one undoable step`, async ({ page }) => {
    test.setTimeout(180_000)
    const designer = new Designer(page)
    const docs = new Documents(page)
    await designer.open()
    const dialog = await new ImportDialog(page).open()
    await dialog.text.fill(await format.text())
    await expect(dialog.format.locator('option:checked')).toHaveText(`Detected: ${format.detected}`)
    await expect(dialog.dialog.getByText('Detected from the content.')).toBeVisible()
    await dialog.importButton.click()
    await expect(dialog.dialog).toBeHidden(firstImport)
    await expect(page.getByRole('status').filter({ hasText: 'Imported 3 tables.' })).toBeVisible()
    for (const name of library) await expect(designer.table(name)).toBeVisible()
    expect((await docs.tableNames()).sort()).toEqual([...library].sort())
    // Replacing keeps the design's own name.
    await expect(docs.name).toHaveText(defaultExample.name)

    await page.getByRole('group', { name: 'History' }).getByRole('button', { name: 'Undo' }).click()
    for (const name of example) await expect(designer.table(name)).toBeVisible()
    await expect(designer.table('bücher')).toHaveCount(0)
  })

  test(`imports a ${format.name} file as a new design named after it`, async ({ page }) => {
    test.setTimeout(180_000)
    const designer = new Designer(page)
    const docs = new Documents(page)
    await designer.open()
    const dialog = await new ImportDialog(page).open()
    await dialog.chooseFile(format.file, Buffer.from(await format.text()))
    await expect(dialog.dialog.getByText('Detected from the file name.')).toBeVisible()
    await dialog.into('A new design')
    await dialog.importButton.click()
    await expect(dialog.dialog).toBeHidden(firstImport)
    for (const name of library) await expect(designer.table(name)).toBeVisible()
    await expect(docs.name).toHaveText(format.name === 'JSON' ? 'Library file' : 'library')
    await docs.saved()
    // The example it came from is untouched and not stored; the import is in the list.
    const designs = await docs.openDesigns()
    await expect(designs.getByRole('listitem')).toHaveCount(1)
    await expect(designs.getByRole('button', { name: /^(library|Library file)/ })).toBeVisible()
  })
}

test('importing the same SQL again is an edit: tables stay where they were', async ({ page }) => {
  const designer = new Designer(page)
  await designer.open()
  const sql = fixture('library.sql').toString('utf8')
  const dialog = new ImportDialog(page)
  await dialog.open()
  await dialog.text.fill(sql)
  await dialog.importButton.click()
  await expect(designer.table('authors')).toBeVisible()
  // Move a table, then re-import a text with one more column.
  const authors = designer.table('authors')
  const before = await authors.boundingBox()
  const header = (await authors.locator('.cf-table__header').boundingBox())!
  await page.mouse.move(header.x + header.width / 2, header.y + header.height / 2)
  await page.mouse.down()
  await page.mouse.move(header.x + header.width / 2 + 140, header.y + header.height / 2 + 180, { steps: 12 })
  await page.mouse.up()
  const moved = await authors.boundingBox()
  expect(Math.abs(moved!.x - before!.x) + Math.abs(moved!.y - before!.y)).toBeGreaterThan(50)

  await dialog.open()
  await dialog.text.fill(sql.replace('born date', 'born date,\n  died date'))
  await dialog.importButton.click()
  await expect(authors.getByText('died', { exact: true })).toBeVisible()
  const after = await authors.boundingBox()
  expect(Math.round(after!.x)).toBe(Math.round(moved!.x))
  expect(Math.round(after!.y)).toBe(Math.round(moved!.y))
})

test('a format the text does not say can be chosen, and a wrong choice says so without changing anything', async ({ page }) => {
  const designer = new Designer(page)
  const docs = new Documents(page)
  await designer.open()
  const dialog = await new ImportDialog(page).open()
  await dialog.text.fill(fixture('library.dbml').toString('utf8'))
  await dialog.format.selectOption({ label: 'Prisma schema' })
  await dialog.importButton.click()
  await expect(dialog.dialog.getByRole('alert')).toContainText('Nothing was imported; the design is unchanged.', firstImport)
  await expect(dialog.dialog.getByRole('list', { name: 'Import report' })).toContainText(/line \d+:\d+/)
  await dialog.dialog.getByRole('button', { name: 'Cancel' }).click()
  expect((await docs.tableNames()).sort()).toEqual([...example].sort())
})
