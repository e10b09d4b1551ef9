/** The designer as a person sees it: top bar, theme switch, tables and relationships. */
import type { Locator, Page } from '@playwright/test'
import { expect } from './test.ts'

export class Designer {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/')
    await expect(this.page.getByRole('application')).toBeVisible()
    // React Flow shows nodes once measured, then fits the view: wait for a drawn table.
    await expect(this.page.locator('.react-flow__node').first()).toBeVisible()
  }

  get documentName(): Locator {
    return this.page.getByRole('heading', { level: 1 })
  }

  table(name: string): Locator {
    return this.page.getByRole('group', { name, exact: true })
  }

  /** Relationship edges, by the accessible name "child.col references parent.col". */
  get relationships(): Locator {
    return this.page.getByRole('group', { name: / references / })
  }

  themeOption(name: 'System theme' | 'Light theme' | 'Dark theme'): Locator {
    return this.page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name })
  }

  async screenshot(name: string): Promise<void> {
    // Let fonts and the fit-view settle so the picture shows what a person sees.
    await this.page.evaluate(() => document.fonts.ready)
    await this.page.screenshot({ path: `test-results/${name}.png` })
  }
}
