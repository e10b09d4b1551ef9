/**
 * Text the model refused (an empty name, a type that does not parse), kept so it is never lost:
 * it stays in its field with the reason beside it, across leaving the field and even across
 * selecting something else and coming back, until the user fixes it or reverts it.
 *
 * Keyed by the field's key, which is also its coalesce key: one field, one undo entry, one draft.
 */
import { useCallback, useSyncExternalStore } from 'react'
import type { ApplyResult } from '../../store/document-slice.ts'

export interface Draft {
  readonly value: string
  readonly error: string
}

const drafts = new Map<string, Draft>()
const listeners = new Set<() => void>()
let version = 0

function changed() {
  version++
  for (const l of listeners) l()
}

export function findDraft(key: string): Draft | undefined {
  return drafts.get(key)
}

export function setDraft(key: string, draft: Draft | undefined): void {
  const current = drafts.get(key)
  if (draft === undefined ? current === undefined : current?.value === draft.value && current.error === draft.error) return
  if (draft === undefined) drafts.delete(key)
  else drafts.set(key, draft)
  changed()
}

/** Applies `next` through `commit`; a refusal becomes the field's draft, a success clears it. */
export function commitDraft(key: string, next: string, commit: (next: string) => ApplyResult): ApplyResult {
  const result = commit(next)
  setDraft(key, result.ok ? undefined : { value: next, error: result.message })
  return result
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export interface DraftField {
  /** What the field shows: the refused draft, or the model's value. */
  readonly value: string
  readonly error: string | undefined
  onChange(next: string): ApplyResult
  /** Drops the draft: the field shows the model's value again. */
  revert(): void
}

/**
 * A text field bound to the model: `onChange` applies the text (the caller's `commit` passes `key`
 * as the coalesce key, so a field's typing is one undo entry) or keeps it as the draft.
 */
export function useDraft(key: string, value: string, commit: (next: string) => ApplyResult): DraftField {
  useSyncExternalStore(subscribe, () => version)
  const draft = drafts.get(key)
  const onChange = useCallback((next: string) => commitDraft(key, next, commit), [key, commit])
  const revert = useCallback(() => setDraft(key, undefined), [key])
  return { value: draft?.value ?? value, error: draft?.error, onChange, revert }
}
