/**
 * Work is never lost: whatever happens to the tab (a reload, a close right after a change, a
 * crash), the next visit opens the design as it was, and the list of designs keeps the others.
 */
import { defaultExample } from '../web/examples.ts'
import { Designer } from './support/canvas.ts'
import { Documents } from './support/documents.ts'
import { expect, test } from './support/test.ts'

test('a reload opens the design as it was left, name and tables', async ({ page }) => {
  const designer = new Designer(page)
  const docs = new Documents(page)
  await designer.open()
  await docs.addTable('invoices')
  await docs.rename('Shop with invoices')
  await docs.saved()
  await page.reload()
  await expect(designer.table('invoices')).toBeVisible()
  await expect(docs.name).toHaveText('Shop with invoices')
  // Nothing went wrong, so nothing to say.
  await expect(page.getByRole('status').filter({ hasText: /Recovered|unexpectedly/ })).toHaveCount(0)
  // History does not survive a reload; the design does.
  await expect(page.getByRole('group', { name: 'History' }).getByRole('button', { name: 'Undo' })).toBeDisabled()
})

test('renaming the design is one step to undo', async ({ page }) => {
  const designer = new Designer(page)
  const docs = new Documents(page)
  await designer.open()
  await docs.rename('Storefront')
  await page.getByRole('group', { name: 'History' }).getByRole('button', { name: 'Undo' }).click()
  await expect(docs.name).toHaveText(defaultExample.name)
})

test('a change made just before the tab closes is there on the next visit', async ({ context }) => {
  const first = await context.newPage()
  const docs = new Documents(first)
  await new Designer(first).open()
  await docs.addTable('first_table')
  await docs.saved()
  await docs.addTable('last_second')
  // Close at once: the autosave pause has not passed.
  await first.close({ runBeforeUnload: true })
  const second = await context.newPage()
  await new Designer(second).open()
  await expect(new Designer(second).table('last_second')).toBeVisible()
  await expect(new Designer(second).table('first_table')).toBeVisible()
})

test('after a crash the design comes back as last saved, and the app says so', async ({ context, browser }) => {
  const first = await context.newPage()
  const docs = new Documents(first)
  await new Designer(first).open()
  await docs.addTable('before_crash')
  await docs.saved()
  // A real crash: the renderer processes die, no page code runs on the way out. (CDP's
  // Page.crash takes the whole context with it here.) Only this test's page is open.
  const crashed = new Promise((resolve) => first.once('crash', resolve))
  const cdp = await browser.newBrowserCDPSession()
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] }
  for (const p of processInfo.filter((x) => x.type === 'renderer')) process.kill(p.id, 'SIGKILL')
  await crashed
  const second = await context.newPage()
  const designer = new Designer(second)
  await designer.open()
  await expect(designer.table('before_crash')).toBeVisible()
  await expect(second.getByRole('status').filter({ hasText: 'closed unexpectedly' })).toBeVisible()
})

test('several designs: start one from a template, switch between them, the last opened opens next', async ({ page }) => {
  const designer = new Designer(page)
  const docs = new Documents(page)
  await designer.open()
  await docs.addTable('kept_in_shop')
  await docs.saved()

  let designs = await docs.openDesigns()
  await designs.getByRole('tab', { name: 'New design' }).click()
  await designs.getByRole('button', { name: /^Blog/ }).click()
  await expect(designs).toBeHidden()
  await expect(docs.name).toHaveText('Blog')
  await expect(designer.table('posts')).toBeVisible()
  await docs.saved()

  designs = await docs.openDesigns()
  const list = designs.getByRole('list', { name: 'Saved designs' })
  await expect(list.getByRole('listitem')).toHaveCount(2)
  // Last opened first.
  await expect(list.getByRole('listitem').first()).toHaveAccessibleName('Blog')
  await list.getByRole('button', { name: `Duplicate ${defaultExample.name}` }).click()
  await expect(list.getByRole('listitem')).toHaveCount(3)
  await list.getByRole('button', { name: `Rename ${defaultExample.name} copy` }).click()
  await list.getByRole('textbox', { name: `New name for ${defaultExample.name} copy` }).fill('Shop, second try')
  await list.getByRole('button', { name: 'Rename', exact: true }).click()
  await expect(list.getByRole('listitem', { name: 'Shop, second try' })).toBeVisible()

  await list.getByRole('listitem', { name: defaultExample.name }).getByRole('button', { name: new RegExp(`^${defaultExample.name}`) }).click()
  await expect(docs.name).toHaveText(defaultExample.name)
  await expect(designer.table('kept_in_shop')).toBeVisible()

  // Deleting asks first; the deleted design goes from the list.
  designs = await docs.openDesigns()
  await list.getByRole('button', { name: 'Delete Blog' }).click()
  await expect(list.getByText('Delete “Blog”? This cannot be undone.')).toBeVisible()
  await list.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await designs.getByRole('button', { name: 'Close' }).last().click()

  await page.reload()
  await expect(docs.name).toHaveText(defaultExample.name)
  await expect(designer.table('kept_in_shop')).toBeVisible()
})
