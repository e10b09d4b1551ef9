/// <reference lib="webworker" />
/** The storage worker: serializes the design and writes it to IndexedDB off the main thread. */
import { ProjectDb } from './project-db.ts'
import { OutOfSync, StorageWorkerState, handleStorage } from './storage-handlers.ts'
import type { StorageIn, StorageOut } from './storage-protocol.ts'

const state = new StorageWorkerState(() => ProjectDb.open(self.indexedDB))
const scope = self as unknown as DedicatedWorkerGlobalScope

// One request at a time, in order: a save must never overtake the one before it.
let queue: Promise<void> = Promise.resolve()
scope.onmessage = (event: MessageEvent<StorageIn>) => {
  const { id, request } = event.data
  queue = queue.then(async () => {
    let reply: StorageOut
    try {
      reply = { id, ok: true, value: await handleStorage(state, request) }
    } catch (e) {
      reply = { id, ok: false, error: e instanceof Error ? e.message : String(e), ...(e instanceof OutOfSync ? { outOfSync: true } : {}) }
    }
    scope.postMessage(reply)
  })
}
