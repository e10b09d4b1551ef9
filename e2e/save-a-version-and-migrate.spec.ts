/**
 * A user story: save a version, change the design (a column renamed, a NOT NULL column added),
 * open Migrations and see the rename as a rename, marked on the diagram; give the backfill value
 * the new column needs and download both files, named as the seeds ask. The up file, run after
 * the old design's DDL on PostgreSQL (PGlite) with a row in the table, keeps the row's value under
 * the new name; the down file brings the old column back. An import that replaces the design
 * leaves the design it replaced as a saved version.
 */
import { readFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import { PGlite } from '@electric-sql/pglite'
import type { Download, Page } from '@playwright/test'
import { exportSchema } from '@core'
import { splitStatements } from '../core/importers/postgres/split.ts'
import { defaultExample } from '../web/examples.ts'
import { Designer } from './support/canvas.ts'
import { Documents, ImportDialog } from './support/documents.ts'
import { Inspector } from './support/inspector.ts'
import { expect, test } from './support/test.ts'

/** As `psql -f` runs a file: one statement at a time, so CONCURRENTLY works outside BEGIN. */
async function runScript(db: PGlite, sql: string): Promise<void> {
  for (const chunk of splitStatements(sql)) if (chunk.kind === 'sql') await db.exec(sql.slice(chunk.start, chunk.end))
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ')}`).join('\n')}`)
}

async function saveVersion(page: Page, message: string, proposed: string): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Save version' }).click()
  const dialog = page.getByRole('dialog', { name: 'Save version' })
  await expect(dialog.getByLabel('Message')).toHaveValue(proposed)
  await dialog.getByLabel('Message').fill(message)
  await dialog.getByRole('button', { name: 'Save version' }).click()
  await expect(dialog).toBeHidden()
}

