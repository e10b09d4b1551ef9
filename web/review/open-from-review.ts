/**
 * Leaving the review page for the editor: "Open a copy" stores the shared design as a new project
 * of this browser; "Merge comments into my design" finds the author's own design (the stored
 * project that is a version of the shared one) and adds the review's comments to it, undoably.
 */
import type { CrowsfootDocument, Schema } from '@core'
import { mergeComments, parseDocument } from '@core'
import type { EditorStart } from '../main.tsx'
import type { DocumentSession } from '../persistence/session.ts'
import type { AppStore } from '../store/index.ts'

/**
 * How much two schemas are the same design: tables and columns with the same id and the same
 * name. Ids alone are not enough, since designs made from one template share sequential ids; the
 * columns tell the author's later version from the template it started as.
 */
export function kinship(a: Schema, b: Schema): number {
  const names = new Map<string, string>()
  for (const t of a.tables) {
    names.set(t.id, t.name)
    for (const c of t.columns) names.set(`${t.id}/${c.id}`, c.name)
  }
  let n = 0
  for (const t of b.tables) {
    if (names.get(t.id) === t.name) n++
    for (const c of t.columns) if (names.get(`${t.id}/${c.id}`) === c.name) n++
  }
  return n
}

export async function openFromReview(session: DocumentSession, store: AppStore, start: EditorStart): Promise<void> {
  const notify = store.getState().notify
  if (start.kind === 'copy') {
    const ok = await session.openNew(start.document)
    notify(ok ? { tone: 'success', message: `A copy of “${start.document.name}” is now one of your designs.` } : { tone: 'warning', message: 'The copy is open but could not be stored; save it to a file to keep it.' })
    return
  }
  const incoming = start.document.comments ?? []
  const target = await findOwnDesign(session, store, start.document)
  if (target === undefined) {
    await session.openNew(start.document)
    notify({ tone: 'info', message: `None of your designs is “${start.document.name}”, so it was added as a new design with the review's comments.` })
  } else {
    if (target !== 'current' && !(await session.openProject(target))) return
    const before = (store.getState().document.comments ?? []).length
    store.getState().apply('Merge review comments', (doc) => mergeComments(doc, incoming))
    const added = (store.getState().document.comments ?? []).length - before
    notify({ tone: 'success', message: added === 0 ? 'Your design already has every comment of this review.' : `${added} review ${added === 1 ? 'comment' : 'comments'} merged into “${store.getState().document.name}”.` })
  }
  store.getState().openDialog({ kind: 'comments' })
}

async function findOwnDesign(session: DocumentSession, store: AppStore, shared: CrowsfootDocument): Promise<'current' | string | undefined> {
  let best: { id: 'current' | string; score: number } = { id: 'current', score: kinship(store.getState().document.schema, shared.schema) }
  const db = session.db
  if (!db) return best.score > 0 ? best.id : undefined
  const current = store.getState().projectId
  for (const meta of await db.list().catch(() => [])) {
    if (meta.id === current) continue
    const record = await db.read(meta.id).catch(() => undefined)
    if (!record) continue
    const parsed = parseDocument(record.stored.text)
    if (!parsed.ok) continue
    const score = kinship(parsed.document.schema, shared.schema)
    if (score > best.score) best = { id: meta.id, score }
  }
  return best.score > 0 ? best.id : undefined
}
