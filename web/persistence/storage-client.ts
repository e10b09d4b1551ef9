/**
 * The app's side of the storage worker. Like the core client it sends the design as deltas; a
 * worker that lost track (restarted, or a request failed half-way) gets the whole design once.
 * Where no Worker can start, the same handlers run in this thread behind the same interface.
 */
import type { CrowsfootDocument, Schema } from '@core'
import type { Sync } from '../worker/protocol.ts'
import { diffSchemaObjects } from '../worker/schema-delta.ts'
import { ProjectDb } from './project-db.ts'
import { OutOfSync, StorageWorkerState, handleStorage } from './storage-handlers.ts'
import type { StorageIn, StorageOut, StorageRequest, StorageResponseOf } from './storage-protocol.ts'

export interface StoragePort {
  postMessage(message: StorageIn): void
  onmessage: ((event: MessageEvent<StorageOut>) => void) | null
  terminate?(): void
}

/** The handlers in this thread, one request at a time, answering asynchronously like the worker. */
export function inProcessStoragePort(openDb: () => Promise<ProjectDb> = () => ProjectDb.open()): StoragePort {
  const state = new StorageWorkerState(openDb)
  let queue: Promise<void> = Promise.resolve()
  const port: StoragePort = {
    onmessage: null,
    postMessage({ id, request }) {
      queue = queue.then(async () => {
        let reply: StorageOut
        try {
          reply = { id, ok: true, value: await handleStorage(state, request) }
        } catch (e) {
          reply = { id, ok: false, error: e instanceof Error ? e.message : String(e), ...(e instanceof OutOfSync ? { outOfSync: true } : {}) }
        }
        port.onmessage?.({ data: reply } as MessageEvent<StorageOut>)
      })
    },
  }
  return port
}

export interface SaveRequestInput {
  readonly document: CrowsfootDocument
  readonly id: string
  readonly base: number
  readonly writer: string
  readonly force?: boolean
}

class OutOfSyncError extends Error {}

export class StorageClient {
  private nextId = 1
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  private sent: Schema | undefined
  private generation = 0

  constructor(private readonly port: StoragePort) {
    port.onmessage = (event) => {
      const reply = event.data
      const waiting = this.pending.get(reply.id)
      if (!waiting) return
      this.pending.delete(reply.id)
      if (reply.ok) waiting.resolve(reply.value)
      else waiting.reject(reply.outOfSync ? new OutOfSyncError(reply.error) : new Error(reply.error))
    }
  }

  async save(input: SaveRequestInput) {
    const { schema, ...meta } = input.document
    const build = (sync: Sync) => ({ kind: 'save', sync, meta, id: input.id, base: input.base, writer: input.writer, ...(input.force ? { force: true } : {}) }) as const
    try {
      return await this.send(build(this.nextSync(schema)))
    } catch (e) {
      if (!(e instanceof OutOfSyncError)) throw e
      this.sent = undefined
      return this.send(build(this.nextSync(schema)))
    }
  }

  /** Reads a document text through the validating loader, off the main thread. */
  parse(text: string) {
    return this.send({ kind: 'parse', text })
  }

  dispose(): void {
    this.port.terminate?.()
    for (const p of this.pending.values()) p.reject(new Error('The storage worker was stopped.'))
    this.pending.clear()
  }

  private nextSync(schema: Schema): Sync {
    const base = this.sent === undefined ? 0 : this.generation
    const delta = diffSchemaObjects(this.sent, schema)
    this.sent = schema
    this.generation++
    return { base, generation: this.generation, delta }
  }

  private send<R extends StorageRequest>(request: R): Promise<StorageResponseOf<R>> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
      this.port.postMessage({ id, request })
    })
  }
}

let shared: StorageClient | undefined

/** The app's one storage worker, started on first use. */
export function storageClient(): StorageClient {
  if (shared) return shared
  let port: StoragePort
  try {
    port = new Worker(new URL('./storage.worker.ts', import.meta.url), { type: 'module', name: 'crowsfoot-storage' }) as unknown as StoragePort
  } catch {
    port = inProcessStoragePort()
  }
  return (shared = new StorageClient(port))
}
