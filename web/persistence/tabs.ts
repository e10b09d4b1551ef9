/**
 * Tabs that edit the same design know about each other. A tab editing a project holds a Web Lock
 * named after it; a second tab that cannot get the lock is told the design is open elsewhere and
 * may take over (the first tab saves what it has, then steps aside) or continue in a copy.
 * Messages go over a BroadcastChannel. The revision check of every save stays the last word: it
 * catches a writer these signals missed (a frozen tab, a browser without Web Locks).
 */
import { assertNever } from '@core'

export interface LockManagerLike {
  request(
    name: string,
    options: { readonly ifAvailable?: boolean; readonly steal?: boolean; readonly signal?: AbortSignal },
    callback: (lock: unknown) => unknown,
  ): Promise<unknown>
  query(): Promise<{ readonly held?: readonly { readonly name?: string }[] }>
}

export interface ChannelLike {
  postMessage(message: unknown): void
  onmessage: ((event: MessageEvent) => void) | null
  close(): void
}

export type TabMessage =
  | { readonly type: 'take-over'; readonly projectId: string; readonly from: string }
  | { readonly type: 'changed'; readonly projectId: string; readonly from: string }

export interface TabHandlers {
  /** Another tab asks for our project: save what is pending before the lock goes. */
  beforeHandOver(projectId: string): Promise<void>
  /** Our project is now edited in another tab (handed over, or the lock was stolen). */
  lost(projectId: string): void
  /** A project changed in another tab (saved, renamed, deleted): lists refresh. */
  changed(projectId: string): void
}

function isTabMessage(data: unknown): data is TabMessage {
  const m = data as Partial<TabMessage> | null
  return !!m && (m.type === 'take-over' || m.type === 'changed') && typeof m.projectId === 'string' && typeof m.from === 'string'
}

export type ClaimResult = 'claimed' | 'held-elsewhere' | 'unsupported'

const projectLock = (id: string) => `crowsfoot:project:${id}`
const tabLock = (id: string) => `crowsfoot:tab:${id}`

export class TabCoordinator {
  private current: { projectId: string; release: () => void } | undefined
  private handlers: TabHandlers = { beforeHandOver: async () => {}, lost: () => {}, changed: () => {} }

  constructor(
    readonly tabId: string,
    private readonly locks: LockManagerLike | undefined,
    private readonly channel: ChannelLike | undefined,
  ) {
    if (channel) channel.onmessage = (event) => {
      // Another version of the app may share the channel: read only what this one understands.
      if (isTabMessage(event.data)) void this.receive(event.data)
    }
  }

  setHandlers(handlers: TabHandlers): void {
    this.handlers = handlers
  }

  /** Holds this tab's own lock for as long as the tab lives, so others can tell it is alive. */
  async start(): Promise<void> {
    if (!this.locks) return
    await new Promise<void>((started) => {
      void this.locks!.request(tabLock(this.tabId), {}, () => {
        started()
        return new Promise(() => {})
      })
    })
  }

  /** The ids of tabs that are running now; undefined when this browser cannot tell. */
  async liveTabs(): Promise<Set<string> | undefined> {
    if (!this.locks) return undefined
    const { held = [] } = await this.locks.query()
    const prefix = tabLock('')
    return new Set(held.map((l) => l.name ?? '').filter((n) => n.startsWith(prefix)).map((n) => n.slice(prefix.length)))
  }

  get projectId(): string | undefined {
    return this.current?.projectId
  }

  /**
   * Takes the project's lock, waiting up to `waitMs` for a tab that is going away (a reload
   * releases it a moment after the new page starts).
   */
  async claim(projectId: string, waitMs = 1500): Promise<ClaimResult> {
    this.release()
    if (!this.locks) return 'unsupported'
    if (await this.hold(projectId, { ifAvailable: true })) return 'claimed'
    if (waitMs > 0 && (await this.hold(projectId, { signal: AbortSignal.timeout(waitMs) }))) return 'claimed'
    return 'held-elsewhere'
  }

  /** Asks the tab holding the project to save and step aside; takes the lock from it if it does not. */
  async takeOver(projectId: string, waitMs = 3000): Promise<void> {
    this.release()
    this.post({ type: 'take-over', projectId, from: this.tabId })
    if (!this.locks) return
    if (await this.hold(projectId, { signal: AbortSignal.timeout(waitMs) })) return
    await this.hold(projectId, { steal: true })
  }

  release(): void {
    const current = this.current
    this.current = undefined
    current?.release()
  }

  /** Tells other tabs a project changed (saved, renamed, deleted). */
  announce(projectId: string): void {
    this.post({ type: 'changed', projectId, from: this.tabId })
  }

  close(): void {
    this.release()
    this.channel?.close()
  }

  private post(message: TabMessage): void {
    try {
      this.channel?.postMessage(message)
    } catch {
      // A closed channel (the page is going away): nothing to tell.
    }
  }

  private async receive(message: TabMessage): Promise<void> {
    if (message.from === this.tabId) return
    switch (message.type) {
      case 'take-over':
        if (this.current?.projectId !== message.projectId) return
        await this.handlers.beforeHandOver(message.projectId)
        if (this.current?.projectId !== message.projectId) return
        this.release()
        this.handlers.lost(message.projectId)
        return
      case 'changed':
        this.handlers.changed(message.projectId)
        return
      default:
        assertNever(message, 'tab message')
    }
  }

  /** Resolves true once the lock is held (and keeps it until `release`), false if not granted. */
  private hold(projectId: string, options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal }): Promise<boolean> {
    return new Promise((granted) => {
      let acquired = false
      let release!: () => void
      const held = new Promise<void>((r) => (release = r))
      this.locks!.request(projectLock(projectId), options, (lock) => {
        if (!lock) {
          granted(false)
          return undefined
        }
        acquired = true
        this.current = { projectId, release }
        granted(true)
        return held
      }).catch(() => {
        if (!acquired) {
          granted(false)
          return
        }
        // Stolen by a tab that took over without our answer (we were frozen or busy).
        if (this.current?.projectId === projectId && this.current.release === release) {
          this.current = undefined
          this.handlers.lost(projectId)
        }
      })
    })
  }
}
