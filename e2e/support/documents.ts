/**
 * The documents side of the designer as a person sees it: the design's name and save state, the
 * Import and Export dialogs, the designs list, and files dropped on the window.
 */
import { readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { expect } from './test.ts'

export const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url))

export class Documents {
  constructor(readonly page: Page) {}

  /** The design's name, as the top bar's heading shows it. */
  get name(): Locator {
    return this.page.getByRole('heading', { level: 1 })
  }

  /** Waits until autosave says the design is stored in this browser. */
  async saved(): Promise<void> {
    await expect(this.page.locator('.cf-save-state')).toHaveText('Saved')
  }

  async rename(name: string): Promise<void> {
    await this.name.getByRole('button').click()
    // The top bar's field; the inspector's design view has one of the same name.
    const field = this.page.getByRole('banner').getByRole('textbox', { name: 'Design name' })
    await field.fill(name)
    await field.press('Enter')
    await expect(this.name).toHaveText(name)
  }

  /** Adds a table with "Add table" and names it, as a person would. */
  async addTable(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add table' }).click()
    const field = this.page.getByRole('textbox', { name: 'Table name' })
    await expect(field).toBeFocused()
    await field.fill(name)
    await field.press('Enter')
    await expect(this.page.getByRole('group', { name, exact: true })).toBeVisible()
  }

  tableNames(): Promise<string[]> {
    return this.page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''))
  }

  get designs(): Locator {
    return this.page.getByRole('dialog', { name: 'Designs' })
  }

  async openDesigns(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Designs' }).click()
    await expect(this.designs).toBeVisible()
    return this.designs
  }

  /** Drops a file on the window, the way a browser delivers one dragged from the desktop. */
  async drop(fileName: string, content: Buffer | string, type = 'application/octet-stream'): Promise<void> {
    const bytes = [...(typeof content === 'string' ? Buffer.from(content) : content)]
    const transfer = await this.page.evaluateHandle(
      ({ fileName, bytes, type }) => {
        const data = new DataTransfer()
        data.items.add(new File([new Uint8Array(bytes)], fileName, { type }))
        return data
      },
      { fileName, bytes, type },
    )
    const target = this.page.locator('.react-flow__pane')
    await target.dispatchEvent('dragenter', { dataTransfer: transfer })
    await expect(this.page.getByText('Drop to import')).toBeVisible()
    await target.dispatchEvent('dragover', { dataTransfer: transfer })
    await target.dispatchEvent('drop', { dataTransfer: transfer })
    await expect(this.page.getByText('Drop to import')).toBeHidden()
  }
}

export class ImportDialog {
  readonly dialog: Locator
  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Import' })
  }

  async open(): Promise<this> {
    await this.page.getByRole('button', { name: 'Import', exact: true }).click()
    await expect(this.dialog).toBeVisible()
    return this
  }

  get text(): Locator {
    return this.dialog.getByRole('textbox', { name: 'Schema text' })
  }

  get format(): Locator {
    return this.dialog.getByRole('combobox', { name: 'Format' })
  }

  get importButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Import schema' })
  }

  async chooseFile(name: string, buffer: Buffer): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser')
    await this.dialog.getByRole('button', { name: /Choose (another )?file/ }).click()
    await (await chooser).setFiles({ name, mimeType: 'text/plain', buffer })
    await expect(this.dialog.getByText(name, { exact: true })).toBeVisible()
  }

  async into(mode: 'This design' | 'A new design'): Promise<void> {
    await this.dialog.getByRole('radiogroup', { name: 'Import into' }).getByRole('radio', { name: mode }).click()
  }
}
