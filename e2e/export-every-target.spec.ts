/**
 * The design goes out to every target, downloaded as `<design-name>.<ext>` and checked as text;
 * the PostgreSQL download is applied to PostgreSQL (PGlite, in this test process) and creates
 * every table. A design with names that need quoting goes through the same.
 */
import { readFile } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'
import type { Page } from '@playwright/test'
import { parseDocument } from '@core'
import { defaultExample } from '../web/examples.ts'
import { Designer } from './support/canvas.ts'
import { Documents, ImportDialog, fixture } from './support/documents.ts'
import { expect, test } from './support/test.ts'

const targets = [
  { tab: 'PostgreSQL', ext: 'sql' },
  { tab: 'Prisma', ext: 'prisma' },
  { tab: 'Drizzle', ext: 'ts' },
  { tab: 'Mermaid', ext: 'mmd' },
  { tab: 'DBML', ext: 'dbml' },
  { tab: 'Markdown', ext: 'md' },
  { tab: 'JSON', ext: 'crowsfoot.json' },
] as const

async function download(page: Page, tab: string): Promise<{ name: string; text: string }> {
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog.getByRole('tab', { name: tab, exact: true }).click()
  await expect(dialog.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true')
  const button = dialog.getByRole('button', { name: 'Download' })
  await expect(button).toBeEnabled({ timeout: 30_000 })
  const started = page.waitForEvent('download')
  await button.click()
  const file = await started
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') }
}

async function tablesCreatedBy(sql: string): Promise<string[]> {
  const db = await PGlite.create()
  try {
    await db.exec(sql)
    const { rows } = await db.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")
    return rows.map((r) => r.table_name)
  } finally {
    await db.close()
  }
}

test('every target downloads with the design’s name, the right content, and PostgreSQL accepts the DDL', async ({ page, context }) => {
  test.setTimeout(180_000)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const designer = new Designer(page)
  await designer.open()
  const tables = defaultExample.create().schema.tables.map((t) => t.name)
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog.getByRole('tablist', { name: 'Export target' }).getByRole('tab')).toHaveText(targets.map((t) => t.tab))

  const files = new Map<string, { name: string; text: string }>()
  for (const t of targets) {
    const file = await download(page, t.tab)
    expect(file.name).toBe(`${defaultExample.name}.${t.ext}`)
    files.set(t.tab, file)
  }
  const text = (tab: string) => files.get(tab)!.text

  expect(await tablesCreatedBy(text('PostgreSQL'))).toEqual([...tables].sort())
  expect(text('Prisma')).toMatch(/^datasource db \{/m)
  expect(text('Drizzle')).toContain("from 'drizzle-orm/pg-core'")
  expect(text('Mermaid')).toMatch(/^erDiagram$/m)
  expect(text('DBML')).toMatch(/^Table /m)
  expect(text('Markdown')).toMatch(/^# /)
  for (const tab of ['Prisma', 'Drizzle', 'Mermaid', 'DBML', 'Markdown']) for (const name of tables) expect(text(tab), `${tab} names ${name}`).toContain(name)
  const json = parseDocument(text('JSON'))
  expect(json.ok && json.document.name).toBe(defaultExample.name)
  expect(json.ok && json.document.schema.tables.map((t) => t.name)).toEqual(tables)
  // The JSON download carries the layout too: every table has its position.
  expect(json.ok && Object.keys(json.document.layout.tables)).toHaveLength(tables.length)

  // The lossiness report sits beside the code: Mermaid cannot hold defaults, and says so.
  await dialog.getByRole('tab', { name: 'Mermaid' }).click()
  await expect(dialog.getByRole('complementary', { name: 'What the export leaves out' })).toContainText('Mermaid cannot express column defaults')
  // Copy puts the same text on the clipboard as the download.
  await dialog.getByRole('tab', { name: 'DBML' }).click()
  await dialog.getByRole('button', { name: 'Copy' }).click()
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text('DBML'))
})

test('names that need quoting (a keyword, a space, unicode) survive the PostgreSQL download', async ({ page }) => {
  test.setTimeout(180_000)
  const designer = new Designer(page)
  await designer.open()
  const dialog = await new ImportDialog(page).open()
  await dialog.text.fill(fixture('library.sql').toString('utf8'))
  await dialog.importButton.click()
  await expect(designer.table('bücher')).toBeVisible({ timeout: 60_000 })
  const docs = new Documents(page)
  await docs.rename('Bücherei: “Nord/Süd”')
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const file = await download(page, 'PostgreSQL')
  expect(file.name).toBe('Bücherei- “Nord-Süd”.sql')
  expect(await tablesCreatedBy(file.text)).toEqual(['authors', 'bücher', 'order'])
})
