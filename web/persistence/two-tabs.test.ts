import { afterEach, describe, expect, it } from 'vitest'
import { continueAsCopy, keepMine, loadSaved, takeOver } from './decisions.ts'
import { newFromTemplate } from './project-actions.ts'
import { addTable, closeTabs, crash, openTab, profile, tableNames, until } from './tabs-harness.ts'
import { MemoryStorage } from './test-support.ts'

afterEach(closeTabs)

async function storedProject(p: ReturnType<typeof profile>) {
  const a = await openTab(p)
  addTable(a.store, 'invoices')
  await until(() => a.session.deps.state.getState().status.kind === 'saved' && !!a.store.getState().projectId)
  return a
}

describe('two tabs on one design', () => {
  it('the second tab is told, saves nothing, and may take over after the first saved its changes', async () => {
    const p = profile()
    const a = await storedProject(p)
    const id = a.store.getState().projectId!
    const b = await openTab(p)
    expect(b.store.getState().projectId).toBe(id)
    expect(b.store.getState().dialog).toEqual({ kind: 'tabs', reason: 'open-elsewhere' })
    expect(b.session.autosaver.paused).toBe('open-elsewhere')

    // A keeps editing; its change is still pending when B takes over.
    addTable(a.store, 'payments')
    await takeOver(b.session)
    expect(a.session.autosaver.paused).toBe('taken-over')
    expect(a.store.getState().dialog).toEqual({ kind: 'tabs', reason: 'taken-over' })
    // B carries on from A's last change, and its own edits are stored.
    expect(tableNames(b.store)).toEqual(expect.arrayContaining(['invoices', 'payments']))
    addTable(b.store, 'refunds')
    await until(async () => (await b.db.read(id))!.stored.text.includes('refunds'))
    // A, paused, writes nothing: B's work is not overwritten.
    addTable(a.store, 'ghost')
    await new Promise((r) => setTimeout(r, 60))
    expect((await b.db.read(id))!.stored.text).not.toContain('ghost')
  })

  it('the paused tab can continue in a copy, leaving the original alone', async () => {
    const p = profile()
    const a = await storedProject(p)
    const id = a.store.getState().projectId!
    const b = await openTab(p)
    addTable(b.store, 'mine')
    await continueAsCopy(b.session)
    const copyId = b.store.getState().projectId!
    expect(copyId).not.toBe(id)
    expect((await b.db.read(copyId))!.meta.name).toMatch(/\(copy\)$/)
    expect((await b.db.read(copyId))!.stored.text).toContain('mine')
    expect((await b.db.read(id))!.stored.text).not.toContain('mine')
    // The original is still A's: A goes on saving.
    addTable(a.store, 'theirs')
    await until(async () => (await a.db.read(id))!.stored.text.includes('theirs'))
    expect(a.session.autosaver.paused).toBeUndefined()
  })

  it('without Web Locks the revision check still stops a silent overwrite', async () => {
    const p = profile({ locks: false })
    const a = await storedProject(p)
    const id = a.store.getState().projectId!
    const b = await openTab(p)
    expect(b.session.autosaver.paused).toBeUndefined()
    addTable(b.store, 'from_b')
    await until(async () => (await b.db.read(id))!.stored.text.includes('from_b'))
    // A still builds on the revision it loaded: its write is refused, not made.
    addTable(a.store, 'from_a')
    await until(() => a.session.autosaver.paused === 'changed-elsewhere')
    expect(a.store.getState().dialog).toEqual({ kind: 'tabs', reason: 'changed-elsewhere' })
    expect((await a.db.read(id))!.stored.text).not.toContain('from_a')

    // "Keep mine" writes A's version on purpose; "Load the saved version" in B then shows it.
    await keepMine(a.session)
    expect((await a.db.read(id))!.stored.text).toContain('from_a')
    await loadSaved(b.session)
    expect(tableNames(b.store)).toContain('from_a')
    expect(tableNames(b.store)).not.toContain('from_b')
  })

  it('a design deleted in one tab is not brought back by the other without asking', async () => {
    const p = profile({ locks: false })
    const a = await storedProject(p)
    const id = a.store.getState().projectId!
    await a.db.remove(id)
    addTable(a.store, 'after')
    await until(() => a.session.autosaver.paused === 'deleted-elsewhere')
    expect(await a.db.list()).toEqual([])
    await keepMine(a.session)
    expect((await a.db.read(id))!.stored.text).toContain('after')
  })

  it('a reload reopens the design this tab showed, not the one another tab opened last', async () => {
    const p = profile()
    const tabA = new MemoryStorage()
    const a = await openTab(p, { tabStore: tabA })
    addTable(a.store, 'in_a')
    await until(() => !!a.store.getState().projectId && a.session.deps.state.getState().status.kind === 'saved')
    const b = await openTab(p)
    await continueAsCopy(b.session)
    expect(await b.db.lastOpened()).toBe(b.store.getState().projectId)
    a.session.pageHidden()
    crash(p, a)
    const again = await openTab(p, { tabStore: tabA })
    expect(again.store.getState().projectId).toBe(a.store.getState().projectId)
  })

  it('changes a paused tab could not save are kept as a design of their own when it opens another', async () => {
    const p = profile()
    const a = await storedProject(p)
    const id = a.store.getState().projectId!
    const b = await openTab(p)
    expect(b.session.autosaver.paused).toBe('open-elsewhere')
    addTable(b.store, 'made_while_paused')
    expect(await newFromTemplate(b.session, 'blog')).toBe(true)
    const kept = (await b.db.list()).find((m) => m.name.endsWith('(unsaved changes)'))!
    expect((await b.db.read(kept.id))!.stored.text).toContain('made_while_paused')
    expect((await b.db.read(id))!.stored.text).not.toContain('made_while_paused')
    expect(b.store.getState().notices.map((n) => n.message)).toEqual(expect.arrayContaining([expect.stringMatching(/kept as/)]))
  })
})
