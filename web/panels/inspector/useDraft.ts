/**
 * A text field bound to the model: every keystroke is applied (coalesced into one undo entry),
 * and a value the model refuses (an empty name) stays in the field with the reason beside it
 * instead of being lost. Leaving the field drops a refused draft and shows the model's value.
 */
import { useState } from 'react'
import type { ApplyResult } from '../../store/document-slice.ts'

export function useDraft(value: string, commit: (next: string) => ApplyResult) {
  const [draft, setDraft] = useState<string | undefined>(undefined)
  const [error, setError] = useState<string | undefined>(undefined)
  return {
    value: draft ?? value,
    error,
    onChange(next: string) {
      const result = commit(next)
      if (result.ok) {
        setDraft(undefined)
        setError(undefined)
      } else {
        setDraft(next)
        setError(result.message)
      }
    },
    onBlur() {
      setDraft(undefined)
      setError(undefined)
    },
  }
}
