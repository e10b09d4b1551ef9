/** Tabs of one browser profile for the documents layer's tests. */
import { IDBFactory } from 'fake-indexeddb'
import type { TableId } from '@core'
import { newTable } from '../commands/add-table.ts'
import { createAppStore } from '../store/index.ts'
import { createPersistenceStore } from './persistence-store.ts'
import type { StorageError } from './idb.ts'
import { ProjectDb } from './project-db.ts'
import { DocumentSession } from './session.ts'
import { StorageClient, inProcessStoragePort } from './storage-client.ts'
import { FakeLocks, MemoryStorage, channel } from './test-support.ts'
import { TabCoordinator } from './tabs.ts'

/** One browser profile: its IndexedDB, localStorage and locks, shared by the tabs of a test. */
export function profile(options: { locks?: boolean } = {}) {
  return { factory: new IDBFactory(), local: new MemoryStorage(), locks: options.locks === false ? undefined : new FakeLocks(), channel: `cf-${crypto.randomUUID()}` }
}
export type Profile = ReturnType<typeof profile>

const sessions: DocumentSession[] = []
/** Closes every tab a test opened (call from afterEach). */
export function closeTabs(): void {
  for (const s of sessions.splice(0)) {
    s.autosaver.dispose()
    s.deps.tabs.close()
  }
}

export async function openTab(p: Profile, options: { search?: string; save?: (client: StorageClient) => StorageClient['save']; db?: ProjectDb; noDb?: StorageError; tabStore?: MemoryStorage; start?: boolean } = {}) {
  const store = createAppStore()
  const db = options.noDb ? undefined : (options.db ?? (await ProjectDb.open(p.factory)))
  const client = new StorageClient(inProcessStoragePort(() => (options.noDb ? ProjectDb.open(undefined) : ProjectDb.open(p.factory))))
  const tabId = crypto.randomUUID()
  const session = new DocumentSession({
    store,
    state: createPersistenceStore(),
    db,
    ...(options.noDb ? { storageProblem: options.noDb } : {}),
    client: { save: options.save ? options.save(client) : (i) => client.save(i), parse: (t) => client.parse(t) },
    tabs: new TabCoordinator(tabId, p.locks, channel(p.channel)),
    local: p.local,
    tabStore: options.tabStore ?? new MemoryStorage(),
    tabId,
    url: { search: options.search ?? '', replace: () => {} },
    debounceMs: 10,
    claimWaitMs: 50,
  })
  sessions.push(session)
  if (options.start === false) return { store, session, db: db!, tabId, starting: session.start() }
  await session.start()
  await session.whenClaimed()
  return { store, session, db: db!, tabId, starting: Promise.resolve() }
}

export const addTable = (store: ReturnType<typeof createAppStore>, name: string) =>
  store.getState().editSchema('Add table', (s) => {
    const id = `tb_${name}` as TableId
    const withTable = newTable(s, id)
    return { ...withTable, tables: withTable.tables.map((t) => (t.id === id ? { ...t, name } : t)) }
  })
export const tableNames = (store: ReturnType<typeof createAppStore>) => store.getState().document.schema.tables.map((t) => t.name)
export const until = async (check: () => boolean | Promise<boolean>, ms = 2000) => {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 5))
  }
}
/** A tab that is gone without running any code (a crash): its locks go, nothing else happens. */
export const crash = (p: Profile, tab: { session: DocumentSession; tabId: string }) => {
  tab.session.autosaver.dispose()
  p.locks?.dropAll((name) => name.endsWith(tab.tabId) || name.includes(tab.session.autosaver.currentProjectId ?? '-'))
}

