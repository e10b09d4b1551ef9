import { IDBFactory, IDBObjectStore } from 'fake-indexeddb'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ProjectDb, newProjectId } from './project-db.ts'

const open = () => ProjectDb.open(new IDBFactory())
const input = (id: string, base: number, text = `{"v":${base}}`, writer = 'tab-a') => ({ id, text, name: 'Shop', tables: 3, base, writer })

afterEach(() => {
  vi.restoreAllMocks()
})

describe('project database', () => {
  it('saves a new project and reads it back with its summary', async () => {
    const db = await open()
    const id = newProjectId()
    const saved = await db.save(input(id, 0, 'first'))
    expect(saved).toEqual({ ok: true, revision: 1, savedAt: expect.any(Number) })
    const read = await db.read(id)
    expect(read?.stored).toMatchObject({ text: 'first', revision: 1, writer: 'tab-a' })
    expect(read?.meta).toMatchObject({ id, name: 'Shop', tables: 3, revision: 1 })
    expect(await db.read('p_missing')).toBeUndefined()
  })

  it('refuses a write based on an old revision and says who wrote since', async () => {
    const db = await open()
    const id = newProjectId()
    await db.save(input(id, 0, 'a1'))
    expect(await db.save(input(id, 1, 'b2', 'tab-b'))).toMatchObject({ ok: true, revision: 2 })
    // Tab A still thinks revision 1 is the latest.
    const late = await db.save(input(id, 1, 'a2', 'tab-a'))
    expect(late).toEqual({ ok: false, reason: 'conflict', stored: { revision: 2, writer: 'tab-b', savedAt: expect.any(Number) } })
    expect((await db.read(id))?.stored.text).toBe('b2')
    // "Keep mine": a forced write goes through and moves the revision on.
    expect(await db.save({ ...input(id, 1, 'a2', 'tab-a'), force: true })).toMatchObject({ ok: true, revision: 3 })
    expect((await db.read(id))?.stored).toMatchObject({ text: 'a2', writer: 'tab-a' })
  })

  it('tells a writer that its project was deleted elsewhere instead of bringing it back', async () => {
    const db = await open()
    const id = newProjectId()
    await db.save(input(id, 0))
    await db.remove(id)
    expect(await db.save(input(id, 1))).toEqual({ ok: false, reason: 'deleted' })
    expect(await db.list()).toEqual([])
  })

  it('lists the last opened first, renames, duplicates and deletes', async () => {
    const db = await open()
    const [a, b] = [newProjectId(), newProjectId()]
    await db.save({ ...input(a, 0), name: 'Alpha' })
    await db.save({ ...input(b, 0), name: 'Beta' })
    await db.touch(a)
    expect((await db.list()).map((p) => p.name)).toEqual(['Alpha', 'Beta'])
    expect(await db.lastOpened()).toBe(a)

    await db.rename(b, 'Beta two')
    const copy = await db.duplicate(a, 'Alpha copy', 'tab-a')
    expect((await db.list()).map((p) => p.name)).toEqual(['Alpha', 'Alpha copy', 'Beta two'])
    expect((await db.read(copy.id))?.stored).toMatchObject({ text: (await db.read(a))?.stored.text, revision: 1 })

    await db.remove(a)
    expect((await db.list()).map((p) => p.name)).toEqual(['Alpha copy', 'Beta two'])
    // The removed project is no longer the one to open on the next start.
    expect(await db.lastOpened()).toBeUndefined()
    await expect(db.rename(a, 'x')).rejects.toThrow(/no longer stored/)
  })

  it('keeps the projects across connections (the next visit)', async () => {
    const factory = new IDBFactory()
    const first = await ProjectDb.open(factory)
    const id = newProjectId()
    await first.save(input(id, 0, 'kept'))
    first.close()
    const second = await ProjectDb.open(factory)
    expect((await second.read(id))?.stored.text).toBe('kept')
  })

  it('reports a full disk as a quota problem and keeps the last good version', async () => {
    const db = await open()
    const id = newProjectId()
    await db.save(input(id, 0, 'good'))
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    const result = await db.save(input(id, 1, 'too big'))
    expect(result).toEqual({ ok: false, reason: 'quota', message: expect.stringMatching(/storage .* is full/) })
    vi.restoreAllMocks()
    expect((await db.read(id))?.stored).toMatchObject({ text: 'good', revision: 1 })
  })

  it('says storage is unavailable when there is no IndexedDB or it refuses to open', async () => {
    await expect(ProjectDb.open(undefined)).rejects.toMatchObject({ kind: 'unavailable' })
    const refusing = { open: () => { throw new DOMException('The operation is insecure.', 'SecurityError') } } as unknown as IDBFactory
    await expect(ProjectDb.open(refusing)).rejects.toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/private window/) })
  })
})
