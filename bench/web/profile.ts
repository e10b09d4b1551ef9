/**
 * A CPU profile of one scenario in an unminified production build, summarised by function (self
 * and total time), to find what an edit or an open costs on the main thread. Not part of
 * `bench:web`: `node bin/run-ts.js bench/web/profile.ts --what=rename|open [--tables=300]`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { createDocument, serializeDocument } from '../../core/index.ts'
import { generateDesign } from '../../core/testing/generate.ts'
import { freePort, launchChromium, newPage, nodesDrawn, openDesign, root } from './support.ts'

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
const what = arg('what') ?? 'rename'
const tables = Number(arg('tables') ?? 300)

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

function summarise(profile: Profile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000
    let node = byId.get(profile.samples[i]!)
    if (!node) continue
    self.set(key(node), (self.get(key(node)) ?? 0) + dt)
    const seen = new Set<string>()
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      node = byId.get(id)!
      const k = key(node)
      if (seen.has(k)) continue
      seen.add(k)
      total.set(k, (total.get(k) ?? 0) + dt)
    }
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n)
  console.log('self ms')
  for (const [k, v] of top(self, 30)) console.log(`${v.toFixed(1).padStart(8)}  ${k}`)
  console.log('total ms')
  for (const [k, v] of top(total, 60)) console.log(`${v.toFixed(1).padStart(8)}  ${k}`)
}

const vite = await import('vite')
const outDir = mkdtempSync(join(os.tmpdir(), 'crowsfoot-profile-'))
await vite.build({ root, logLevel: 'warn', build: { outDir, minify: false } })
const port = Number(arg('port') ?? (await freePort()))
const server = await vite.preview({ root, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true } })
const browser = await launchChromium()
try {
  const page = await newPage({ browser, baseURL: `http://127.0.0.1:${port}` })
  const { schema } = generateDesign({ tables, seed: 1 })
  const text = serializeDocument(createDocument({ name: `Generated ${tables}`, schema }))
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  if (what === 'open') await cdp.send('Profiler.start')
  await openDesign(page, text)
  await nodesDrawn(page, tables)
  if (what === 'rename') {
    const table = schema.tables.find((t) => t.columns.length > 2 && schema.namespaces.find((n) => n.id === t.namespaceId)?.name === 'public')!
    const column = table.columns[table.columns.length - 1]!
    await page.keyboard.press('Control+k')
    const search = page.getByRole('combobox', { name: 'Search commands and tables' })
    await search.fill(table.name)
    await page.waitForTimeout(300)
    await search.press('Enter')
    const field = page.getByRole('complementary', { name: 'Inspector' }).getByRole('group', { name: `Column ${column.name}`, exact: true }).getByLabel('Column name', { exact: true })
    await field.waitFor()
    await page.waitForTimeout(1500)
    await cdp.send('Profiler.start')
    await field.fill('profiledRename')
    await page.getByRole('group', { name: table.name, exact: true }).getByText('profiledRename', { exact: true }).waitFor({ state: 'attached', timeout: 60_000 })
    await page.waitForTimeout(1500)
  } else await page.waitForTimeout(500)
  const { profile } = await cdp.send('Profiler.stop')
  writeFileSync(join(outDir, 'profile.cpuprofile'), JSON.stringify(profile))
  console.log(`profile: ${join(outDir, 'profile.cpuprofile')}`)
  summarise(profile as unknown as Profile)
} finally {
  await browser.close()
  await server.close()
}
