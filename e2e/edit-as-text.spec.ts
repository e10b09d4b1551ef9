/**
 * User stories of the code panel: the design typed as DBML or SQL and drawn on the canvas at the
 * same time, both ways, with one history.
 */
import AxeBuilder from '@axe-core/playwright'
import { exportSchema } from '../core/index.ts'
import { defaultExample } from '../web/examples.ts'
import { Designer } from './support/canvas.ts'
import { CodePanel } from './support/code.ts'
import { expect, test } from './support/test.ts'

test.describe.configure({ timeout: 180_000 })

// The first parse loads the DBML compiler (15 MB) in the worker: on a busy machine, seconds.
const parsed = { timeout: 45_000 }

test('type a new table in DBML and see it on the canvas, with its relationship', async ({ page }) => {
  const designer = new Designer(page)
  const code = new CodePanel(page)
  await designer.open()
  await code.open('DBML')
  await code.synced()
  await expect(code.lines).toContainText('Table users {')

  await code.focusEnd()
  await code.insert('\nTable tags {\n  id int [pk]\n  label text [not null]\n  user_id uuid [ref: > users.id]\n}\n')
  await expect(designer.table('tags')).toBeVisible(parsed)
  await expect(designer.table('tags').getByText('label', { exact: true })).toBeVisible()
  await expect(page.getByRole('group', { name: 'tags.user_id references users.id' })).toHaveCount(1)
  await code.synced()

  // The new table was placed clear of the others.
  const box = (await designer.table('tags').boundingBox())!
  for (const other of defaultExample.create().schema.tables) {
    const b = (await designer.table(other.name).boundingBox())!
    const overlaps = box.x < b.x + b.width && b.x < box.x + box.width && box.y < b.y + b.height && b.y < box.y + box.height
    expect(overlaps, `tags overlaps ${other.name}`).toBe(false)
  }
})

