/**
 * The documents of this tab: which design is open, where it is stored, and what happens on start,
 * on switching designs and when the tab goes away. Components call the functions of
 * `documentSession()`; the store only ever sees `openDocument` and ordinary edits.
 */
import type { CrowsfootDocument } from '@core'
import { serializeDocument } from '@core'
import { defaultExample, exampleIdFromUrl, examples } from '../examples.ts'
import type { AppStore } from '../store/index.ts'
import { Autosaver, type PauseReason } from './autosave.ts'
import type { StorageError } from './idb.ts'
import type { PersistenceStore } from './persistence-store.ts'
import { newProjectId, type ProjectDb } from './project-db.ts'
import { markTabClosed, markTabOpen, recover, recoveryNotices, writeRescue, type RecoveryEvent, type SyncStorage } from './recovery.ts'
import type { SaveRequestInput, StorageClient } from './storage-client.ts'
import type { SaveReply } from './storage-protocol.ts'
import type { TabCoordinator } from './tabs.ts'
import { saveToFile } from './files.ts'
import { describeProblem } from './messages.ts'

export interface SessionDeps {
  readonly store: AppStore
  readonly state: PersistenceStore
  /** Undefined when storage cannot be used; `storageProblem` says why. */
  readonly db: ProjectDb | undefined
  readonly storageProblem?: StorageError
  readonly client: Pick<StorageClient, 'save' | 'parse'>
  readonly tabs: TabCoordinator
  readonly local: SyncStorage | undefined
  /** sessionStorage: which design this tab shows, so a reload reopens it (not another tab's). */
  readonly tabStore?: SyncStorage | undefined
  readonly tabId: string
  /** The page address: `?example=` is read from it and dropped once the example is stored. */
  readonly url?: { readonly search: string; replace(search: string): void }
  readonly debounceMs?: number
  /** How long to wait for the design's lock from a tab that is going away (a reload). */
  readonly claimWaitMs?: number
}

const tabProjectKey = 'crowsfoot:project'

export class DocumentSession {
  readonly autosaver: Autosaver
  private claimed: Promise<void> = Promise.resolve()
  private startAbandoned = false
  private readonly reported = new Set<StorageError['kind']>()

  /** Where this tab cannot use storage, the worker is not asked either: one answer for both. */
  private readonly save = (input: SaveRequestInput): Promise<SaveReply> =>
    this.deps.db
      ? this.deps.client.save(input)
      : Promise.resolve({ ok: false, reason: this.deps.storageProblem?.kind ?? 'unavailable', message: this.deps.storageProblem?.message ?? 'Storage is not available.' })

  constructor(readonly deps: SessionDeps) {
    const { store, state } = deps
    this.autosaver = new Autosaver({
      store,
      save: (input) => this.save(input),
      writer: deps.tabId,
      ...(deps.debounceMs !== undefined ? { debounceMs: deps.debounceMs } : {}),
      onStatus: (status) => state.setState({ status }),
      onCreated: (id) => void this.created(id),
      onSaved: (id) => {
        deps.tabs.announce(id)
        void this.refreshProjects()
      },
      onPaused: (reason) => store.getState().openDialog({ kind: 'tabs', reason }),
      onFailed: (kind, message) => this.reportStorageProblem(kind, message),
    })
    deps.tabs.setHandlers({
      beforeHandOver: async () => {
        await this.autosaver.flush()
      },
      lost: () => this.autosaver.pause('taken-over'),
      changed: () => void this.refreshProjects(),
    })
    if (deps.storageProblem) state.setState({ storageProblem: { kind: deps.storageProblem.kind, message: deps.storageProblem.message } })
  }

  get db(): ProjectDb | undefined {
    return this.deps.db
  }

  /**
   * Start-up gave up waiting (storage too slow) and the person may already be editing what was
   * shown instead: a start that finishes late must not open anything over that work.
   */
  abandonStart(): void {
    this.startAbandoned = true
  }

