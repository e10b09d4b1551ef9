/**
 * The app's IndexedDB database, opened once per thread, and what can go wrong with it in words a
 * person can act on. Private windows, blocked storage and a full disk all surface here as a
 * `StorageError` of a known kind, never as an unexplained exception.
 */

export const databaseName = 'crowsfoot'
const databaseVersion = 1

/** Object stores: project summaries (the list), document texts, and small settings. */
export const stores = { projects: 'projects', documents: 'documents', settings: 'settings' } as const
export type StoreName = (typeof stores)[keyof typeof stores]

export type StorageErrorKind = 'quota' | 'unavailable' | 'failed'

export class StorageError extends Error {
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
  ) {
    super(message)
    this.name = 'StorageError'
  }
}

const messages: Record<StorageErrorKind, string> = {
  quota: "The browser's storage for this site is full, so autosave could not keep the latest changes.",
  unavailable: 'This browser does not let the site store data here (a private window, or storage is blocked), so autosave is off.',
  failed: 'Autosave failed',
}

/** Sorts an exception from IndexedDB into what the person can do about it. */
export function storageError(e: unknown): StorageError {
  if (e instanceof StorageError) return e
  const name = (e as { name?: unknown } | null)?.name
  const text = e instanceof Error || (e && typeof (e as { message?: unknown }).message === 'string') ? String((e as Error).message) : String(e)
  if (name === 'QuotaExceededError' || /quota|disk (is )?full|no space/i.test(text)) return new StorageError('quota', messages.quota)
  if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'NotAllowedError' || name === 'NotFoundError')
    return new StorageError('unavailable', messages.unavailable)
  return new StorageError('failed', `${messages.failed}: ${text || 'unknown error'}.`)
}

/** An open database, or the reason there is none. */
export function openDatabase(factory: IDBFactory | undefined, name = databaseName, timeoutMs = 5000): Promise<IDBDatabase> {
  if (!factory) return Promise.reject(new StorageError('unavailable', messages.unavailable))
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest
    try {
      request = factory.open(name, databaseVersion)
    } catch (e) {
      reject(storageError(e))
      return
    }
    // Another tab with an older version open holds the upgrade up; do not hang the start-up on it.
    const timer = setTimeout(() => reject(new StorageError('unavailable', 'The storage is held by another tab of an older version; close it and reload.')), timeoutMs)
    request.onupgradeneeded = () => {
      const db = request.result
      for (const store of Object.values(stores)) if (!db.objectStoreNames.contains(store)) db.createObjectStore(store)
    }
    request.onsuccess = () => {
      clearTimeout(timer)
      const db = request.result
      // A newer version in another tab wants to upgrade: step aside instead of blocking it.
      db.onversionchange = () => db.close()
      resolve(db)
    }
    request.onerror = () => {
      clearTimeout(timer)
      reject(storageError(request.error))
    }
  })
}

/** The value of one request, as a promise. The transaction stays active while its callbacks run. */
export function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

/**
 * Runs `body` in one transaction and resolves with its result once the transaction has committed:
 * a save is only "saved" when it is durable. A quota failure usually arrives as an abort of the
 * whole transaction, which is why the error of the transaction, not of a request, is reported.
 */
export function transact<T>(db: IDBDatabase, names: readonly StoreName[], mode: IDBTransactionMode, body: (tx: IDBTransaction) => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    let tx: IDBTransaction
    try {
      tx = db.transaction(names as StoreName[], mode)
    } catch (e) {
      reject(storageError(e))
      return
    }
    let result: { value: T } | undefined
    let failure: unknown
    tx.oncomplete = () => (result ? resolve(result.value) : reject(storageError(failure ?? new Error('the transaction ended early'))))
    tx.onabort = () => reject(storageError(tx.error ?? failure ?? new Error('the transaction was aborted')))
    body(tx).then(
      (value) => {
        result = { value }
      },
      (e) => {
        failure = e
        try {
          tx.abort()
        } catch {
          // Already finished: oncomplete or onabort reports it.
        }
      },
    )
  })
}
