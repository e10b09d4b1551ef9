import { afterEach, describe, expect, it } from 'vitest'
import { parseDocument } from '@core'
import { defaultExample } from '../examples.ts'
import { ProjectDb } from './project-db.ts'
import type { SaveReply } from './storage-protocol.ts'
import { addTable, closeTabs, crash, openTab, profile, tableNames, until } from './tabs-harness.ts'

afterEach(closeTabs)

describe('autosave', () => {
  it('opens the example as a draft, and stores it as a project on the first change', async () => {
    const p = profile()
    const { store, session, db } = await openTab(p)
    expect(store.getState().document.name).toBe(defaultExample.name)
    expect(await db.list()).toEqual([])
    addTable(store, 'invoices')
    await until(async () => (await db.list()).length === 1)
    const [meta] = await db.list()
    expect(store.getState().projectId).toBe(meta!.id)
    const stored = await db.read(meta!.id)
    const parsed = parseDocument(stored!.stored.text)
    expect(parsed.ok && parsed.document.schema.tables.map((t) => t.name)).toContain('invoices')
    expect(await db.lastOpened()).toBe(meta!.id)
    expect(session.deps.state.getState().status.kind).toBe('saved')
  })

  it('writes once for a burst of edits, then again for later ones', async () => {
    const p = profile()
    const saves: number[] = []
    const { store, db } = await openTab(p, {
      save: (client) => async (input) => {
        saves.push(input.document.schema.tables.length)
        return client.save(input)
      },
    })
    for (const n of ['a', 'b', 'c']) addTable(store, n)
    await until(() => saves.length === 1)
    addTable(store, 'd')
    await until(() => saves.length === 2)
    expect(saves[1]! - saves[0]!).toBe(1)
    const id = store.getState().projectId!
    expect((await db.read(id))?.stored.revision).toBe(2)
  })
  it('writes one after another when a rename flushes while a save is on its way (never a conflict with itself)', async () => {
    const p = profile()
    const { store, session } = await openTab(p, {
      save: (client) => async (input) => {
        await new Promise((r) => setTimeout(r, 30))
        return client.save(input)
      },
    })
    addTable(store, 'a')
    const first = session.autosaver.flush()
    addTable(store, 'b')
    const racing = [session.autosaver.flush(), session.autosaver.flush()]
    addTable(store, 'c')
    racing.push(session.autosaver.flush())
    await Promise.all([first, ...racing])
    expect(session.deps.state.getState().status.kind).toBe('saved')
    expect(session.autosaver.dirty).toBe(false)
  })
  it('a start that gave up waiting never opens anything over what the person began editing', async () => {
    const p = profile()
    const earlier = await openTab(p)
    addTable(earlier.store, 'stored_earlier')
    await until(async () => (await earlier.db.list()).length === 1)
    closeTabs()
    const db = await ProjectDb.open(p.factory)
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const slow = Object.assign(Object.create(db) as ProjectDb, {
      lastOpened: async () => {
        await gate
        return db.lastOpened()
      },
    })
    const { store, session, starting } = await openTab(p, { db: slow, start: false })
    session.abandonStart()
    session.openDraft(defaultExample.create())
    addTable(store, 'typed_meanwhile')
    release()
    await starting
    expect(tableNames(store)).toContain('typed_meanwhile')
    expect(tableNames(store)).not.toContain('stored_earlier')
  })
})

describe('recovery', () => {
  it('reopens the last design on the next visit', async () => {
    const p = profile()
    const first = await openTab(p)
    addTable(first.store, 'invoices')
    await until(() => first.session.deps.state.getState().status.kind === 'saved' && !!first.store.getState().projectId)
    first.session.pageHidden()
    crash(p, first)
    const second = await openTab(p)
    expect(second.store.getState().projectId).toBe(first.store.getState().projectId)
    expect(tableNames(second.store)).toContain('invoices')
    expect(second.store.getState().notices).toEqual([])
  })

  it('puts back changes a closing tab could not store in time, with a notice', async () => {
    const p = profile()
    let stall = false
    const first = await openTab(p, { save: (client) => (input) => (stall ? new Promise<SaveReply>(() => {}) : client.save(input)) })
    addTable(first.store, 'invoices')
    await until(() => !!first.store.getState().projectId)
    stall = true
    addTable(first.store, 'payments')
    // The tab closes before the debounced write: the write never finishes.
    first.session.pageHidden()
    crash(p, first)
    const second = await openTab(p)
    expect(tableNames(second.store)).toEqual(expect.arrayContaining(['invoices', 'payments']))
    expect(second.store.getState().notices.map((n) => n.message)).toEqual([expect.stringMatching(/Recovered the last changes/)])
    // The recovered state is stored again, so a third visit needs no rescue.
    await until(async () => {
      const read = await second.db.read(second.store.getState().projectId!)
      return read?.stored.text.includes('payments') ?? false
    })
  })

  it('keeps an example changed and closed at once as a project', async () => {
    const p = profile()
    const first = await openTab(p, { save: () => () => new Promise<SaveReply>(() => {}) })
    addTable(first.store, 'invoices')
    first.session.pageHidden()
    crash(p, first)
    const second = await openTab(p)
    expect(tableNames(second.store)).toContain('invoices')
    expect(second.store.getState().projectId).toBeDefined()
  })

  it('says so after a crash, and shows what was stored last', async () => {
    const p = profile()
    const first = await openTab(p)
    addTable(first.store, 'invoices')
    await until(() => first.session.deps.state.getState().status.kind === 'saved' && !!first.store.getState().projectId)
    crash(p, first)
    const second = await openTab(p)
    expect(tableNames(second.store)).toContain('invoices')
    expect(second.store.getState().notices.map((n) => n.message)).toEqual([expect.stringMatching(/closed unexpectedly/)])
  })
})
