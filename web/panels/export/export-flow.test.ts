import { describe, expect, it } from 'vitest'
import { createDocument } from '@core'
import { shop } from '../../../core/fixtures/shop.ts'
import { CoreClient, inProcessPort } from '../../worker/client.ts'
import { ExportCache, describeOutput, exportFileName, exportTargets, targetById } from './export-flow.ts'

describe('export flow', () => {
  it('has one target per promised tab, in order, each a real exporter', async () => {
    expect(exportTargets.map((t) => t.label)).toEqual(['PostgreSQL', 'Prisma', 'Drizzle', 'Mermaid', 'DBML', 'Markdown', 'JSON'])
    expect(exportTargets.map((t) => t.extension)).toEqual(['sql', 'prisma', 'ts', 'mmd', 'dbml', 'md', 'crowsfoot.json'])
    const client = new CoreClient(inProcessPort())
    for (const t of exportTargets) expect((await client.export(shop, t.id)).text.length).toBeGreaterThan(100)
    expect(targetById('nope').id).toBe('postgres')
  })

  it('names downloads after the design, safely', () => {
    const sql = targetById('postgres')
    expect(exportFileName('Shop', sql)).toBe('Shop.sql')
    expect(exportFileName('a/b:c*?"<>|d', sql)).toBe('a-b-c-d.sql')
    expect(exportFileName('  ..  ', sql)).toBe('design.sql')
    expect(exportFileName('Café — “v2”', targetById('json'))).toBe('Café — “v2”.crowsfoot.json')
  })

  it('exports each version and target once; JSON follows the layout and name too', async () => {
    const runs: string[] = []
    const cache = new ExportCache(async (doc, target) => {
      runs.push(`${doc.name}:${target.id}`)
      return { text: target.id, diagnostics: [] }
    })
    const doc = createDocument({ name: 'Shop', schema: shop })
    await cache.get(doc, targetById('postgres'))
    await cache.get(doc, targetById('postgres'))
    await cache.get({ ...doc, name: 'Renamed' }, targetById('postgres'))
    await cache.get(doc, targetById('json'))
    await cache.get({ ...doc, name: 'Renamed' }, targetById('json'))
    expect(runs).toEqual(['Shop:postgres', 'Shop:json', 'Renamed:json'])
  })

  it('retries an export that failed', async () => {
    let n = 0
    const cache = new ExportCache(async () => {
      if (n++ === 0) throw new Error('worker stopped')
      return { text: 'ok', diagnostics: [] }
    })
    const doc = createDocument({ name: 'Shop', schema: shop })
    await expect(cache.get(doc, targetById('dbml'))).rejects.toThrow('worker stopped')
    await new Promise((r) => setTimeout(r, 0))
    await expect(cache.get(doc, targetById('dbml'))).resolves.toMatchObject({ text: 'ok' })
  })

  it('describes the output by lines and size', () => {
    expect(describeOutput('')).toBe('0 lines · 0 B')
    expect(describeOutput('a\nb\n')).toBe('2 lines · 4 B')
    expect(describeOutput('é')).toBe('1 line · 2 B')
  })
})
