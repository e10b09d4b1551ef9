/** The code panel as a person uses it: open it, pick a view, type, read what it says. */
import type { Locator, Page } from '@playwright/test'
import { expect } from './test.ts'

export class CodePanel {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByRole('complementary', { name: 'Code' })
  }

  get status(): Locator {
    return this.root.locator('.cf-code-panel__bar').getByRole('status')
  }

  /** The lines Monaco draws (only those in view). */
  get lines(): Locator {
    return this.root.locator('.monaco-editor .view-lines')
  }

  get errorMarkers(): Locator {
    return this.root.locator('.monaco-editor .squiggly-error')
  }

  async open(view: 'DBML' | 'SQL' = 'DBML'): Promise<void> {
    await this.page.getByRole('button', { name: 'Code panel' }).click()
    await expect(this.root.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 })
    await this.view(view)
  }

  async view(name: string): Promise<void> {
    await this.root.getByRole('tab', { name, exact: true }).click()
    await expect(this.root.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true')
  }

  async synced(): Promise<void> {
    await expect(this.status).toHaveText('In sync with the diagram', { timeout: 45_000 })
  }

  /** Focuses the editor with the cursor at the very end of the text. */
  async focusEnd(): Promise<void> {
    await this.lines.click()
    await this.page.keyboard.press('Control+End')
  }

  /**
   * Pastes text where the cursor is, as the system clipboard would: typed character by character,
   * Monaco's auto-closing and auto-indent would change what a test writes out in full.
   */
  async insert(text: string): Promise<void> {
    // Monaco takes input on whatever element has focus inside it (an EditContext or a textarea).
    await this.page.evaluate((value) => {
      const target = document.activeElement
      if (!target?.closest('.monaco-editor')) throw new Error('The editor does not have the focus.')
      const data = new DataTransfer()
      data.setData('text/plain', value)
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, text)
  }

  /** Replaces the whole text. */
  async replaceAll(text: string): Promise<void> {
    await this.lines.click()
    await this.page.keyboard.press('Control+A')
    await this.insert(text)
  }
}
