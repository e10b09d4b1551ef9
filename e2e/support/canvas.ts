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

  /** A column's row in a table node. */
  row(table: string, column: string): Locator {
    return this.table(table)
      .locator('.cf-table__row')
      .filter({ has: this.page.locator('.cf-table__column', { hasText: new RegExp(`^${escapeRegExp(column)}$`) }) })
  }

  relationship(name: string): Locator {
    return this.page.getByRole('group', { name, exact: true })
  }

  /**
   * Draws a relationship the way a person does: presses on the row's right-hand grip (or the
   * header's, without `fromColumn`), drags with the mouse and lets go on the target row or table.
   */
  async drawRelationship(from: { table: string; column?: string }, to: { table: string; column?: string }): Promise<void> {
    const source = from.column === undefined ? this.table(from.table).locator('.cf-table__header') : this.row(from.table, from.column)
    const box = await source.boundingBox()
    if (!box) throw new Error(`${from.table}.${from.column ?? ''} is not on screen`)
    const target = to.column === undefined ? this.table(to.table).locator('.cf-table__header') : this.row(to.table, to.column)
    const end = await target.boundingBox()
    if (!end) throw new Error(`${to.table}.${to.column ?? ''} is not on screen`)
    await this.page.mouse.move(box.x + box.width, box.y + box.height / 2)
    await this.page.mouse.down()
    await this.page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 })
    await this.page.mouse.up()
  }

  /** Drags a table by its header by (dx, dy) screen pixels. */
  async dragTable(name: string, dx: number, dy: number): Promise<void> {
    const box = await this.table(name).locator('.cf-table__title').boundingBox()
    if (!box) throw new Error(`${name} is not on screen`)
    await this.page.mouse.move(box.x + 10, box.y + box.height / 2)
    await this.page.mouse.down()
    await this.page.mouse.move(box.x + 10 + dx, box.y + box.height / 2 + dy, { steps: 10 })
    await this.page.mouse.up()
  }

  /** Where a table node stands on screen. */
  async tableBox(name: string): Promise<{ x: number; y: number; width: number; height: number }> {
    const box = await this.table(name).boundingBox()
    if (!box) throw new Error(`${name} is not on screen`)
    return box
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