  /** Start-up: put back what a closed tab left, then open the last design (or the example). */
  async start(): Promise<void> {
    const { db, tabs, local, tabId, url } = this.deps
    await tabs.start()
    markTabOpen(local, tabId, undefined)
    let events: RecoveryEvent[] = []
    if (db) {
      try {
        events = await recover(local, db, await tabs.liveTabs(), tabId)
      } catch {
        // Recovery is best effort; what is stored still opens.
      }
    }
    const exampleId = url ? exampleIdFromUrl(url.search) : undefined
    const restored = events.find((e) => e.kind === 'restored')
    const last = db ? await db.lastOpened().catch(() => undefined) : undefined
    // What this tab showed before a reload, else the design opened last in any tab.
    const candidates = restored ? [restored.projectId] : exampleId ? [] : [this.shownInThisTab(), last]
    let opened = false
    for (const id of new Set(candidates)) {
      if (this.startAbandoned) return
      if (id && (opened = await this.tryOpen(id, false, false, () => this.startAbandoned))) break
    }
    if (this.startAbandoned) return
    if (!opened) this.openDraft((examples.find((e) => e.id === exampleId) ?? defaultExample).create())
    this.reportRecovery(events)
    if (this.deps.storageProblem) this.reportStorageProblem(this.deps.storageProblem.kind, this.deps.storageProblem.message)
    void this.refreshProjects()
  }

  /** Opens a stored project, saving the open one first. False (with a notice) when it cannot. */
  async openProject(id: string): Promise<boolean> {
    if (id === this.autosaver.currentProjectId) return true
    if (!(await this.leave())) return false
    const ok = await this.tryOpen(id, true)
    void this.refreshProjects()
    return ok
  }

  /** Opens a new design (a template, an import, a file) and stores it right away. */
  async openNew(document: CrowsfootDocument): Promise<boolean> {
    if (!(await this.leave())) return false
    this.deps.store.getState().openDocument(document)
    this.autosaver.attach(undefined, 0)
    this.autosaver.markUnsaved()
    markTabOpen(this.deps.local, this.deps.tabId, undefined)
    const ok = await this.autosaver.flush()
    void this.refreshProjects()
    return ok
  }

  /** An example that is not stored until it changes, so an untouched visit leaves no project. */
  openDraft(document: CrowsfootDocument): void {
    this.deps.tabs.release()
    this.deps.store.getState().openDocument(document)
    this.autosaver.attach(undefined, 0)
  }

  async refreshProjects(): Promise<void> {
    if (!this.deps.db) return this.deps.state.setState({ projectsLoaded: true })
    try {
      this.deps.state.setState({ projects: await this.deps.db.list(), projectsLoaded: true })
    } catch {
      this.deps.state.setState({ projectsLoaded: true })
    }
  }

  /** Settles once this tab knows whether it may write the open project. */
  whenClaimed(): Promise<void> {
    return this.claimed
  }

  /** When the tab goes away: keep unsaved changes synchronously, and mark a clean close. */
  pageHidden(): void {
    const { store, local, tabId } = this.deps
    if (this.autosaver.dirty) {
      const document = store.getState().document
      writeRescue(local, {
        projectId: this.autosaver.currentProjectId,
        base: this.autosaver.revision,
        writer: tabId,
        name: document.name,
        tables: document.schema.tables.length,
        text: serializeDocument(document),
        at: Date.now(),
      })
      void this.autosaver.flush()
    }
    markTabClosed(local, tabId)
  }

  /** The page came back from the back-forward cache: it is running again. */
  pageShown(): void {
    markTabOpen(this.deps.local, this.deps.tabId, this.autosaver.currentProjectId)
    try {
      this.deps.local?.removeItem(`crowsfoot:rescue:${this.deps.tabId}`)
    } catch {
      // Nothing stored to remove.
    }
  }

  /** Opens the stored version of the open project again, dropping unsaved changes. */
  async reload(id: string): Promise<boolean> {
    return this.tryOpen(id, true, this.deps.tabs.projectId === id)
  }

  /**
   * Stores pending changes and lets go of the open project before another opens. Changes saving
   * was paused for (another tab has the design) are kept as a design of their own. False, with a
   * notice, when they cannot be kept: then nothing else opens.
   */
  async leave(): Promise<boolean> {
    const { store, tabs, tabId } = this.deps
    if (!this.autosaver.paused) await this.autosaver.flush()
    else if (this.autosaver.dirty) {
      const document = store.getState().document
      const name = `${document.name} (unsaved changes)`
      const reply = await this.save({ document: { ...document, name }, id: newProjectId(), base: 0, writer: tabId })
      if (!reply.ok) {
        const why = 'message' in reply ? reply.message : 'the storage refused it.'
        store.getState().notify({ tone: 'error', sticky: true, message: `The changes made here could not be kept (${why}); save them to a file first.`, action: saveToFileAction(store) })
        return false
      }
      store.getState().notify({ tone: 'info', message: `The changes this tab could not save are kept as “${name}”.` })
    }
    tabs.release()
    return true
  }

