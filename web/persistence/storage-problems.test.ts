import { afterEach, describe, expect, it } from 'vitest'
import { StorageError } from './idb.ts'
import { addTable, closeTabs, openTab, profile, until } from './tabs-harness.ts'

afterEach(closeTabs)

describe('storage problems are reported and work goes on', () => {
  it('a full disk: a notice that offers saving to a file, and the design stays as it is', async () => {
    const p = profile()
    const tab = await openTab(p, { save: () => async () => ({ ok: false, reason: 'quota', message: 'The storage is full.' }) })
    addTable(tab.store, 'invoices')
    await until(() => tab.session.deps.state.getState().status.kind === 'failed')
    const [notice] = tab.store.getState().notices
    expect(notice).toMatchObject({ tone: 'warning', sticky: true, action: { label: 'Save to file' } })
    expect(notice!.message).toMatch(/Save your work to a file/)
    expect(tab.store.getState().document.schema.tables.some((t) => t.name === 'invoices')).toBe(true)
    expect(tab.session.deps.state.getState().storageProblem?.kind).toBe('quota')
  })

  it('no storage at all (a private window): the example opens, a notice says autosave is off', async () => {
    const p = profile()
    const { ProjectDb } = await import('./project-db.ts')
    const problem = await ProjectDb.open(undefined).catch((e: StorageError) => e)
    expect(problem).toBeInstanceOf(StorageError)
    const tab = await openTab(p, { db: undefined, noDb: problem as StorageError })
    expect(tab.store.getState().document.schema.tables.length).toBeGreaterThan(0)
    expect(tab.store.getState().notices.map((n) => n.message)).toEqual([expect.stringMatching(/private window.*autosave is off.*Save your work to a file/)])
    // Edits still work; saving reports the problem instead of throwing.
    addTable(tab.store, 'invoices')
    await until(() => tab.session.deps.state.getState().status.kind === 'failed')
  })
})
