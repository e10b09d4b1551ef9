/** The problems panel and the Rules dialog, as a person finds them: by role and name. */
import type { Locator, Page } from '@playwright/test'
import { expect } from './test.ts'

export class ProblemsPanel {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByRole('region', { name: 'Problems' })
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Problems panel' }).click()
    await expect(this.panel).toBeVisible()
    await expect(this.findings.first()).toBeVisible()
  }

  /** Every finding row drawn (the list is virtual: only rows in view exist). */
  get findings(): Locator {
    return this.panel.locator('.cf-problems__row').filter({ has: this.page.getByRole('button', { name: /^About the rule / }) })
  }

  /** The finding rows whose message contains `text`. */
  finding(text: string | RegExp): Locator {
    return this.findings.filter({ has: this.page.getByRole('button', { name: text }) })
  }

  ofRule(rule: string): Locator {
    return this.findings.filter({ has: this.page.getByRole('button', { name: `About the rule ${rule}`, exact: true }) })
  }

  /** The total in the panel's header ("28", or "3 of 28" while filtered). */
  get total(): Locator {
    return this.panel.locator('.cf-problems__total')
  }

  get filter(): Locator {
    return this.panel.getByRole('searchbox', { name: 'Filter problems' })
  }

  get rule(): Locator {
    return this.panel.getByRole('combobox', { name: 'Rule' })
  }

  /** The toggle that shows or hides a severity; its name carries the count ("Warnings 11"). */
  severityToggle(name: 'Errors' | 'Warnings' | 'Notes'): Locator {
    return this.panel.getByRole('group', { name: 'Severities shown' }).getByRole('button', { name: new RegExp(`^${name} `) })
  }

  async severityCount(name: 'Errors' | 'Warnings' | 'Notes'): Promise<number> {
    const text = (await this.severityToggle(name).textContent()) ?? ''
    return Number(text.replace(/\D/g, ''))
  }
}

export class RulesDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Rules' })
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Rules', exact: true }).first().click()
    await expect(this.dialog).toBeVisible()
  }

  severityOf(rule: string): Locator {
    return this.dialog.getByRole('combobox', { name: `Severity of ${rule}`, exact: true })
  }

  get search(): Locator {
    return this.dialog.getByRole('searchbox', { name: 'Search rules' })
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Done' }).click()
    await expect(this.dialog).toBeHidden()
  }
}
