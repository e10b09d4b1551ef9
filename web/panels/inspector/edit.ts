/**
 * How inspector controls change the design: every change is a core edit through the store (one
 * undo entry each); a refusal comes back as a message, shown in the field that caused it or, for
 * buttons, as a notice. Deletions say what went with them and offer Undo.
 */
import type { Schema } from '@core'
import { CoreError } from '@core'
import type { ApplyOptions, ApplyResult } from '../../store/document-slice.ts'
import { appStore } from '../../store/index.ts'
import { consequenceSentence, removedAlongside, type Removed } from './consequences.ts'

export function edit(label: string, fn: (schema: Schema) => Schema, options?: ApplyOptions): ApplyResult {
  return appStore.getState().editSchema(label, fn, options)
}

/** For buttons and menus: a refusal becomes an error notice, since no field can show it. */
export function editOrNotify(label: string, fn: (schema: Schema) => Schema, options?: ApplyOptions): ApplyResult {
  const result = edit(label, fn, options)
  if (!result.ok) appStore.getState().notify({ tone: 'error', message: result.message })
  return result
}

/** Refuses an edit from inside it, with a message for the user (the store turns it into ok: false). */
export function refuse(message: string): never {
  throw new CoreError('invalid-edit', message)
}

/**
 * A deletion as one undo entry, then a notice naming it and what went with it, with Undo.
 * `what` is the user's words for the object: `Deleted column email.`
 */
export function removeWithNotice(label: string, what: string, fn: (schema: Schema) => Schema, removed: Removed, options?: ApplyOptions): ApplyResult {
  const before = appStore.getState().document.schema
  const result = editOrNotify(label, fn, options)
  if (!result.ok) return result
  const state = appStore.getState()
  const also = consequenceSentence(removedAlongside(before, state.document.schema, removed))
  const done = state.document
  state.notify({
    tone: 'info',
    message: also ? `${what} ${also}` : what,
    // Only while this deletion is still the last thing done: after other edits or an undo, the
    // button would take back something else.
    action: {
      label: 'Undo',
      run: () => {
        if (appStore.getState().document === done) appStore.getState().undo()
      },
    },
  })
  return result
}

/** The consequence sentence for a removal that has not happened yet, for the delete button's hint. */
export function previewRemoval(schema: Schema, fn: (schema: Schema) => Schema, removed: Removed): string {
  try {
    return consequenceSentence(removedAlongside(schema, fn(schema), removed))
  } catch {
    return ''
  }
}
