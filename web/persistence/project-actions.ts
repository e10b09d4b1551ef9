/** The project list's actions: new from a template, rename, duplicate, delete. */
import { examples } from '../examples.ts'
import type { AppStore } from '../store/index.ts'
import type { DocumentSession } from './session.ts'

/** Other parts of the app (the "Rename design" command) ask the top bar's title to start editing. */
export const renameDesignEvent = 'crowsfoot:rename-design'

/** Renames the open design: one undo entry; autosave stores the new name with the design. */
export function renameDesign(store: AppStore, name: string): boolean {
  const trimmed = name.trim()
  if (!trimmed || trimmed === store.getState().document.name) return false
  return store.getState().apply('Rename design', (doc) => ({ ...doc, name: trimmed })).ok
}

export async function newFromTemplate(session: DocumentSession, templateId: string): Promise<boolean> {
  const example = examples.find((e) => e.id === templateId)
  if (!example) return false
  return session.openNew(example.create())
}

export async function renameProject(session: DocumentSession, id: string, name: string): Promise<void> {
  const { store, db, tabs } = session.deps
  if (id === session.autosaver.currentProjectId) {
    renameDesign(store, name)
    return
  }
  const trimmed = name.trim()
  if (!trimmed || !db) return
  await db.rename(id, trimmed).catch((e: Error) => store.getState().notify({ tone: 'error', message: e.message }))
  tabs.announce(id)
  await session.refreshProjects()
}

export async function duplicateProject(session: DocumentSession, id: string): Promise<void> {
  const { store, db, tabs, tabId } = session.deps
  if (!db) return
  // The copy is of what is stored: store the open design's latest changes first.
  if (id === session.autosaver.currentProjectId) await session.autosaver.flush()
  const meta = session.deps.state.getState().projects.find((p) => p.id === id) ?? (await db.meta(id))
  if (!meta) return
  try {
    const copy = await db.duplicate(id, `${meta.name} copy`, tabId)
    tabs.announce(copy.id)
    store.getState().notify({ tone: 'success', message: `Duplicated as “${copy.name}”.` })
  } catch (e) {
    store.getState().notify({ tone: 'error', message: (e as Error).message })
  }
  await session.refreshProjects()
}

/**
 * Deletes a project (the dialog asked first). Deleting the open one opens the next in the list,
 * or, when none is left, a blank design and the templates.
 */
export async function deleteProject(session: DocumentSession, id: string): Promise<void> {
  const { store, db, tabs } = session.deps
  if (!db) return
  const open = id === session.autosaver.currentProjectId
  const name = session.deps.state.getState().projects.find((p) => p.id === id)?.name ?? 'The design'
  if (open) {
    tabs.release()
    // A draft until the next design opens: no autosave may bring the deleted one back.
    session.autosaver.attach(undefined, 0)
  }
  try {
    await db.remove(id)
  } catch (e) {
    store.getState().notify({ tone: 'error', message: `Could not delete “${name}”: ${(e as Error).message}` })
    return
  }
  tabs.announce(id)
  await session.refreshProjects()
  store.getState().notify({ tone: 'info', message: `Deleted “${name}”.` })
  if (!open) return
  const next = session.deps.state.getState().projects[0]
  if (next && (await session.tryOpen(next.id, true))) return
  const blank = examples.find((e) => e.id === 'blank')
  if (blank) session.openDraft(blank.create())
  store.getState().openDialog({ kind: 'projects', view: 'new' })
}
