/**
 * Autosave: every change of the open design is written to IndexedDB after a short pause in the
 * typing (and at least every `maxWaitMs` while changes keep coming), one write at a time. The
 * main thread only posts a delta; the storage worker serializes and writes. A write that finds
 * another tab's revision in storage is not made: the autosaver pauses and asks the person.
 */
import type { CrowsfootDocument } from '@core'
import { assertNever } from '@core'
import type { AppStore } from '../store/index.ts'
import type { Dialog } from '../store/ui-slice.ts'
import type { StorageErrorKind } from './idb.ts'
import { newProjectId } from './project-db.ts'
import type { SaveRequestInput } from './storage-client.ts'
import type { SaveReply } from './storage-protocol.ts'

/** Why saving stopped until the person decides (the dialog that asks them says the same). */
export type PauseReason = Extract<Dialog, { kind: 'tabs' }>['reason']

export type SaveStatus =
  | { readonly kind: 'draft' }
  | { readonly kind: 'saved'; readonly at: number }
  | { readonly kind: 'pending' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'paused'; readonly reason: PauseReason }
  | { readonly kind: 'failed'; readonly error: StorageErrorKind; readonly message: string }

export interface AutosaverOptions {
  readonly store: AppStore
  readonly save: (input: SaveRequestInput) => Promise<SaveReply>
  readonly writer: string
  readonly debounceMs?: number
  readonly maxWaitMs?: number
  readonly onStatus?: (status: SaveStatus) => void
  /** A draft (an example, a template not yet changed) was stored for the first time. */
  readonly onCreated?: (projectId: string) => void
  readonly onSaved?: (projectId: string, revision: number, serializeMs: number | undefined) => void
  readonly onPaused?: (reason: PauseReason) => void
  readonly onFailed?: (error: StorageErrorKind, message: string) => void
}

export class Autosaver {
  private projectId: string | undefined
  /** The stored revision `saved` is; the next write is based on it. */
  private base = 0
  /** The document as last stored (by reference: an edit always makes a new object). */
  private saved: CrowsfootDocument | undefined
  private pausedFor: PauseReason | undefined
  private timer: ReturnType<typeof setTimeout> | undefined
  private pendingSince: number | undefined
  private inFlight: Promise<void> | undefined
  private status: SaveStatus = { kind: 'draft' }
  private gate: Promise<void> = Promise.resolve()
  private readonly unsubscribe: () => void

  constructor(private readonly options: AutosaverOptions) {
    this.unsubscribe = options.store.subscribe((state, previous) => {
      if (state.document !== previous.document) this.changed()
    })
  }

  /** Starts tracking an opened document: a stored project (`projectId`, `revision`) or a draft. */
  attach(projectId: string | undefined, revision: number): void {
    this.clearTimer()
    this.projectId = projectId
    this.base = revision
    this.saved = this.options.store.getState().document
    this.pausedFor = undefined
    this.gate = Promise.resolve()
    this.setStatus(projectId ? { kind: 'saved', at: Date.now() } : { kind: 'draft' })
  }

  /** Nothing is written until `gate` settles (the tab is still waiting for the design's lock). */
  hold(gate: Promise<unknown>): void {
    this.gate = gate.then(
      () => {},
      () => {},
    )
  }

  /** The open document counts as not stored (a new design that must be written at once). */
  markUnsaved(): void {
    this.saved = undefined
  }

  get currentProjectId(): string | undefined {
    return this.projectId
  }

  get revision(): number {
    return this.base
  }

  get paused(): PauseReason | undefined {
    return this.pausedFor
  }

  /** Whether the open design has changes that are not stored. */
  get dirty(): boolean {
    return this.options.store.getState().document !== this.saved
  }

  pause(reason: PauseReason): void {
    this.clearTimer()
    this.pausedFor = reason
    this.setStatus({ kind: 'paused', reason })
    this.options.onPaused?.(reason)
  }

  /** Saving goes on, from `revision` (the stored revision the person chose to build on). */
  resume(revision: number): void {
    this.pausedFor = undefined
    this.base = revision
    this.setStatus(this.dirty ? { kind: 'pending' } : { kind: 'saved', at: Date.now() })
    if (this.dirty) this.schedule()
  }

  /**
   * Writes pending changes now. Resolves true when the design is stored as it is. `force` writes
   * over another tab's revision (the person chose "Keep mine").
   */
  async flush(force = false): Promise<boolean> {
    this.clearTimer()
    while (this.inFlight) await this.inFlight
    await this.gate
    if (this.pausedFor && !force) return false
    const document = this.options.store.getState().document
    if (document === this.saved) {
      if (this.projectId) this.setStatus({ kind: 'saved', at: Date.now() })
      return true
    }
    this.inFlight = this.write(document, force)
    await this.inFlight
    this.inFlight = undefined
    if (this.dirty && !this.pausedFor && this.status.kind !== 'failed') this.schedule()
    return !this.dirty
  }

  dispose(): void {
    this.clearTimer()
    this.unsubscribe()
  }

  private async write(document: CrowsfootDocument, force: boolean): Promise<void> {
    const creating = this.projectId === undefined
    const id = this.projectId ?? newProjectId()
    this.setStatus({ kind: 'saving' })
    let reply: SaveReply
    try {
      reply = await this.options.save({ document, id, base: creating ? 0 : this.base, writer: this.options.writer, ...(force ? { force: true } : {}) })
    } catch (e) {
      reply = { ok: false, reason: 'failed', message: `Autosave failed: ${e instanceof Error ? e.message : String(e)}` }
    }
    if (reply.ok) {
      this.base = reply.revision
      this.saved = document
      this.pausedFor = undefined
      if (creating) {
        this.projectId = id
        this.options.store.getState().assignProject(id)
        this.options.onCreated?.(id)
      }
      this.setStatus(this.dirty ? { kind: 'pending' } : { kind: 'saved', at: reply.savedAt })
      this.options.onSaved?.(id, reply.revision, reply.serializeMs)
      return
    }
    switch (reply.reason) {
      case 'conflict':
        this.pause('changed-elsewhere')
        return
      case 'deleted':
        this.pause('deleted-elsewhere')
        return
      case 'quota':
      case 'unavailable':
      case 'failed':
        this.setStatus({ kind: 'failed', error: reply.reason, message: reply.message })
        this.options.onFailed?.(reply.reason, reply.message)
        return
      default:
        assertNever(reply, 'save reply')
    }
  }

  private changed(): void {
    if (this.pausedFor) return
    if (!this.dirty) {
      // Undo back to what is stored: nothing to write.
      if (!this.inFlight && this.projectId) this.setStatus({ kind: 'saved', at: Date.now() })
      return
    }
    if (this.status.kind !== 'saving' && this.status.kind !== 'failed') this.setStatus({ kind: 'pending' })
    this.schedule()
  }

  private schedule(): void {
    const { debounceMs = 500, maxWaitMs = 2000 } = this.options
    const now = Date.now()
    this.pendingSince ??= now
    // Typing keeps pushing the write back, but never further than maxWaitMs from the first change.
    const delay = Math.max(0, Math.min(debounceMs, this.pendingSince + maxWaitMs - now))
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.pendingSince = undefined
      void this.flush()
    }, delay)
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = undefined
    this.pendingSince = undefined
  }

  private setStatus(status: SaveStatus): void {
    this.status = status
    this.options.onStatus?.(status)
  }
}
