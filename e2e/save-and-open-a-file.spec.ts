/**
 * A design leaves the browser as a `*.crowsfoot.json` file and comes back from it; where the
 * browser refuses storage (a private window), the app says autosave is off and saving to a file
 * still works.
 */
import { readFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import { parseDocument } from '@core'
import { Designer } from './support/canvas.ts'
import { Documents } from './support/documents.ts'
import { expect, test } from './support/test.ts'

test('save to a file, open it again as a design of its own', async ({ page }) => {
  // The download path: the picker of the File System Access API cannot be driven by a test.
  await page.addInitScript(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker
  })
  const designer = new Designer(page)
  const docs = new Documents(page)
  await designer.open()
  await docs.addTable('from_file')
  await docs.rename('Round trip')
  const started = page.waitForEvent('download')
  await page.keyboard.press('Control+s')
  const file = await started
  expect(file.suggestedFilename()).toBe('Round trip.crowsfoot.json')
  const text = await readFile(await file.path(), 'utf8')
  const parsed = parseDocument(text)
  expect(parsed.ok && parsed.document.schema.tables.some((t) => t.name === 'from_file')).toBe(true)

  // Open it from the designs dialog: it becomes a second stored design.
  const designs = await docs.openDesigns()
  const chooser = page.waitForEvent('filechooser')
  await designs.getByRole('button', { name: 'Open file…' }).click()
  await (await chooser).setFiles({ name: 'Round trip.crowsfoot.json', mimeType: 'application/json', buffer: Buffer.from(text.replace('"name": "Round trip"', '"name": "Round trip again"')) })
  await expect(docs.name).toHaveText('Round trip again')
  await expect(designer.table('from_file')).toBeVisible()
  await docs.saved()
  const list = (await docs.openDesigns()).getByRole('list', { name: 'Saved designs' })
  await expect(list.getByRole('listitem')).toHaveCount(2)
})

test('a damaged design file opened from disk changes nothing and says where it is damaged', async ({ page }) => {
  const designer = new Designer(page)
  const docs = new Documents(page)
  await designer.open()
  const before = await docs.tableNames()
  const chooser = page.waitForEvent('filechooser')
  await (await docs.openDesigns()).getByRole('button', { name: 'Open file…' }).click()
  await (await chooser).setFiles({ name: 'cut.crowsfoot.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "version": 1,\n  "schema": {\n    "tables": [') })
  await expect(page.getByRole('alert').filter({ hasText: '“cut.crowsfoot.json” could not be opened (nothing changed): cut.crowsfoot.json, line' })).toBeVisible()
  expect(await docs.tableNames()).toEqual(before)
})

test('no storage (a private window): a notice says autosave is off, and saving to a file works', async ({ page }) => {
  await page.addInitScript(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker
    // What some private modes do: IndexedDB is there but refuses to open.
    Object.defineProperty(window, 'indexedDB', {
      value: {
        open() {
          throw new DOMException('The operation is insecure.', 'SecurityError')
        },
      },
    })
  })
  const designer = new Designer(page)
  await designer.open()
  const notice = page.getByRole('status').filter({ hasText: 'autosave is off' })
  await expect(notice).toContainText('Save your work to a file to keep it.')
  await new Documents(page).addTable('unsaved_work')
  await expect(page.locator('.cf-save-state')).toHaveText('Not saved')
  const started = page.waitForEvent('download')
  await notice.getByRole('button', { name: 'Save to file' }).click()
  const text = await readFile(await (await started).path(), 'utf8')
  expect(text).toContain('"unsaved_work"')
})

for (const theme of ['light', 'dark'] as const) {
  test(`the documents dialogs have no serious accessibility problems (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme })
    const designer = new Designer(page)
    const docs = new Documents(page)
    await designer.open()
    await docs.addTable('stored')
    await docs.saved()
    const check = async (name: string) => {
      const { violations } = await new AxeBuilder({ page }).include('dialog[open]').analyze()
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${name}: ${v.id} ${v.help}`)).toEqual([])
    }
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page.getByRole('textbox', { name: 'Schema text' }).fill('CREATE TABLE a (id int);')
    await check('Import')
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    await expect(page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Download' })).toBeEnabled({ timeout: 30_000 })
    await check('Export')
    await page.keyboard.press('Escape')
    await docs.openDesigns()
    await check('Designs (saved)')
    await page.getByRole('tab', { name: 'New design' }).click()
    await check('Designs (new)')
  })
}
