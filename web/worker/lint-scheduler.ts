/**
 * Keeps the findings current: whenever the design or its rule configuration changes, lint runs in
 * the worker, at most one run at a time, the latest design winning. Typing in a field therefore
 * costs one run per pause, not one per keystroke, and the main thread only posts a delta.
 */
import type { AppStore } from '../store/index.ts'
import type { CoreClient } from './client.ts'
import { applySchemaDelta } from './schema-delta.ts'

export function startLinting(store: AppStore, client: CoreClient, delayMs = 40): () => void {
  let running = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let lastSchema = store.getState().document.schema
  let lastConfig = store.getState().document.lint

  async function run() {
    timer = undefined
    if (running) return
    running = true
    const { schema, lint } = store.getState().document
    lastSchema = schema
    lastConfig = lint
    try {
      const result = await client.lint(schema, lint)
      store.getState().setFindings(schema, result.findings, { ms: result.ms, reused: result.reused })
    } catch (e) {
      store.getState().setLintStatus({ state: 'failed', message: e instanceof Error ? e.message : String(e) })
    } finally {
      running = false
    }
    const now = store.getState().document
    if (now.schema !== lastSchema || now.lint !== lastConfig) schedule()
  }

  function schedule() {
    if (timer === undefined) timer = setTimeout(run, delayMs)
  }

  const unsubscribe = store.subscribe((state) => {
    if (state.document.schema !== lastSchema || state.document.lint !== lastConfig) {
      if (!running) schedule()
    }
  })
  schedule()
  return () => {
    unsubscribe()
    if (timer !== undefined) clearTimeout(timer)
  }
}

/**
 * Applies quick fix `index` of finding `key` as one undoable action. Refuses (with a message) when
 * the design changed since the findings were computed; the next lint run offers fresh fixes.
 */
export async function applyQuickFix(store: AppStore, client: CoreClient, key: string, index: number, title: string): Promise<boolean> {
  const linted = store.getState().lintedSchema
  const result = await client.applyFix(key, index)
  const state = store.getState()
  if ('error' in result) {
    state.notify({ tone: 'error', message: result.error })
    return false
  }
  if (state.document.schema !== linted) {
    state.notify({ tone: 'warning', message: 'The design changed while the fix was prepared; try again.' })
    return false
  }
  const outcome = state.editSchema(`Quick fix: ${title}`, (schema) => applySchemaDelta(schema, result.delta))
  if (!outcome.ok) state.notify({ tone: 'error', message: outcome.message })
  return outcome.ok
}

/**
 * Applies the first fix of each finding in `keys` as one undoable action ("Fix all of this kind").
 * The worker refuses when the fixes interfere; nothing changes then.
 */
export async function applyQuickFixes(store: AppStore, client: CoreClient, keys: readonly string[], label: string): Promise<boolean> {
  const linted = store.getState().lintedSchema
  const result = await client.applyFixes(keys)
  const state = store.getState()
  if ('error' in result) {
    state.notify({ tone: 'error', message: result.error })
    return false
  }
  if (state.document.schema !== linted) {
    state.notify({ tone: 'warning', message: 'The design changed while the fixes were prepared; try again.' })
    return false
  }
  const outcome = state.editSchema(label, (schema) => applySchemaDelta(schema, result.delta))
  if (!outcome.ok) state.notify({ tone: 'error', message: outcome.message })
  return outcome.ok
}
