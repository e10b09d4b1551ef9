/**
 * axe-core on the real app, in both themes, with the parts people use open at once: the problems
 * panel with a rule's doc and a fix menu, the inspector on a table, and the Rules dialog. Serious
 * and critical violations fail the test, listed with the elements concerned.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { Designer } from './support/canvas.ts'
import { ProblemsPanel, RulesDialog } from './support/problems.ts'
import { expect, test } from './support/test.ts'

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ')}`).join('\n')}`)
}

for (const theme of ['light', 'dark'] as const) {
  test(`no serious accessibility violations, ${theme} theme`, async ({ page }) => {
    // axe reads every node of the page twice over; on a busy machine that takes a while.
    test.slow()
    await page.emulateMedia({ colorScheme: theme })
    const designer = new Designer(page)
    const problems = new ProblemsPanel(page)
    const rules = new RulesDialog(page)
    await designer.open()
    await problems.open()

    // The inspector on a table, reached from a finding; the rule's doc beside the list.
    await problems.finding(/"orders\.status" is free text/).getByRole('button', { name: /free text/ }).click()
    await expect(page.getByRole('textbox', { name: 'Table name' })).toHaveValue('orders')
    await problems.ofRule('fk-missing-index').first().getByRole('button', { name: 'About the rule fk-missing-index' }).click()
    await expect(page.getByRole('complementary', { name: 'About the rule fk-missing-index' }).getByRole('heading', { name: 'Correct', exact: true })).toBeVisible()
    await problems.findings.filter({ has: page.getByRole('button', { name: 'More fixes' }) }).first().getByRole('button', { name: 'More fixes' }).click()
    await expect(page.getByRole('menu')).toBeVisible()
    await designer.screenshot(`a11y-problems-${theme}`)
    expect(await seriousViolations(page)).toEqual([])
    await page.keyboard.press('Escape')
    await expect(page.getByRole('menu')).toHaveCount(0)

    await rules.open()
    await rules.dialog.getByRole('button', { name: /^constraint-name-convention/ }).click()
    await expect(rules.dialog.getByRole('group', { name: 'templates' }).getByRole('textbox', { name: 'check', exact: true })).toBeVisible()
    await designer.screenshot(`a11y-rules-${theme}`)
    expect(await seriousViolations(page)).toEqual([])
  })
}
