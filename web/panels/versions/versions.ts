/**
 * Saved versions from the app's side: saving one (one undo entry, stored in the document, so
 * autosave keeps it), the version an import leaves behind before it replaces the design, and the
 * words the list shows. Pure functions of documents; the store calls them through `apply`.
 */
import type { CrowsfootDocument, SavedVersion } from '@core'
import { listVersions, removeVersion, renameVersion, saveVersion } from '@core'
import type { AppStore } from '../../store/index.ts'

/** What the Save version dialog proposes: the next number, which is what people expect to see. */
export function defaultVersionMessage(doc: CrowsfootDocument): string {
  return `Version ${(doc.versions?.length ?? 0) + 1}`
}

/** Surrounding spaces go; an empty message falls back to the default. */
export function cleanMessage(message: string, doc: CrowsfootDocument): string {
  const m = message.replace(/\s+/g, ' ').trim()
  return m === '' ? defaultVersionMessage(doc) : m
}

export function saveVersionNow(store: AppStore, message: string, at = new Date()): void {
  const state = store.getState()
  const text = cleanMessage(message, state.document)
  state.apply('Save version', (doc) => saveVersion(doc, { message: text, at }))
  store.getState().notify({ tone: 'success', message: `Saved “${text}”.` })
}

export function renameVersionNow(store: AppStore, id: string, message: string): void {
  const state = store.getState()
  const text = message.replace(/\s+/g, ' ').trim()
  if (text === '' || state.document.versions?.find((v) => v.id === id)?.message === text) return
  state.apply('Rename version', (doc) => renameVersion(doc, id, text))
}

export function removeVersionNow(store: AppStore, id: string): void {
  store.getState().apply('Delete version', (doc) => removeVersion(doc, id))
}

/**
 * The document an import opens over `current`, carrying the versions: the current design is
 * saved first ("Before import of shop.sql"), so the import can always be compared with what it
 * replaced. A Crowsfoot file brings its own versions; they follow, renumbered, so none is lost.
 * An empty design is not worth a version.
 */
export function withVersionBeforeImport(current: CrowsfootDocument, next: CrowsfootDocument, source: string | undefined, at = new Date()): CrowsfootDocument {
  let doc: CrowsfootDocument = { ...next }
  delete (doc as { versions?: unknown }).versions
  if (current.versions?.length) doc = { ...doc, versions: current.versions }
  if (current.schema.tables.length > 0 || current.schema.enums.length > 0)
    doc = saveVersion(doc, { message: source ? `Before import of ${source}` : 'Before import', at, schema: current.schema })
  const brought: readonly SavedVersion[] = next === current ? [] : (next.versions ?? []).filter((v) => !current.versions?.includes(v))
  for (const v of brought) doc = saveVersion(doc, { message: v.message, at: v.at, schema: v.schema })
  return doc
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })

/** `2 Dec 2026, 20:31`, in the person's time zone. */
export function formatVersionTime(at: string): string {
  const d = new Date(at)
  return Number.isNaN(d.getTime()) ? at : dateFormat.format(d)
}

export { listVersions }