  /**
   * Loads the stored version of a project; `notifyFailure` says so when it cannot. `holding`: this
   * tab already has the project's lock (it just took over).
   */
  async tryOpen(id: string | undefined, notifyFailure = false, holding = false, cancelled: () => boolean = () => false): Promise<boolean> {
    const { db, store, client, tabs, local, tabId } = this.deps
    if (!id || !db) return false
    let read: Awaited<ReturnType<ProjectDb['read']>>
    try {
      read = await db.read(id)
    } catch (e) {
      if (notifyFailure) store.getState().notify({ tone: 'error', message: `Could not read the design: ${(e as Error).message}` })
      return false
    }
    if (!read) {
      if (notifyFailure) store.getState().notify({ tone: 'error', message: 'That design is no longer stored (deleted in another tab?).' })
      return false
    }
    const parsed = await client.parse(read.stored.text)
    if (!parsed.ok) {
      // Keep the stored text as it is: a later version of the app may read it.
      store.getState().notify({ tone: 'error', sticky: true, message: `“${read.meta.name}” could not be opened: ${describeProblem(parsed.diagnostics)}` })
      return false
    }
    if (cancelled()) return false
    store.getState().openDocument({ ...parsed.document, name: read.meta.name }, id)
    this.autosaver.attach(id, read.stored.revision)
    markTabOpen(local, tabId, id)
    this.showInThisTab(id)
    void db.touch(id).catch(() => {})
    if (holding) return true
    // Until the lock is ours, nothing is written: another tab may be editing this design.
    this.autosaver.hold(
      (this.claimed = tabs.claim(id, this.deps.claimWaitMs).then((result) => {
        if (result === 'held-elsewhere' && this.autosaver.currentProjectId === id) this.autosaver.pause('open-elsewhere')
      })),
    )
    return true
  }

  private async created(id: string): Promise<void> {
    const { db, tabs, local, tabId, url } = this.deps
    markTabOpen(local, tabId, id)
    this.showInThisTab(id)
    if (url && new URLSearchParams(url.search).has('example')) {
      const params = new URLSearchParams(url.search)
      params.delete('example')
      const rest = params.toString()
      url.replace(rest ? `?${rest}` : '')
    }
    await tabs.claim(id, 0)
    await db?.touch(id).catch(() => {})
    void this.refreshProjects()
  }

  private shownInThisTab(): string | undefined {
    try {
      return this.deps.tabStore?.getItem(tabProjectKey) ?? undefined
    } catch {
      return undefined
    }
  }

  private showInThisTab(id: string): void {
    try {
      this.deps.tabStore?.setItem(tabProjectKey, id)
    } catch {
      // Without sessionStorage a reload opens the last opened design instead.
    }
  }

  private reportRecovery(events: readonly RecoveryEvent[]): void {
    const { notify, document } = this.deps.store.getState()
    for (const n of recoveryNotices(events, this.autosaver.currentProjectId, document.name, (id) => void this.openProject(id))) notify(n)
  }

  private reportStorageProblem(kind: StorageError['kind'], message: string): void {
    const { state, store } = this.deps
    state.setState({ storageProblem: { kind, message } })
    // Once per kind: after that the top bar's "Not saved" says it, without a notice per edit.
    if (this.reported.has(kind)) return
    this.reported.add(kind)
    store.getState().notify({ tone: kind === 'failed' ? 'error' : 'warning', sticky: true, message: `${message} Save your work to a file to keep it.`, action: saveToFileAction(store) })
  }
}

function saveToFileAction(store: AppStore) {
  return { label: 'Save to file', run: () => void saveToFile(store) }
}

let current: DocumentSession | undefined
export function setDocumentSession(session: DocumentSession): void {
  current = session
}
/** The tab's session; undefined until start-up created it (tests build their own). */
export function documentSession(): DocumentSession | undefined {
  return current
}

export type { PauseReason }
