import { Designer } from './support/canvas.ts'
import { ProblemsPanel, RulesDialog } from './support/problems.ts'
import { expect, test } from './support/test.ts'

test('configure the rules', async ({ page }) => {
  const designer = new Designer(page)
  const problems = new ProblemsPanel(page)
  const rules = new RulesDialog(page)
  await designer.open()
  await problems.open()

  await problems.rule.selectOption('require-comments')
  const comments = await problems.findings.count()
  expect(comments).toBeGreaterThan(0)
  await problems.rule.selectOption('')

  // Turn a rule off: its findings go at once, no reload.
  await rules.open()
  await rules.search.fill('require-comments')
  await expect(rules.dialog.getByRole('listitem')).toHaveCount(1)
  await rules.severityOf('require-comments').selectOption('off')
  await expect(rules.dialog.getByText('1 rule changed from the preset')).toBeVisible()
  await rules.close()
  await expect(problems.ofRule('require-comments')).toHaveCount(0)
  await expect(problems.rule.locator('option', { hasText: 'require-comments' })).toHaveCount(0)

  // An option: unconstrained-status without "role" in its names stops reporting users.role.
  await expect(problems.finding(/"users\.role" is free text/)).toHaveCount(1)
  await rules.open()
  await rules.search.fill('unconstrained')
  await rules.dialog.getByRole('button', { name: /^unconstrained-status/ }).click()
  await rules.dialog.getByRole('button', { name: 'Remove role from names' }).click()
  await rules.close()
  await expect(problems.finding(/"users\.role" is free text/)).toHaveCount(0)
  await expect(problems.finding(/"orders\.status" is free text/)).toHaveCount(1)

  // A bad number is refused with the core's message and changes nothing.
  await rules.open()
  await rules.search.fill('wide-index')
  await rules.dialog.getByRole('button', { name: /^wide-index/ }).click()
  const max = rules.dialog.getByRole('spinbutton', { name: 'max' })
  await max.fill('0')
  await max.press('Enter')
  await expect(rules.dialog.getByText(/Expected at least 1, found 0/)).toBeVisible()
  await expect(rules.dialog.getByText('2 rules changed from the preset')).toBeVisible()

  // The strict preset raises notes to warnings; the user's own settings stay.
  const warningsBefore = await problems.severityCount('Warnings')
  await rules.dialog.getByRole('radiogroup', { name: 'Preset' }).getByRole('radio', { name: 'Strict' }).click()
  await rules.close()
  await expect.poll(() => problems.severityCount('Warnings')).toBeGreaterThan(warningsBefore)
  await expect(problems.ofRule('require-comments')).toHaveCount(0)

  // Every change was one undo step: three undos go back to the recommended preset with comments off.
  const undo = page.getByRole('banner').getByRole('button', { name: 'Undo' })
  await undo.click()
  await expect.poll(() => problems.severityCount('Warnings')).toBe(warningsBefore)
  await undo.click()
  await expect(problems.finding(/"users\.role" is free text/)).toHaveCount(1)
  await undo.click()
  await problems.rule.selectOption('require-comments')
  await expect(problems.findings).toHaveCount(comments)
})

test('export and import the rule configuration', async ({ page }) => {
  const designer = new Designer(page)
  const problems = new ProblemsPanel(page)
  const rules = new RulesDialog(page)
  await designer.open()
  await problems.open()
  await rules.open()
  await rules.severityOf('fk-missing-index').selectOption('error')

  const download = page.waitForEvent('download')
  await rules.dialog.getByRole('button', { name: 'Download' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('crowsfoot.config.json')
  const saved = JSON.parse(await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8'))
  expect(saved).toEqual({ preset: 'recommended', rules: { 'fk-missing-index': 'error' } })

  // A broken config is refused with the place of each mistake.
  await rules.dialog.getByRole('button', { name: 'Import config' }).click()
  const importer = page.getByRole('dialog', { name: 'Import a rule configuration' })
  const text = importer.getByRole('textbox', { name: 'Config text' })
  await text.fill('{\n  "preset": "recommended",\n  "rules": { "require-coments": "off", "wide-index": ["warning", { "max": "3" }] }\n}')
  await importer.getByRole('button', { name: 'Apply config' }).click()
  const errors = importer.getByRole('list', { name: 'Problems in the config' })
  await expect(errors.getByRole('listitem')).toHaveCount(2)
  await expect(errors).toContainText('Line 3, column')
  await expect(errors).toContainText('did you mean "require-comments"?')
  await expect(errors).toContainText('Expected a number, found "3"')

  // A good one, opened from a file, replaces the configuration.
  await importer.getByLabel('Config file').setInputFiles({
    name: 'crowsfoot.config.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ preset: 'recommended', rules: { 'require-comments': 'off', 'require-timestamps': 'off' } })),
  })
  await expect(text).toHaveValue(/require-timestamps/)
  await importer.getByRole('button', { name: 'Apply config' }).click()
  await expect(rules.dialog).toBeVisible()
  await expect(rules.dialog.getByText('2 rules changed from the preset')).toBeVisible()
  await expect(rules.severityOf('fk-missing-index')).toHaveValue('warning')
  await rules.close()
  await expect(problems.ofRule('require-timestamps')).toHaveCount(0)
  await expect(problems.ofRule('fk-missing-index').first()).toBeVisible()
})
