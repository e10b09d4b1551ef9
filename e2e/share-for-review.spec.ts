/**
 * A design goes out for review by link and comes back with comments: the author shares a link with
 * a base version, a reviewer opens it in a browser of their own, sees what changed, comments on a
 * column and shares back; the author opens that link and merges the comments into their design.
 * Hostile names stay text, a design too large for a link gets the file offered, and images come
 * out at the size they claim.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { addComment, createDocument, encodeShare, saveVersion, serializeDocument, shareLinkLimit, type CrowsfootDocument } from '@core'
import { shop } from '../core/fixtures/shop.ts'
import { shopRelease } from '../core/fixtures/shop-release.ts'
import { col, schema, table } from '../core/testing/build.ts'
import { generateDesign } from '../core/testing/generate.ts'
import { Designer } from './support/canvas.ts'
import { expect, test } from './support/test.ts'

const layout = { tables: Object.fromEntries(shop.tables.map((t, i) => [t.id, { x: (i % 3) * 480, y: Math.floor(i / 3) * 420 }])) }

/** The shop design as released, with the design before the release saved as version v1. */
function releasedShop(): CrowsfootDocument {
  const before = saveVersion(createDocument({ name: 'Shop release', schema: shop, layout }), { message: 'Before release', at: new Date('2026-11-30T10:00:00Z') })
  return { ...before, schema: shopRelease }
}

async function openDesignFile(page: Page, name: string, doc: CrowsfootDocument): Promise<void> {
  await page.keyboard.press('Control+K')
  await page.getByRole('combobox', { name: 'Search commands and tables' }).fill('Open file')
  const chooser = page.waitForEvent('filechooser')
  await page.keyboard.press('Enter')
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(serializeDocument(doc)) })
  // A 1,000-table design is parsed and stored before it shows; that takes a while on a busy machine.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(doc.name, { timeout: 60_000 })
}

