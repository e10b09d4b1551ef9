/**
 * What a person can decide when two tabs meet over one design. Every choice keeps both sides'
 * work somewhere: taking over saves the other tab's changes before this one continues; a copy
 * keeps this tab's changes as a new project; loading the saved version is only offered as a
 * deliberate choice.
 */
import type { DocumentSession } from './session.ts'

/** Edit the design in this tab: the other tab saves what it has and stops saving. */
export async function takeOver(session: DocumentSession): Promise<void> {
  const { store, tabs, db } = session.deps
  const id = session.autosaver.currentProjectId
  if (!id || !db) return
  await tabs.takeOver(id)
  const read = await db.read(id).catch(() => undefined)
  if (!read) {
    // Deleted meanwhile: what this tab shows is all there is; store it again.
    session.autosaver.resume(0)
    await session.autosaver.flush(true)
    return
  }
  if (!session.autosaver.dirty) {
    // Nothing changed here: carry on from what the other tab saved last.
    const opened = await session.reload(id)
    if (opened) store.getState().notify({ tone: 'info', message: `Editing “${read.meta.name}” in this tab; it has the other tab's latest changes.` })
    return
  }
  // Changes made here while paused: the person chose this tab, so they are written over.
  session.autosaver.resume(read.stored.revision)
  await session.autosaver.flush()
}

/** Keep this tab's version as a new project; the original stays as the other tab has it. */
export async function continueAsCopy(session: DocumentSession): Promise<void> {
  const { store, tabs } = session.deps
  tabs.release()
  const name = `${store.getState().document.name} (copy)`
  store.getState().apply('Continue as a copy', (doc) => ({ ...doc, name }))
  session.autosaver.attach(undefined, 0)
  session.autosaver.markUnsaved()
  if (await session.autosaver.flush()) store.getState().notify({ tone: 'success', message: `Continuing in “${name}”; the original is unchanged.` })
}

/** Drop this tab's unsaved changes and open what is stored. */
export async function loadSaved(session: DocumentSession): Promise<void> {
  const id = session.autosaver.currentProjectId
  if (id) await session.reload(id)
}

/** Write this tab's version over what another tab saved (the person chose "Keep mine"). */
export async function keepMine(session: DocumentSession): Promise<void> {
  const { tabs } = session.deps
  const id = session.autosaver.currentProjectId
  if (!id) return
  if (tabs.projectId !== id) await tabs.takeOver(id)
  session.autosaver.resume(session.autosaver.revision)
  await session.autosaver.flush(true)
}
