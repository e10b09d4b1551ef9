/**
 * Starting the documents layer of a tab: open storage (or learn why it cannot be used), start the
 * storage worker and the tab coordinator, and open the design to show. The first paint waits for
 * this, so the app never flashes the example before the person's own design.
 */
import { defaultExample } from '../examples.ts'
import type { AppStore } from '../store/index.ts'
import { StorageError, storageError } from './idb.ts'
import { persistenceStore } from './persistence-store.ts'
import { ProjectDb } from './project-db.ts'
import { localStore, sessionStore } from './recovery.ts'
import { DocumentSession, setDocumentSession } from './session.ts'
import { storageClient } from './storage-client.ts'
import { TabCoordinator, type ChannelLike, type LockManagerLike } from './tabs.ts'

/** Start-up never waits longer than this for storage; after it the example opens. */
const startTimeoutMs = 8000

export async function startDocuments(store: AppStore): Promise<DocumentSession> {
  const tabId = crypto.randomUUID()
  let db: ProjectDb | undefined
  let problem: StorageError | undefined
  try {
    db = await withTimeout(ProjectDb.open(globalThis.indexedDB), startTimeoutMs)
  } catch (e) {
    problem = storageError(e)
  }
  const locks = (navigator as { locks?: LockManagerLike }).locks
  const channel: ChannelLike | undefined = typeof BroadcastChannel === 'function' ? new BroadcastChannel('crowsfoot') : undefined
  const session = new DocumentSession({
    store,
    state: persistenceStore,
    db,
    ...(problem ? { storageProblem: problem } : {}),
    client: storageClient(),
    tabs: new TabCoordinator(tabId, locks, channel),
    local: localStore(),
    tabStore: sessionStore(),
    tabId,
    url: {
      search: location.search,
      replace: (search) => history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`),
    },
  })
  setDocumentSession(session)
  try {
    await withTimeout(session.start(), startTimeoutMs)
  } catch {
    // Storage hangs (a blocked upgrade, a stuck disk): show something rather than nothing.
    session.abandonStart()
    if (store.getState().document.schema.tables.length === 0) session.openDraft(defaultExample.create())
  }
  window.addEventListener('pagehide', () => session.pageHidden())
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) session.pageShown()
  })
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && !session.autosaver.paused) void session.autosaver.flush()
  })
  return session
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new StorageError('unavailable', 'The browser storage did not answer in time.')), ms)
    promise.then(
      (v) => {
        clearTimeout(timer)
        resolve(v)
      },
      (e) => {
        clearTimeout(timer)
        reject(e)
      },
    )
  })
}
