/**
 * What the storage worker does, as plain functions of its state, so tests run them in-process.
 * The worker keeps its own copy of the open design, updated by deltas, and writes the serialized
 * text with the revision check of `ProjectDb.save`.
 */
import type { CrowsfootDocument, Schema } from '@core'
import { emptySchema, parseDocument, serializeDocument } from '@core'
import type { Sync } from '../worker/protocol.ts'
import { applySchemaDelta } from '../worker/schema-delta.ts'
import { storageError } from './idb.ts'
import type { ProjectDb } from './project-db.ts'
import type { SaveReply, StorageRequest } from './storage-protocol.ts'

export class OutOfSync extends Error {}

export class StorageWorkerState {
  private schema: Schema = emptySchema
  private generation = 0
  private db: Promise<ProjectDb> | undefined

  constructor(private readonly openDb: () => Promise<ProjectDb>) {}

  sync(sync: Sync): void {
    if (sync.base !== 0 && sync.base !== this.generation) throw new OutOfSync(`storage worker has ${this.generation}, update is on ${sync.base}`)
    this.schema = applySchemaDelta(sync.base === 0 ? emptySchema : this.schema, sync.delta)
    this.generation = sync.generation
  }

  async save(request: Extract<StorageRequest, { kind: 'save' }>): Promise<SaveReply> {
    this.sync(request.sync)
    const started = performance.now()
    const document = { ...request.meta, schema: this.schema } as CrowsfootDocument
    const text = serializeDocument(document)
    const serializeMs = performance.now() - started
    let db: ProjectDb
    try {
      db = await (this.db ??= this.openDb())
    } catch (e) {
      // Try again on the next save: storage may come back (space freed, another tab closed).
      this.db = undefined
      const error = storageError(e)
      return { ok: false, reason: error.kind, message: error.message }
    }
    const result = await db.save({
      id: request.id,
      text,
      name: document.name,
      tables: document.schema.tables.length,
      base: request.base,
      writer: request.writer,
      ...(request.force ? { force: true } : {}),
    })
    return { ...result, serializeMs }
  }
}

export async function handleStorage(state: StorageWorkerState, request: StorageRequest): Promise<unknown> {
  switch (request.kind) {
    case 'save':
      return state.save(request)
    case 'parse':
      return parseDocument(request.text)
  }
}
