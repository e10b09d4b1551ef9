/** The inspector as a person sees it: fields by their labels, columns and cards by their names. */
import type { Locator, Page } from '@playwright/test'
import { expect } from './test.ts'

export class Inspector {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByRole('complementary', { name: 'Inspector' })
  }

  get tableName(): Locator {
    return this.root.getByLabel('Table name', { exact: true })
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true })
  }

  section(title: string): Locator {
    return this.root.getByRole('region', { name: title })
  }

  column(name: string): Locator {
    return this.root.getByRole('group', { name: `Column ${name}`, exact: true })
  }

  columnName(name: string): Locator {
    return this.column(name).getByLabel('Column name', { exact: true })
  }

  columnType(name: string): Locator {
    return this.column(name).getByRole('combobox', { name: 'Type' })
  }

  /** The names in the column list, in order. */
  async columnNames(): Promise<string[]> {
    return this.root.getByRole('list', { name: 'Columns' }).getByLabel('Column name', { exact: true }).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))
  }

  /** Opens a column's details (idempotent) and returns the column's group. */
  async openColumn(name: string): Promise<Locator> {
    const toggle = this.column(name).getByRole('button', { name: `Details of ${name}`, exact: true })
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
    await expect(toggle).toHaveAttribute('aria-expanded', 'true')
    return this.column(name)
  }

  /** A constraint or index card by its accessible name (`Check orders_check`, `Index orders_status_idx`). */
  card(name: string | RegExp): Locator {
    return this.root.getByRole('group', { name })
  }

  async openCard(card: Locator): Promise<Locator> {
    const toggle = card.locator('.cf-card__toggle')
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
    return card
  }

  /** The option of the open type list. */
  typeOption(name: string | RegExp): Locator {
    return this.page.getByRole('listbox', { name: 'Types' }).getByRole('option', { name })
  }

  /** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would. */
  async tabTo(target: Locator, { back = false, max = 80 } = {}): Promise<void> {
    for (let i = 0; i < max; i++) {
      if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return
      await this.page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
    }
    await expect(target).toBeFocused()
  }
}
