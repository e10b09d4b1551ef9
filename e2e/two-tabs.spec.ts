/**
 * The same design open in two tabs: the second is told, saves nothing until the person decides,
 * and whichever way they decide, neither tab's work overwrites the other's silently.
 */
import { Designer } from './support/canvas.ts'
import { Documents } from './support/documents.ts'
import { expect, test } from './support/test.ts'

test('the second tab is told, can take over with the first tab’s latest changes, and the first stops saving', async ({ context }) => {
  const first = await context.newPage()
  const one = new Documents(first)
  await new Designer(first).open()
  await one.addTable('from_first')
  await one.saved()

  const second = await context.newPage()
  const two = new Documents(second)
  await new Designer(second).open()
  const notice = second.getByRole('dialog', { name: 'Open in another tab' })
  await expect(notice).toBeVisible()
  await expect(second.locator('.cf-save-state')).toHaveText('Not saving')

  // The first tab makes one more change, then the second takes over.
  await one.addTable('first_again')
  await notice.getByRole('button', { name: 'Edit here instead' }).click()
  await expect(notice).toBeHidden()
  await expect(new Designer(second).table('first_again')).toBeVisible()
  await expect(first.getByRole('dialog', { name: 'Now edited in another tab' })).toBeVisible()

  await two.addTable('from_second')
  await two.saved()
  // The first tab is paused: its further edits do not reach storage.
  await first.getByRole('dialog', { name: 'Now edited in another tab' }).getByRole('button', { name: 'Close' }).click()
  await one.addTable('ghost')
  await expect(first.locator('.cf-save-state')).toHaveText('Not saving')
  await second.reload()
  await expect(new Designer(second).table('from_second')).toBeVisible()
  await expect(new Designer(second).table('ghost')).toHaveCount(0)
})

test('the second tab can continue in a copy, and both designs keep their own changes', async ({ context }) => {
  const first = await context.newPage()
  const one = new Documents(first)
  await new Designer(first).open()
  await one.addTable('original_work')
  await one.saved()
  const name = await one.name.textContent()

  const second = await context.newPage()
  const two = new Documents(second)
  await new Designer(second).open()
  await second.getByRole('dialog', { name: 'Open in another tab' }).getByRole('button', { name: 'Continue as a copy' }).click()
  await expect(two.name).toHaveText(`${name} (copy)`)
  await two.addTable('copy_work')
  await two.saved()
  await one.addTable('more_original')
  await one.saved()

  const designs = await two.openDesigns()
  await expect(designs.getByRole('list', { name: 'Saved designs' }).getByRole('listitem')).toHaveCount(2)
  await designs.getByRole('button', { name: 'Close' }).last().click()
  // Each tab's design has its own work and not the other's.
  await expect(new Designer(second).table('more_original')).toHaveCount(0)
  await first.reload()
  await expect(new Designer(first).table('more_original')).toBeVisible()
  await expect(new Designer(first).table('copy_work')).toHaveCount(0)
})