test('rename a column in SQL and see its relationship kept, and the table stay where it was', async ({ page }) => {
  const designer = new Designer(page)
  const code = new CodePanel(page)
  await designer.open()
  const before = (await designer.table('orders').boundingBox())!
  await code.open('SQL')
  await code.synced()

  const sql = exportSchema('postgres', defaultExample.create().schema).text
  const renamed = sql
    .replace(/(CREATE TABLE public\.orders \(\n[^\n]*\n)  user_id/, '$1  customer_id')
    .replace('ON public.orders (user_id)', 'ON public.orders (customer_id)')
    .replace('ALTER TABLE public.orders ADD FOREIGN KEY (user_id)', 'ALTER TABLE public.orders ADD FOREIGN KEY (customer_id)')
  expect(renamed).not.toBe(sql)
  await code.replaceAll(renamed)
  await page.keyboard.press('Control+Enter')

  await expect(designer.table('orders').getByText('customer_id', { exact: true })).toBeVisible(parsed)
  await expect(designer.table('orders').getByText('user_id', { exact: true })).toHaveCount(0)
  await expect(page.getByRole('group', { name: 'orders.customer_id references users.id' })).toHaveCount(1)
  await expect(page.getByRole('group', { name: 'orders.user_id references users.id' })).toHaveCount(0)
  const after = (await designer.table('orders').boundingBox())!
  expect(Math.round(after.x)).toBe(Math.round(before.x))
  expect(Math.round(after.y)).toBe(Math.round(before.y))

  // A rename is one edit: one undo brings the old name back on the canvas and in the text.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+Z')
  await expect(designer.table('orders').getByText('user_id', { exact: true })).toBeVisible()
  await expect(page.getByRole('group', { name: 'orders.user_id references users.id' })).toHaveCount(1)
  await expect(code.lines).not.toContainText('customer_id')
})

test('break the syntax: a marker at the line, the canvas unchanged, nothing lost on reload; then fix it', async ({ page }) => {
  const designer = new Designer(page)
  const code = new CodePanel(page)
  await designer.open()
  await code.open('DBML')
  await code.synced()
  const tables = await page.locator('.react-flow__node').count()

  await code.focusEnd()
  await code.insert('\nTable broken {\n  id int [pk\n}\n')
  await expect(code.status).toContainText('the diagram shows the last version that parsed', parsed)
  await expect(code.errorMarkers.first()).toBeVisible()
  await expect(code.status).toContainText(/line \d+/)
  await expect(designer.table('broken')).toHaveCount(0)
  expect(await page.locator('.react-flow__node').count()).toBe(tables)

  // Another view and back, then a reload: the broken text is still there, still flagged.
  await code.view('Prisma')
  await code.view('DBML')
  await expect(code.status).toContainText('last version that parsed', parsed)
  await page.reload()
  await expect(page.locator('.react-flow__node').first()).toBeVisible()
  if (!(await code.root.isVisible())) await page.getByRole('button', { name: 'Code panel' }).click()
  await code.view('DBML')
  await expect(code.status).toContainText('last version that parsed', parsed)
  await code.focusEnd()
  await expect(code.lines).toContainText('Table broken')

  // Fix it: close the bracket where it is missing.
  await page.keyboard.press('Control+F')
  await page.keyboard.insertText('int [pk')
  await page.keyboard.press('Escape')
  await page.keyboard.press('End')
  await page.keyboard.type(']')
  await expect(designer.table('broken')).toBeVisible(parsed)
  await code.synced()
  await expect(code.errorMarkers).toHaveCount(0)
})

test('edit on the canvas while the text is open: the text follows, the cursor stays', async ({ page }) => {
  const designer = new Designer(page)
  const code = new CodePanel(page)
  await designer.open()
  await code.open('DBML')
  await code.synced()
  // The cursor at the start of the text.
  await code.lines.click()
  await page.keyboard.press('Control+Home')

  await page.getByRole('button', { name: 'Add table' }).click()
  await expect(designer.table('new_table')).toBeVisible()
  await code.synced()
  // Typing goes where the cursor was, not where the new table was written in.
  await code.lines.click({ position: { x: 2, y: 2 } })
  await page.keyboard.press('Control+Home')
  await code.insert('// top\n')
  await expect(code.lines.locator('.view-line').first()).toHaveText('// top')
  await code.synced()
  await page.keyboard.press('Control+End')
  await expect(code.lines).toContainText('Table new_table')
})

test('undo across both: Ctrl+Z on the canvas undoes typing, and in the text undoes a canvas edit', async ({ page }) => {
  const designer = new Designer(page)
  const code = new CodePanel(page)
  await designer.open()
  await code.open('DBML')
  await code.synced()

  await code.focusEnd()
  await code.insert('\nTable typed {\n  id int [pk]\n}\n')
  await expect(designer.table('typed')).toBeVisible(parsed)
  await code.synced()

  // On the canvas: one step undoes what was typed.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+Z')
  await expect(designer.table('typed')).toHaveCount(0)
  await code.synced()
  await code.focusEnd()
  await expect(code.lines).not.toContainText('Table typed')

  // A canvas edit, undone from inside the editor; redo from there too.
  await page.getByRole('button', { name: 'Add table' }).click()
  await expect(designer.table('new_table')).toBeVisible()
  await code.synced()
  await code.lines.click()
  await page.keyboard.press('Control+Z')
  await expect(designer.table('new_table')).toHaveCount(0)
  await page.keyboard.press('Control+Shift+Z')
  await expect(designer.table('new_table')).toBeVisible()
})

for (const theme of ['light', 'dark'] as const) {
  test(`the code panel has no serious accessibility violations, ${theme} theme, in sync and with an error`, async ({ page }) => {
    test.slow()
    await page.emulateMedia({ colorScheme: theme })
    const designer = new Designer(page)
    const code = new CodePanel(page)
    await designer.open()
    await code.open('DBML')
    await code.synced()
    const serious = async () => {
      const results = await new AxeBuilder({ page }).include('.cf-code-panel').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
      return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
    }
    expect(await serious()).toEqual([])
    await code.focusEnd()
    await code.insert('\nTable broken {\n  id int [pk\n}\n')
    await expect(code.status).toContainText('last version that parsed', parsed)
    expect(await serious()).toEqual([])
    await code.view('Prisma')
    expect(await serious()).toEqual([])
  })
}