test('save a version, change the design, and ship the migration it makes', async ({ page }) => {
  test.setTimeout(240_000)
  const designer = new Designer(page)
  const inspector = new Inspector(page)
  await designer.open()
  await saveVersion(page, 'Before order notes', 'Version 1')

  // The changes: orders.total_amount renamed to total, a NOT NULL column note added.
  await page.getByRole('navigation', { name: 'Tables and enums' }).getByRole('button', { name: /^orders \d+$/ }).click()
  await expect(inspector.tableName).toHaveValue('orders')
  await inspector.columnName('total_amount').fill('total')
  await inspector.section('Columns').getByRole('button', { name: 'Add column' }).click()
  await expect(inspector.columnName('new_column')).toBeFocused()
  await page.keyboard.type('note')
  await inspector.columnType('note').fill('text')
  await inspector.columnType('note').press('Tab')
  const notNull = inspector.column('note').getByRole('button', { name: 'Not null' })
  await notNull.click()
  await expect(notNull).toHaveAttribute('aria-pressed', 'true')

  await page.getByRole('banner').getByRole('button', { name: 'Migrations' }).click()
  const panel = page.getByRole('complementary', { name: 'Migrations' })
  await expect(panel.getByLabel('From')).toHaveValue('v1')
  const orders = panel.getByRole('group', { name: 'Changes to orders' })
  await expect(orders.getByRole('listitem').filter({ hasText: 'Column "orders.total_amount" is renamed to "total".' })).toContainText('Renamed')
  await expect(orders.getByRole('listitem').filter({ hasText: 'Column "orders.note" is added.' })).toContainText('Added')
  // A rename, not a drop and an add: nothing is removed.
  await expect(panel.getByText('Removed', { exact: true })).toHaveCount(0)
  await expect(panel.getByText(/^2 changes: 1 added, 1 renamed\./)).toBeVisible()

  // Marked on the diagram, rows and table, and in the minimap.
  const node = designer.table('orders')
  await expect(node.locator('li[data-change="renamed"]')).toHaveText(/^total/)
  await expect(node.locator('li[data-change="added"]')).toHaveText(/^note/)
  await expect(node.locator('.cf-table[data-change="changed"]')).toBeVisible()
  await expect(page.locator('.react-flow__minimap-node[style*="--cf-change-changed"]')).toHaveCount(1)

  // The up plan asks for a value for the rows already there; the step says how it runs.
  await panel.getByRole('tab', { name: 'Up' }).click()
  const steps = panel.getByRole('list', { name: 'Steps of the up migration' })
  await expect(steps.getByRole('listitem', { name: /Rename column orders\.total_amount to total/ })).toContainText('In a transaction')
  await expect(panel.getByText(/still needed/)).toBeVisible()
  await panel.getByLabel('Backfill value for orders.note').fill("'none'")
  await expect(panel.getByText(/still needed/)).toHaveCount(0, { timeout: 15_000 })
  await expect(steps).toContainText("'none'")
  await designer.screenshot('migrations-panel')
  expect(await seriousViolations(page)).toEqual([])
  await page.emulateMedia({ colorScheme: 'dark' })
  await designer.screenshot('migrations-panel-dark')
  expect(await seriousViolations(page)).toEqual([])
  await page.emulateMedia({ colorScheme: 'light' })

  // Simple mode: plain statements, no transaction control; the file says so.
  const mode = panel.getByRole('radiogroup', { name: 'Migration mode' })
  await mode.getByRole('radio', { name: 'Simple (development)' }).click()
  await expect(steps.getByRole('listitem', { name: /Rename column/ })).toContainText('Plain statement')
  await panel.getByRole('radiogroup', { name: 'Show' }).getByRole('radio', { name: 'File' }).click()
  await expect(panel.getByRole('region', { name: 'Up migration SQL' })).toContainText('simple mode')
  await expect(panel.getByRole('region', { name: 'Up migration SQL' })).not.toContainText('BEGIN;')
  await mode.getByRole('radio', { name: 'Safe (zero-downtime)' }).click()
  await expect(panel.getByRole('region', { name: 'Up migration SQL' })).toContainText('BEGIN;')

  const downloads: Download[] = []
  page.on('download', (d) => downloads.push(d))
  const started = Date.now()
  await panel.getByRole('button', { name: 'Download' }).click()
  await expect.poll(() => downloads.length, { timeout: 15_000 }).toBe(2)
  const [up, down] = downloads.map((d) => d.suggestedFilename())
  const match = /^(\d{14})_([a-z0-9_]+)\.up\.sql$/.exec(up!)
  expect(match, up).not.toBeNull()
  expect(down).toBe(up!.replace(/\.up\.sql$/, '.down.sql'))
  const stamp = match![1]!
  const at = Date.UTC(+stamp.slice(0, 4), +stamp.slice(4, 6) - 1, +stamp.slice(6, 8), +stamp.slice(8, 10), +stamp.slice(10, 12), +stamp.slice(12, 14))
  expect(Math.abs(at - started)).toBeLessThan(120_000)
  const [upSql, downSql] = (await Promise.all(downloads.map(async (d) => readFile(await d.path(), 'utf8')))) as [string, string]

  // On PostgreSQL: the old design with a row, then up, then down.
  const db = await PGlite.create()
  try {
    await db.exec(exportSchema('postgres', defaultExample.create().schema).text)
    await db.exec(`INSERT INTO users (email, password_hash, full_name) VALUES ('a@example.com', 'x', 'Ada');
      INSERT INTO orders (user_id, total_amount) SELECT id, 12.50 FROM users;`)
    await runScript(db, upSql)
    const after = await db.query<{ total: string; note: string }>('SELECT total::text AS total, note FROM orders')
    expect(after.rows).toEqual([{ total: '12.50', note: 'none' }])
    const nullable = await db.query<{ is_nullable: string }>("SELECT is_nullable FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'note'")
    expect(nullable.rows).toEqual([{ is_nullable: 'NO' }])
    await runScript(db, downSql)
    const back = await db.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'orders' ORDER BY ordinal_position")
    expect(back.rows.map((r) => r.column_name)).toEqual(['id', 'user_id', 'status', 'total_amount', 'created_at', 'updated_at'])
    expect((await db.query<{ total_amount: string }>('SELECT total_amount::text AS total_amount FROM orders')).rows).toEqual([{ total_amount: '12.50' }])
  } finally {
    await db.close()
  }

  // An import over the design leaves the design it replaced as a version.
  const dialog = await new ImportDialog(page).open()
  await dialog.text.fill('CREATE TABLE coupons (id int PRIMARY KEY, code text NOT NULL);')
  await dialog.importButton.click()
  await expect(designer.table('coupons')).toBeVisible({ timeout: 60_000 })
  await panel.getByRole('tab', { name: /^Versions/ }).click()
  await expect(panel.getByRole('list', { name: 'Saved versions' }).getByRole('listitem')).toHaveText([/Before import of pasted PostgreSQL DDL/, /Before order notes/])
  // Comparing with it shows what the import removed, its tables drawn as ghosts.
  await panel.getByRole('button', { name: 'Compare Before import of pasted PostgreSQL DDL with the design' }).click()
  await expect(panel.getByRole('group', { name: 'Changes to orders' })).toContainText('Removed')
  await expect(designer.table('orders (removed)')).toBeVisible()
  await designer.screenshot('migrations-ghosts')
})

