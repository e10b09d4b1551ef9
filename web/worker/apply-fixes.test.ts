import { describe, expect, it } from 'vitest'
import { importSchema } from '@core'
import type { Schema } from '@core'
import { shop } from '../../core/fixtures/shop.ts'
import { CoreClient, inProcessPort } from './client.ts'
import { applySchemaDelta } from './schema-delta.ts'

async function design(sql: string): Promise<Schema> {
  const r = await importSchema('postgres', sql)
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'))
  return r.schema
}

describe('applyFixes ("Fix all of this kind")', () => {
  it('fixes every finding of a rule in one change', async () => {
    const client = new CoreClient(inProcessPort())
    const { findings } = await client.lint(shop, undefined)
    const keys = findings.filter((f) => f.rule === 'require-timestamps' && f.hasFixes).map((f) => f.key)
    expect(keys.length).toBeGreaterThan(2)
    const result = await client.applyFixes(keys)
    if ('error' in result) throw new Error(result.error)
    expect(result.applied).toBe(keys.length)
    const fixed = applySchemaDelta(shop, result.delta)
    const after = await client.lint(fixed, undefined)
    expect(after.findings.filter((f) => f.rule === 'require-timestamps')).toEqual([])
    expect(after.findings.filter((f) => f.severity === 'error')).toEqual([])
  })

  it('refuses fixes that clash, and changes nothing', async () => {
    // Each column alone would become "user_id"; both cannot.
    const schema = await design('CREATE TABLE accounts (id bigint PRIMARY KEY, "UserID" bigint, "userId" bigint);')
    const client = new CoreClient(inProcessPort())
    const { findings } = await client.lint(schema, undefined)
    const keys = findings.filter((f) => f.rule === 'column-name-case' && f.hasFixes).map((f) => f.key)
    expect(keys).toHaveLength(2)
    const titles = await client.fixTitles(keys)
    expect(Object.values(titles).map((t) => t[0])).toEqual([expect.stringMatching(/user_id/), expect.stringMatching(/user_id/)])
    const result = await client.applyFixes(keys)
    expect(result).toEqual({ error: expect.stringMatching(/apply them one at a time/) })
    // One of them alone still applies.
    const one = await client.applyFix(keys[0]!, 0)
    expect('delta' in one).toBe(true)
  })

  it('refuses keys the last run does not know', async () => {
    const client = new CoreClient(inProcessPort())
    await client.lint(shop, undefined)
    expect(await client.applyFixes(['no-such-key'])).toEqual({ error: expect.stringMatching(/changed since/) })
    expect(await client.applyFixes([])).toEqual({ error: expect.stringMatching(/changed since/) })
  })
})
