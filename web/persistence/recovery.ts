/**
 * What survives a closed tab or a crash. Autosave keeps IndexedDB at most a moment behind; the
 * moment itself is covered here. When a tab goes away with changes not yet stored, it writes them
 * synchronously to localStorage (an IndexedDB write may not finish while the page unloads); the
 * next tab to start puts them back. Each running tab also leaves a marker that it removes when it
 * closes properly: a marker left by a tab that is gone means that tab crashed.
 */
import type { Notice } from '../store/ui-slice.ts'
import { newProjectId, type ProjectDb } from './project-db.ts'

export interface Rescue {
  readonly projectId: string | undefined
  /** The stored revision the changes were made on (0: the design was never stored). */
  readonly base: number
  readonly writer: string
  readonly name: string
  readonly tables: number
  readonly text: string
  readonly at: number
}

export type RecoveryEvent =
  | { readonly kind: 'restored'; readonly projectId: string; readonly name: string }
  | { readonly kind: 'copied'; readonly projectId: string; readonly name: string }
  | { readonly kind: 'crashed'; readonly projectId: string }

export type SyncStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>

const rescuePrefix = 'crowsfoot:rescue:'
const markerPrefix = 'crowsfoot:tab:'
/** Without Web Locks a tab's liveness is unknown; a marker this old is surely stale. */
const staleMarkerMs = 24 * 60 * 60 * 1000

/** localStorage, or undefined where the browser refuses it (some private modes throw on access). */
export function localStore(): SyncStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined
  } catch {
    return undefined
  }
}

/** sessionStorage (one per tab, kept across reloads), or undefined where refused. */
export function sessionStore(): SyncStorage | undefined {
  try {
    return globalThis.sessionStorage ?? undefined
  } catch {
    return undefined
  }
}

function keys(storage: SyncStorage, prefix: string): string[] {
  const out: string[] = []
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i)
    if (k?.startsWith(prefix)) out.push(k)
  }
  return out
}

function readJson<T>(storage: SyncStorage, key: string): T | undefined {
  try {
    const raw = storage.getItem(key)
    return raw === null ? undefined : (JSON.parse(raw) as T)
  } catch {
    return undefined
  }
}

/** Keeps unsaved changes of a closing tab; false when there is no room (the text is too big). */
export function writeRescue(storage: SyncStorage | undefined, rescue: Rescue): boolean {
  if (!storage) return false
  try {
    storage.setItem(`${rescuePrefix}${rescue.writer}`, JSON.stringify(rescue))
    return true
  } catch {
    return false
  }
}

export function markTabOpen(storage: SyncStorage | undefined, tabId: string, projectId: string | undefined): void {
  try {
    storage?.setItem(`${markerPrefix}${tabId}`, JSON.stringify({ projectId, at: Date.now() }))
  } catch {
    // No room for a marker: crash detection is a nicety, saving is not affected.
  }
}

export function markTabClosed(storage: SyncStorage | undefined, tabId: string): void {
  try {
    storage?.removeItem(`${markerPrefix}${tabId}`)
  } catch {
    // Nothing to do: a marker left behind only costs one notice.
  }
}

/**
 * Puts back what tabs that are gone left behind. `live` holds the ids of running tabs (their
 * rescues and markers are theirs); undefined when the browser cannot tell. Changes made on the
 * stored revision, or by the tab that wrote it last, go back into the project; otherwise another
 * tab saved in between and the changes become a copy, so nothing is overwritten and nothing lost.
 */
export async function recover(storage: SyncStorage | undefined, db: ProjectDb, live: ReadonlySet<string> | undefined, self: string): Promise<RecoveryEvent[]> {
  if (!storage) return []
  const events: RecoveryEvent[] = []
  const gone = (tab: string, at: number) => tab !== self && (live ? !live.has(tab) : Date.now() - at > staleMarkerMs)

  for (const key of keys(storage, markerPrefix)) {
    const tab = key.slice(markerPrefix.length)
    const marker = readJson<{ projectId?: string; at?: number }>(storage, key)
    if (!gone(tab, marker?.at ?? 0)) continue
    if (marker?.projectId) events.push({ kind: 'crashed', projectId: marker.projectId })
    storage.removeItem(key)
  }

  for (const key of keys(storage, rescuePrefix)) {
    const rescue = readJson<Rescue>(storage, key)
    if (!rescue || typeof rescue.text !== 'string') {
      storage.removeItem(key)
      continue
    }
    if (!gone(rescue.writer, rescue.at)) continue
    const event = await putBack(db, rescue, self)
    // A failed write keeps the rescue for the next start.
    if (event === 'failed') continue
    storage.removeItem(key)
    if (event) events.push(event)
  }
  return events
}

async function putBack(db: ProjectDb, rescue: Rescue, self: string): Promise<RecoveryEvent | undefined | 'failed'> {
  const current = rescue.projectId ? await db.read(rescue.projectId) : undefined
  if (current && current.stored.text === rescue.text) return undefined
  const ours = current && (current.stored.revision === rescue.base || current.stored.writer === rescue.writer)
  if (rescue.projectId && (ours || (!current && rescue.base === 0))) {
    const saved = await db.save({ id: rescue.projectId, text: rescue.text, name: rescue.name, tables: rescue.tables, base: current?.stored.revision ?? 0, writer: self })
    if (!saved.ok) return 'failed'
    await db.touch(rescue.projectId)
    return { kind: 'restored', projectId: rescue.projectId, name: rescue.name }
  }
  // Another tab saved since, or the project was deleted: keep the changes beside it.
  const id = newProjectId()
  const name = rescue.projectId ? `${rescue.name} (recovered)` : rescue.name
  const saved = await db.save({ id, text: rescue.text, name, tables: rescue.tables, base: 0, writer: self })
  if (!saved.ok) return 'failed'
  if (!rescue.projectId) {
    await db.touch(id)
    return { kind: 'restored', projectId: id, name }
  }
  return { kind: 'copied', projectId: id, name }
}

/** What to tell the person after start-up recovery, about the design that opened (`open`). */
export function recoveryNotices(events: readonly RecoveryEvent[], open: string | undefined, openName: string, openProject: (id: string) => void): Omit<Notice, 'id'>[] {
  const notices: Omit<Notice, 'id'>[] = []
  for (const e of events) {
    if (e.kind === 'restored' && e.projectId === open)
      notices.push({ tone: 'info', message: `Recovered the last changes to “${e.name}”, which had not been saved when the tab closed.` })
    else if (e.kind === 'copied')
      notices.push({
        tone: 'warning',
        sticky: true,
        message: `Unsaved changes from a closed tab are kept as “${e.name}”: the design was changed elsewhere since.`,
        action: { label: 'Open', run: () => openProject(e.projectId) },
      })
  }
  const crashed = events.some((e) => e.kind === 'crashed' && e.projectId === open)
  const restored = events.some((e) => e.kind === 'restored' && e.projectId === open)
  if (open && crashed && !restored) notices.push({ tone: 'info', message: `Crowsfoot closed unexpectedly last time; “${openName}” is back as it was last saved.` })
  return notices
}
