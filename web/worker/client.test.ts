import { describe, expect, it } from 'vitest'
import { addColumn, parseColumnType } from '@core'
import { shop } from '../../core/fixtures/shop.ts'
import { CoreClient, inProcessPort } from './client.ts'
import { applySchemaDelta } from './schema-delta.ts'

describe('core client', () => {
  it('lints by delta: after a one-table edit the worker reuses the other tables', async () => {
    const client = new CoreClient(inProcessPort())
    const first = await client.lint(shop, undefined)
    expect(first.findings.length).toBeGreaterThan(0)
    const r = parseColumnType('json')
    if (!r.ok) throw new Error(r.message)
    const next = addColumn(shop, shop.tables[0]!.id, { name: 'extra', type: r.type, nullable: true })
    const second = await client.lint(next, undefined)
    expect(second.reused).toBeGreaterThan(0)
    expect(second.findings.some((f) => f.rule === 'prefer-jsonb' && f.target.column === 'extra')).toBe(true)
  })

  it('applies a quick fix in the worker and hands back a delta that removes the finding', async () => {
    const client = new CoreClient(inProcessPort())
    const r = parseColumnType('json')
    if (!r.ok) throw new Error(r.message)
    const design = addColumn(shop, shop.tables[0]!.id, { name: 'extra', type: r.type, nullable: true })
    const { findings } = await client.lint(design, undefined)
    const finding = findings.find((f) => f.rule === 'prefer-jsonb')!
    expect(finding.hasFixes).toBe(true)
    const titles = await client.fixTitles([finding.key])
    expect(titles[finding.key]!.length).toBeGreaterThan(0)
    const result = await client.applyFix(finding.key, 0)
    if ('error' in result) throw new Error(result.error)
    const fixed = applySchemaDelta(design, result.delta)
    const after = await client.lint(fixed, undefined)
    expect(after.findings.some((f) => f.key === finding.key)).toBe(false)
  })

  it('exports and imports through the worker', async () => {
    const client = new CoreClient(inProcessPort())
    const out = await client.export(shop, 'postgres')
    expect(out.text).toContain('CREATE TABLE')
    const imported = await client.import('postgres', 'CREATE TABLE a (id int PRIMARY KEY);')
    expect(imported.ok).toBe(true)
    const bad = await client.import('postgres', 'CREATE TABLE (')
    expect(bad.ok).toBe(false)
  })
})
