import { Designer } from './support/canvas.ts'
import { ProblemsPanel } from './support/problems.ts'
import { expect, test } from './support/test.ts'

test('fix a problem with a quick fix', async ({ page }) => {
  const designer = new Designer(page)
  const problems = new ProblemsPanel(page)
  await designer.open()
  await problems.open()

  // products has created_at only; the rule offers to add updated_at.
  const products = designer.table('products')
  await expect(products.getByText('updated_at', { exact: true })).toHaveCount(0)
  const missing = problems.finding(/Table "products" has no "updated_at"/)
  await expect(missing).toHaveCount(1)
  const warnings = await problems.severityCount('Warnings')

  await missing.getByRole('button', { name: 'Add "updated_at"' }).click()
  await expect(missing).toHaveCount(0)
  // The focused button went with its row: focus carries on in the list, not lost to the page.
  await expect(problems.panel.locator('[data-row-focus]:focus')).toHaveCount(1)
  await expect(products.getByText('updated_at', { exact: true })).toBeVisible()
  // The counts in the panel and in the top bar follow.
  await expect(problems.severityToggle('Warnings')).toHaveAccessibleName(`Warnings ${warnings - 1}`)
  await expect(page.getByRole('banner').getByRole('button', { name: /^Problems: / })).toHaveAccessibleName(new RegExp(`, ${warnings - 1} warnings,`))
  await expect(page.getByRole('status').filter({ hasText: 'Fixed: Add "updated_at".' })).toBeVisible()

  // One undo takes the fix back, finding and all.
  await page.getByRole('banner').getByRole('button', { name: 'Undo' }).click()
  await expect(products.getByText('updated_at', { exact: true })).toHaveCount(0)
  await expect(missing).toHaveCount(1)
  await expect(problems.severityToggle('Warnings')).toHaveAccessibleName(`Warnings ${warnings}`)
})

test('a fix that renames says what it renamed, and its notice undoes it', async ({ page }) => {
  const designer = new Designer(page)
  const problems = new ProblemsPanel(page)
  await designer.open()
  await problems.open()

  const singular = problems.finding(/Table "audit_log" reads as singular/)
  await singular.getByRole('button', { name: 'Rename to "audit_logs"' }).click()
  await expect(designer.table('audit_logs')).toBeVisible()
  const notice = page.getByRole('status').filter({ hasText: 'Renamed table "audit_log" to "audit_logs".' })
  await expect(notice).toBeVisible()
  await notice.getByRole('button', { name: 'Undo' }).click()
  await expect(designer.table('audit_log')).toBeVisible()
  await expect(designer.table('audit_logs')).toHaveCount(0)
  await expect(singular).toHaveCount(1)
})

test('fix all problems of one kind at once, and undo them at once', async ({ page }) => {
  const designer = new Designer(page)
  const problems = new ProblemsPanel(page)
  await designer.open()
  await problems.open()

  const kind = problems.ofRule('require-timestamps')
  const n = await kind.count()
  expect(n).toBeGreaterThan(1)
  await problems.rule.selectOption('require-timestamps')
  await expect(problems.findings).toHaveCount(n)
  await problems.panel.getByRole('button', { name: `Fix all ${n}` }).click()
  await expect(problems.panel.getByText('No problems match the filter.')).toBeVisible()
  for (const table of ['products', 'order_items', 'settings', 'audit_log']) await expect(designer.table(table).getByText('updated_at', { exact: true })).toBeVisible()

  await page.getByRole('banner').getByRole('button', { name: 'Undo' }).click()
  await expect(problems.findings).toHaveCount(n)
  await expect(designer.table('products').getByText('updated_at', { exact: true })).toHaveCount(0)
})

test('a click on a problem selects its table, and the filters narrow the list', async ({ page }) => {
  const designer = new Designer(page)
  const problems = new ProblemsPanel(page)
  await designer.open()
  await problems.open()

  await problems.finding(/"orders\.status" is free text/).getByRole('button', { name: /free text/ }).click()
  await expect(page.getByRole('textbox', { name: 'Table name' })).toHaveValue('orders')
  await expect(designer.table('orders')).toHaveClass(/selected/)

  // This table only: every finding shown is about orders.
  await problems.panel.getByRole('checkbox', { name: 'This table' }).check()
  const shown = await problems.findings.allTextContents()
  expect(shown.length).toBeGreaterThan(1)
  for (const text of shown) expect(text).toMatch(/orders/)

  await problems.filter.fill('free text')
  await expect(problems.findings).toHaveCount(1)
  await expect(problems.total).toHaveText(/^1 of \d+$/)
  await problems.filter.fill('')
  await problems.panel.getByRole('checkbox', { name: 'This table' }).uncheck()

  // Arrow keys move between rows; Enter goes to the finding.
  const first = problems.findings.first().getByRole('button', { name: /./ }).first()
  await first.focus()
  await page.keyboard.press('ArrowDown')
  const second = problems.findings.nth(1).getByRole('button', { name: /./ }).first()
  await expect(second).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(first).toBeFocused()
  // Typing in the filter afterwards keeps the focus in the filter as the list changes.
  await problems.filter.pressSequentially('tab')
  await expect(problems.filter).toBeFocused()
  await expect(problems.filter).toHaveValue('tab')
  await problems.filter.fill('')

  // Severity toggles hide whole groups.
  const notesHeading = problems.panel.getByRole('button', { name: /^Notes \d+$/, expanded: true })
  await expect(notesHeading).toBeVisible()
  await problems.severityToggle('Notes').click()
  await expect(problems.severityToggle('Notes')).toHaveAttribute('aria-pressed', 'false')
  await expect(notesHeading).toHaveCount(0)
  await expect(problems.ofRule('require-comments')).toHaveCount(0)

  // A finding's rule opens its doc, with the bad and good examples.
  await problems.findings.first().getByRole('button', { name: /^About the rule / }).click()
  const doc = page.getByRole('complementary', { name: /^About the rule / })
  await expect(doc.getByRole('heading', { name: 'Incorrect', exact: true })).toBeVisible()
  await expect(doc.getByRole('heading', { name: 'Correct', exact: true })).toBeVisible()
  await expect(doc.locator('pre').first()).toContainText('CREATE TABLE')
})

test('the problems panel can be made taller, by keyboard too', async ({ page }) => {
  const problems = new ProblemsPanel(page)
  await new Designer(page).open()
  await problems.open()
  const before = (await problems.panel.boundingBox())!.height
  const edge = page.getByRole('separator', { name: 'Problems panel height' })
  await edge.focus()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  await expect.poll(async () => Math.round((await problems.panel.boundingBox())!.height)).toBe(Math.round(before) + 48)
  await expect(edge).toHaveAttribute('aria-valuenow', String(Math.round(before) + 48))
})
