import { describe, expect, it, vi } from 'vitest'
import { shop } from '../../../core/fixtures/shop.ts'
import { CoreClient, inProcessPort } from '../../worker/client.ts'
import { FixTitles } from './fix-titles.ts'

const settle = () => new Promise((r) => setTimeout(r, 20))

describe('FixTitles', () => {
  it('asks the worker once for the rows of a frame, and tells only the rows concerned', async () => {
    const client = new CoreClient(inProcessPort())
    const { findings } = await client.lint(shop, undefined)
    const fixable = findings.filter((f) => f.hasFixes)
    expect(fixable.length).toBeGreaterThan(2)
    const spy = vi.spyOn(client, 'fixTitles')
    const titles = new FixTitles(() => client)
    titles.setFindings(findings)

    const [a, b, c] = fixable
    const heardA = vi.fn()
    const heardC = vi.fn()
    titles.subscribe(a!.key, heardA)
    titles.subscribe(c!.key, heardC)
    titles.request(a!.key)
    titles.request(b!.key)
    titles.request(a!.key)
    await settle()
    expect(spy).toHaveBeenCalledTimes(1)
    expect(spy.mock.calls[0]![0]).toEqual([a!.key, b!.key])
    expect(titles.get(a!.key)?.[0]).toEqual(expect.any(String))
    expect(heardA).toHaveBeenCalledTimes(1)
    expect(heardC).not.toHaveBeenCalled()

    // Known and fresh: no second request.
    titles.request(a!.key)
    await settle()
    expect(spy).toHaveBeenCalledTimes(1)
  })

  it('keeps titles on screen across a new result until fresh ones arrive, and drops those of findings gone', async () => {
    const client = new CoreClient(inProcessPort())
    const first = await client.lint(shop, undefined)
    const titles = new FixTitles(() => client)
    titles.setFindings(first.findings)
    const [a, b] = first.findings.filter((f) => f.hasFixes)
    titles.request(a!.key)
    titles.request(b!.key)
    await settle()
    const known = titles.get(a!.key)

    const next = first.findings.filter((f) => f.key !== b!.key)
    titles.setFindings(next)
    expect(titles.get(a!.key)).toBe(known)
    expect(titles.get(b!.key)).toBeUndefined()
    const heard = vi.fn()
    titles.subscribe(a!.key, heard)
    const spy = vi.spyOn(client, 'fixTitles')
    titles.request(a!.key)
    await settle()
    expect(spy).toHaveBeenCalledTimes(1)
    // The same titles came back: nothing to redraw.
    expect(heard).not.toHaveBeenCalled()
  })
})
