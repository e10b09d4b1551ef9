/**
 * Applying quick fixes from the problems panel: one undo entry each, and a notice that says what
 * happened (what was renamed, when anything was) with an Undo button.
 */
import type { CrowsfootDocument } from '@core'
import type { AppStore } from '../../store/index.ts'
import type { CoreClient } from '../../worker/client.ts'
import { applyQuickFix, applyQuickFixes } from '../../worker/lint-scheduler.ts'
import type { Finding } from '../../worker/protocol.ts'
import { describeRenames, findRenames } from './fix-summary.ts'

/** Undo from a notice, only while the fix is still the latest change. */
function undoAction(store: AppStore, after: CrowsfootDocument) {
  return {
    label: 'Undo',
    run() {
      const state = store.getState()
      if (state.document === after) state.undo()
      else state.notify({ tone: 'info', message: 'The design has changed since; step back with Undo in the top bar.' })
    },
  }
}

/** `done` says what was fixed; a rename is said instead (or after it, for several fixes). */
function report(store: AppStore, before: CrowsfootDocument, done: string, sayBoth: boolean) {
  const state = store.getState()
  const renamed = describeRenames(findRenames(before.schema, state.document.schema))
  const message = renamed ? (sayBoth ? `${done} ${renamed}` : renamed) : done
  state.notify({ tone: 'success', message, action: undoAction(store, state.document) })
}

export async function runQuickFix(store: AppStore, client: CoreClient, finding: Finding, index: number, title: string): Promise<boolean> {
  const before = store.getState().document
  const ok = await applyQuickFix(store, client, finding.key, index, title)
  if (ok) report(store, before, `Fixed: ${title}.`, false)
  return ok
}

export async function runFixAll(store: AppStore, client: CoreClient, rule: string, findings: readonly Finding[]): Promise<boolean> {
  const before = store.getState().document
  const n = findings.length
  const ok = await applyQuickFixes(store, client, findings.map((f) => f.key), `Fix all: ${rule} (${n})`)
  if (ok) report(store, before, `Fixed ${n.toLocaleString('en-US')} ${rule} problem${n === 1 ? '' : 's'}.`, true)
  return ok
}
