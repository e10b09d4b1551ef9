import { describe, expect, it } from 'vitest'
import { commitDraft, findDraft, setDraft } from './drafts.ts'

describe('drafts', () => {
  it('keeps refused text with its reason and drops it once a value is accepted', () => {
    const refuse = () => ({ ok: false as const, message: 'A column name cannot be empty.' })
    const accept = () => ({ ok: true as const })
    expect(commitDraft('k', '', refuse)).toEqual({ ok: false, message: 'A column name cannot be empty.' })
    expect(findDraft('k')).toEqual({ value: '', error: 'A column name cannot be empty.' })
    commitDraft('k', 'email', accept)
    expect(findDraft('k')).toBeUndefined()
  })

  it('reverts a draft on request', () => {
    setDraft('r', { value: 'varchar(25', error: 'bad' })
    setDraft('r', undefined)
    expect(findDraft('r')).toBeUndefined()
  })
})