test('a version survives a reload, and a file serves as the base, matched by name', async ({ page }) => {
  test.setTimeout(180_000)
  const designer = new Designer(page)
  const inspector = new Inspector(page)
  const docs = new Documents(page)
  await designer.open()
  // By keyboard: the shortcut, the message typed over the proposal, Enter.
  await page.keyboard.press('Control+Shift+S')
  const dialog = page.getByRole('dialog', { name: 'Save version' })
  await expect(dialog.getByLabel('Message')).toBeFocused()
  await page.keyboard.type('Kept across reloads')
  await page.keyboard.press('Enter')
  await expect(dialog).toHaveCount(0)
  await docs.saved()
  await page.reload()
  await expect(page.locator('.react-flow__node').first()).toBeVisible()

  // The inspector's rename first: the panel then stands in its place.
  await page.getByRole('navigation', { name: 'Tables and enums' }).getByRole('button', { name: /^users \d+$/ }).click()
  await inspector.columnName('full_name').fill('display_name')
  await page.getByRole('banner').getByRole('button', { name: 'Migrations' }).click()
  const panel = page.getByRole('complementary', { name: 'Migrations' })
  await expect(panel.getByLabel('From').locator('option:checked')).toHaveText(/^Kept across reloads · /)
  await expect(panel.getByRole('group', { name: 'Changes to users' })).toContainText('Column "users.full_name" is renamed to "display_name".')

  // The same design as PostgreSQL DDL from elsewhere: no ids in common, so names decide.
  const chooser = page.waitForEvent('filechooser')
  await panel.getByRole('button', { name: 'File…' }).click()
  await (await chooser).setFiles({ name: 'production.sql', mimeType: 'text/plain', buffer: Buffer.from(exportSchema('postgres', defaultExample.create().schema).text) })
  await expect(panel.getByLabel('From').locator('option:checked')).toHaveText('File: production.sql')
  await expect(panel.getByText(/matched by name/)).toBeVisible()
  const users = panel.getByRole('group', { name: 'Changes to users' })
  await expect(users.getByRole('listitem').filter({ hasText: 'Column "users.full_name" is removed.' })).toContainText('Removed')
  await expect(users.getByRole('listitem').filter({ hasText: 'Column "users.display_name" is added.' })).toContainText('Added')
  await expect(designer.table('users').locator('li[data-change="added"]')).toHaveText(/^display_name/)

  // The versions list: rename, and a delete that asks first; axe on both.
  await panel.getByRole('tab', { name: /^Versions/ }).click()
  await panel.getByRole('button', { name: 'Rename Kept across reloads' }).click()
  await panel.getByRole('textbox', { name: 'New message for Kept across reloads' }).fill('Kept, <b>renamed</b>')
  await panel.getByRole('button', { name: 'Rename', exact: true }).click()
  await panel.getByRole('button', { name: 'Delete Kept, <b>renamed</b>' }).click()
  await expect(panel.getByText('Delete “Kept, <b>renamed</b>”?')).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
  await panel.getByRole('button', { name: 'Cancel' }).click()
  await expect(panel.getByRole('list', { name: 'Saved versions' }).getByRole('listitem')).toHaveText([/^Kept, <b>renamed<\/b>/])

  // Asking for the inspector closes the panel and takes its place; the marks go with it.
  await page.getByRole('banner').getByRole('button', { name: 'Inspector' }).click()
  await expect(panel).toHaveCount(0)
  await expect(inspector.root).toBeVisible()
  await expect(page.locator('[data-change]')).toHaveCount(0)
})
