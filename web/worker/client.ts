/**
 * The app's side of the core worker. It sends the design as deltas (only tables whose object
 * changed since the last send) and matches answers to requests by id. Where no Worker can start
 * (a test, an unusual browser), the same handlers run in-process behind the same interface.
 */
import type { CrowsfootDocument, LintConfig, Schema } from '@core'
import type { DiffQuery, DiffSide } from './diff.ts'
import type { LayoutGraph } from '../canvas/auto-layout.ts'
import { CoreWorkerState, OutOfSync, handle } from './handlers.ts'
import type { Request, ResponseOf, Sync, WorkerIn, WorkerOut } from './protocol.ts'
import { diffSchemaObjects } from './schema-delta.ts'

/** The part of a Worker the client uses, so tests can pass an in-process stand-in. */
export interface WorkerPort {
  postMessage(message: WorkerIn): void
  onmessage: ((event: MessageEvent<WorkerOut>) => void) | null
  terminate?(): void
}

/** Runs the handlers in this thread, answering asynchronously like a real worker would. */
export function inProcessPort(): WorkerPort {
  const state = new CoreWorkerState()
  const port: WorkerPort = {
    onmessage: null,
    postMessage({ id, request }) {
      void (async () => {
        let reply: WorkerOut
        try {
          reply = { id, ok: true, value: await handle(state, request) }
        } catch (e) {
          reply = { id, ok: false, error: e instanceof Error ? e.message : String(e), ...(e instanceof OutOfSync ? { outOfSync: true } : {}) }
        }
        port.onmessage?.({ data: reply } as MessageEvent<WorkerOut>)
      })()
    },
  }
  return port
}

export class CoreClient {
  private nextId = 1
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; outOfSync: () => void }>()
  private sent: Schema | undefined
  private generation = 0
  // Saved versions are immutable objects: one key per object, sent to the worker once.
  private schemaKeys = new WeakMap<Schema, number>()
  private sentSchemas = new Set<number>()
  private nextSchemaKey = 1

  constructor(private readonly port: WorkerPort) {
    port.onmessage = (event) => {
      const reply = event.data
      const waiting = this.pending.get(reply.id)
      if (!waiting) return
      this.pending.delete(reply.id)
      if (reply.ok) waiting.resolve(reply.value)
      else if (reply.outOfSync) waiting.outOfSync()
      else waiting.reject(new Error(reply.error))
    }
  }

  lint(schema: Schema, config: LintConfig | undefined) {
    return this.withSync(schema, (sync) => ({ kind: 'lint', sync, config }) as const)
  }

  export(schema: Schema, target: string, document?: Omit<CrowsfootDocument, 'schema'>) {
    return this.withSync(schema, (sync) => ({ kind: 'export', sync, target, ...(document ? { document } : {}) }) as const)
  }

  /** Parses a text; given `previous` (the design it replaces), re-imported objects keep their ids. */
  import(format: string, text: string, fileName?: string, previous?: Schema) {
    const base = { kind: 'import', format, text, ...(fileName ? { fileName } : {}) } as const
    if (!previous) return this.send(base)
    return this.withSync(previous, (sync) => ({ ...base, sync }))
  }

  /**
   * The migration from `base` to `target`, each the open design (`'current'`) or another schema
   * (a saved version, a file): those are sent once and kept in the worker by key.
   */
  async diff(current: Schema, base: Schema | 'current', target: Schema | 'current', options: DiffOptions) {
    const build = (sync: Sync) => ({ kind: 'diff', sync, query: { ...options, base: this.side(base), target: this.side(target) } }) as const
    try {
      return await this.send(build(this.nextSync(current)))
    } catch (e) {
      if (!(e instanceof OutOfSyncError)) throw e
      this.sent = undefined
      this.sentSchemas.clear()
      return this.send(build(this.nextSync(current)))
    }
  }

  private side(s: Schema | 'current'): DiffSide {
    if (s === 'current') return { kind: 'current' }
    let key = this.schemaKeys.get(s)
    if (key === undefined) this.schemaKeys.set(s, (key = this.nextSchemaKey++))
    if (this.sentSchemas.has(key)) return { kind: 'stored', key }
    this.sentSchemas.add(key)
    return { kind: 'stored', key, schema: s }
  }

  /** The code panel's text as a delta on `current` (see the `parseText` request). */
  parseText(format: string, text: string, current: Schema, baseText?: string) {
    return this.withSync(current, (sync) => ({ kind: 'parseText', format, text, sync, ...(baseText === undefined ? {} : { baseText }) }) as const)
  }

  /** New positions for the tables that are not pinned (ELK, in the worker). */
  layout(graph: LayoutGraph) {
    return this.send({ kind: 'layout', graph })
  }

  fixTitles(keys: readonly string[]) {
    return this.send({ kind: 'fixTitles', keys })
  }

  /** The fix of the last lint run, as a delta on the schema that run saw. */
  applyFix(key: string, index: number) {
    return this.send({ kind: 'applyFix', key, index })
  }

  /** The first fix of each finding of the last lint run, applied together; refused when they conflict. */
  applyFixes(keys: readonly string[]) {
    return this.send({ kind: 'applyFixes', keys })
  }

  dispose(): void {
    this.port.terminate?.()
    for (const p of this.pending.values()) p.reject(new Error('The worker was stopped.'))
    this.pending.clear()
  }

  private nextSync(schema: Schema): Sync {
    const base = this.sent === undefined ? 0 : this.generation
    const delta = diffSchemaObjects(this.sent, schema)
    this.sent = schema
    this.generation++
    return { base, generation: this.generation, delta }
  }

  private async withSync<R extends Request>(schema: Schema, build: (sync: Sync) => R): Promise<ResponseOf<R>> {
    try {
      return await this.send(build(this.nextSync(schema)))
    } catch (e) {
      if (!(e instanceof OutOfSyncError)) throw e
      // The worker lost track (restarted, or a request failed mid-way): send the whole design once.
      this.sent = undefined
      return this.send(build(this.nextSync(schema)))
    }
  }

  private send<R extends Request>(request: R): Promise<ResponseOf<R>> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        resolve: resolve as (v: unknown) => void,
        reject,
        outOfSync: () => reject(new OutOfSyncError()),
      })
      this.port.postMessage({ id, request })
    })
  }
}

class OutOfSyncError extends Error {}

export type DiffOptions = Omit<DiffQuery, 'base' | 'target'>

let shared: CoreClient | undefined

/** The app's one worker, started on first use. */
export function coreClient(): CoreClient {
  if (shared) return shared
  let port: WorkerPort
  try {
    port = new Worker(new URL('./core.worker.ts', import.meta.url), { type: 'module', name: 'crowsfoot-core' }) as unknown as WorkerPort
  } catch {
    port = inProcessPort()
  }
  return (shared = new CoreClient(port))
}