async function shareLink(page: Page, dialogName: string): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: dialogName })
  const url = dialog.getByRole('textbox', { name: 'Share link' })
  await expect(url).toHaveValue(/#review=1\./)
  const link = await url.inputValue()
  await dialog.getByRole('button', { name: 'Close' }).click()
  return link
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`)
}

const svgText = (page: Page, text: string | RegExp) => page.locator('.cf-review__svg text', { hasText: text })

test('a link with a base goes to a reviewer and comes back with a comment the author merges', async ({ page, browser }) => {
  test.slow()
  await new Designer(page).open()
  await openDesignFile(page, 'shop.crowsfoot.json', releasedShop())
  await page.getByRole('button', { name: 'Share', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Share for review' })
  // The newest saved version is the base unless the author picks another.
  await expect(dialog.getByRole('combobox', { name: 'Compare with' }).locator('option:checked')).toHaveText(/^v1: Before release/)
  await expect(dialog.getByText(`of ${shareLinkLimit.toLocaleString('en-US')} characters`)).toBeVisible()
  const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue()
  expect(link.startsWith('http://127.0.0.1:')).toBe(true)
  await dialog.getByRole('button', { name: 'Close' }).click()

  // The reviewer: another browser, with no designs of their own.
  const reviewerContext = await browser.newContext()
  const reviewer = await reviewerContext.newPage()
  await reviewer.goto(link)
  await expect(reviewer.getByRole('heading', { level: 1, name: 'Shop release' })).toBeVisible()
  await expect(reviewer.getByText('Compared with v1: Before release')).toBeVisible()
  const changes = reviewer.getByRole('list', { name: 'Changes' })
  await expect(changes).toContainText('Column "users.full_name" is renamed to "display_name".')
  await expect(changes).toContainText('Column "audit_log.ip_address" is removed.')
  await expect(svgText(reviewer, /^RENAMED$/).or(svgText(reviewer, /^CHANGED$/)).first()).toBeVisible()
  await expect(svgText(reviewer, /^display_name$/)).toHaveCount(1)
  await expect(svgText(reviewer, /^ip_address$/)).toHaveCount(1) // removed, drawn struck through

  // The migration and the findings are one click away.
  await reviewer.getByRole('tab', { name: 'Migration' }).click()
  await expect(reviewer.getByLabel('Migration up')).toContainText('RENAME COLUMN')
  await reviewer.getByRole('radio', { name: 'Down' }).click()
  await expect(reviewer.getByLabel('Migration down')).toContainText('display_name')
  await reviewer.getByRole('tab', { name: 'Problems' }).click()
  await expect(reviewer.getByRole('list', { name: 'Problems' }).getByRole('listitem').first()).toBeVisible()

  // A click on a column opens the comment box for it.
  await reviewer.locator('.cf-review__svg g.cf-svg-row', { has: reviewer.locator('text', { hasText: /^email$/ }) }).first().click()
  await expect(reviewer.getByText('Comment on users.email')).toBeVisible()
  await reviewer.getByRole('textbox', { name: 'Comment' }).fill('Should email be citext, so lookups ignore case?')
  await reviewer.getByRole('textbox', { name: 'Your name (optional)' }).fill('Rita')
  await reviewer.getByRole('button', { name: 'Add comment' }).click()
  await expect(reviewer.getByRole('tab', { name: 'Comments (1)' })).toBeVisible()
  await expect(reviewer.locator('.cf-review__svg .cf-svg-pin')).toHaveCount(1)
  // Nothing of the reviewer's own browser storage was touched by reading the link.
  expect(await reviewer.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([])
  const back = await shareLink(reviewer, 'Share this review')
  await reviewerContext.close()

  // The author opens the reviewer's link and merges.
  await page.goto(back)
  await expect(reviewer.isClosed()).toBe(true)
  await page.getByRole('button', { name: 'Merge comments into my design' }).click()
  const comments = page.getByRole('dialog', { name: 'Review comments' })
  // The editor starts, then loads its dialogs on first use: slow on a busy machine.
  await expect(comments).toContainText('Should email be citext, so lookups ignore case?', { timeout: 45_000 })
  await expect(comments).toContainText('users.email')
  await expect(comments).toContainText('Rita')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Shop release')
  await expect(page).toHaveURL(/^[^#]*$/)
  await comments.getByRole('button', { name: 'Resolve' }).click()
  await expect(comments.getByText('Resolved', { exact: true })).toBeVisible()
  await comments.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByRole('button', { name: 'Comments (0)' })).toBeVisible()
})

test('a hostile design in a link renders inert: names and comments show as text', async ({ page }) => {
  const img = '<img src=x onerror="window.__pwned=1">'
  const script = '<script>window.__pwned=2</script>'
  const s = schema({ [img]: table({ id: col('integer').primaryKey(), [script]: col('text') }), [script]: table({ [img]: col('integer').primaryKey() }) })
  let doc = createDocument({ name: `${script}${img}`, schema: s })
  doc = addComment(doc, { id: 'c1', target: { kind: 'table', tableId: s.tables[0]!.id }, author: img, text: `${script} and ${img}`, at: '2026-12-02T10:00:00.000Z' })
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await page.goto(`/${encodeShare({ document: doc }).fragment}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${script}${img}`)
  await expect(svgText(page, img).first()).toBeVisible()
  await expect(svgText(page, script).first()).toBeVisible()
  await page.getByRole('tab', { name: /^Comments/ }).click()
  await expect(page.getByText(`${script} and ${img}`, { exact: true })).toBeVisible()
  await expect(page.locator('img[src="x"]')).toHaveCount(0)
  expect(await page.evaluate(() => [...document.querySelectorAll('script')].some((el) => el.textContent?.includes('__pwned')))).toBe(false)
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
  expect(dialogs).toEqual([])
})

test('a design too large for a link gets the file offered instead, with the limit', async ({ page }) => {
  test.slow()
  await new Designer(page).open()
  const big = createDocument({ name: 'Thousand', schema: generateDesign({ tables: 1000, seed: 3 }).schema })
  await openDesignFile(page, 'thousand.crowsfoot.json', big)
  await page.getByRole('button', { name: 'Share', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Share for review' })
  const alert = dialog.getByRole('alert')
  await expect(alert).toContainText(`Links longer than ${shareLinkLimit.toLocaleString('en-US')} characters`)
  await expect(dialog.getByRole('textbox', { name: 'Share link' })).toHaveCount(0)
  const download = page.waitForEvent('download')
  await alert.getByRole('button', { name: 'Download design file' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('Thousand.crowsfoot.json')
  const text = readFileSync((await file.path())!, 'utf8')
  expect(JSON.parse(text).schema.tables).toHaveLength(1000)
})

test('images: a PNG at twice the size and an SVG whose table names are text', async ({ page }) => {
  await new Designer(page).open()
  await openDesignFile(page, 'shop.crowsfoot.json', releasedShop())
  await page.keyboard.press('Control+K')
  await page.getByRole('combobox', { name: 'Search commands and tables' }).fill('Export image')
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Export image' })
  await expect(dialog.getByRole('img', { name: 'Preview of Shop release' })).toBeVisible()

  await dialog.getByRole('radiogroup', { name: 'Format' }).getByRole('radio', { name: 'SVG' }).click()
  let download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Download SVG' }).click()
  const svgFile = await download
  expect(svgFile.suggestedFilename()).toBe('Shop release.svg')
  const svg = readFileSync((await svgFile.path())!, 'utf8')
  const parsed = await page.evaluate((text) => {
    const d = new DOMParser().parseFromString(text, 'image/svg+xml')
    return { error: d.querySelector('parsererror')?.textContent ?? null, width: Number(d.documentElement.getAttribute('width')), height: Number(d.documentElement.getAttribute('height')), texts: [...d.querySelectorAll('text, tspan')].map((t) => t.textContent) }
  }, svg)
  expect(parsed.error).toBeNull()
  for (const t of shopRelease.tables) expect(parsed.texts).toContain(t.name)

  await dialog.getByRole('radiogroup', { name: 'Format' }).getByRole('radio', { name: 'PNG' }).click()
  await dialog.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }).click()
  await expect(dialog.getByRole('radiogroup', { name: 'Scale' }).getByRole('radio', { name: '2x' })).toHaveAttribute('aria-checked', 'true')
  download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Download PNG' }).click()
  const pngFile = await download
  expect(pngFile.suggestedFilename()).toBe('Shop release.png')
  const png = readFileSync((await pngFile.path())!)
  // Kept for a person to look at: fonts, crispness, the dark theme.
  mkdirSync('test-results', { recursive: true })
  writeFileSync('test-results/export-dark@2x.png', png)
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR')
  expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: parsed.width * 2, height: parsed.height * 2 })
  // Not a blank canvas: the dark background, the table cards and their text give many colours.
  const colours = await page.evaluate(async (bytes) => {
    const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }))
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
    const ctx = canvas.getContext('2d')!
    ctx.drawImage(bitmap, 0, 0)
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data
    const seen = new Set<number>()
    for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!)
    return { distinct: seen.size, corner: [data[0], data[1], data[2]] }
  }, [...png])
  expect(colours.distinct).toBeGreaterThan(20)
  expect(colours.corner).toEqual([0x0e, 0x10, 0x13])
})

for (const theme of ['light', 'dark'] as const) {
  test(`the review page has no serious accessibility violations, ${theme} theme`, async ({ page }) => {
    test.slow()
    await page.emulateMedia({ colorScheme: theme })
    const doc = addComment({ ...releasedShop(), versions: undefined } as CrowsfootDocument, {
      id: 'c1',
      target: { kind: 'table', tableId: shop.tables[0]!.id },
      author: 'Rita',
      text: 'Looks good',
      at: '2026-12-02T10:00:00.000Z',
    })
    await page.goto(`/${encodeShare({ document: doc, base: { label: 'v1: Before release', schema: shop } }).fragment}`)
    await expect(page.getByRole('list', { name: 'Changes' })).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('tab', { name: /^Comments/ }).click()
    await expect(page.getByText('Looks good')).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('tab', { name: 'Migration' }).click()
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: `test-results/review-${theme}.png` })
  })
}

test('embed mode shows only the diagram, fitted to the frame', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 400 })
  const doc = createDocument({ name: 'Shop', schema: shopRelease, layout })
  await page.goto(`/?embed=1${encodeShare({ document: doc, base: { label: 'v1', schema: shop } }).fragment}`)
  const svg = page.locator('.cf-review__svg')
  await expect(svg).toBeVisible()
  await expect(page.getByRole('banner')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Open a copy' })).toHaveCount(0)
  const box = (await svg.boundingBox())!
  expect(box.width).toBeLessThanOrEqual(640 + 1)
  expect(box.height).toBeLessThanOrEqual(400 + 1)
  expect(box.x).toBeGreaterThanOrEqual(-1)
})

test('"Open a copy" adds the shared design to the receiver\'s designs and opens the editor', async ({ page }) => {
  const doc = createDocument({ name: 'Shared shop', schema: shopRelease, layout })
  await page.goto(`/${encodeShare({ document: doc }).fragment}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Shared shop' })).toBeVisible()
  expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0)
  // Without a pointer: a table from the list opens the comment box too.
  await page.getByRole('combobox', { name: 'Or comment on a table' }).selectOption({ label: 'orders' })
  await expect(page.getByText('Comment on orders')).toBeVisible()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await page.getByRole('button', { name: 'Open a copy' }).click()
  await expect(page.getByRole('application')).toBeVisible()
  await expect(page.getByRole('banner').getByRole('heading', { level: 1 })).toHaveText('Shared shop')
  await expect(page.locator('.cf-save-state')).toHaveText('Saved')
  await expect(page).toHaveURL(/^[^#]*$/)
  // A reload opens the editor on the copy, not the review page.
  await page.reload()
  await expect(page.getByRole('banner').getByRole('heading', { level: 1 })).toHaveText('Shared shop')
})
