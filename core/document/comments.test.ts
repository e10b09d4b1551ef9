import { describe, expect, it } from 'vitest'
import { createDocument, parseDocument, removeColumn, serializeDocument } from '../index.ts'
import { shop } from '../fixtures/shop.ts'
import { deepFreeze } from '../testing/freeze.ts'
import { addComment, isCommentOrphaned, mergeComments, removeComment, setCommentResolved, type ReviewComment } from './comments.ts'

const users = shop.tables[0]!
const email = users.columns[1]!
const doc = deepFreeze(createDocument({ name: 'Shop', schema: shop }))
const comment = (id: string, extra: Partial<ReviewComment> = {}): ReviewComment => ({
  id,
  target: { kind: 'column', tableId: users.id, columnId: email.id },
  author: 'Ana <ana@example.com>',
  text: 'Should this be citext? </script><img src=x onerror=alert(1)>',
  at: `2026-12-02T10:00:0${id.length}.000Z`,
  ...extra,
})

describe('review comments', () => {
  it('are added, resolved and removed without touching the input, and saved in the file', () => {
    const a = addComment(doc, comment('c1'))
    const b = setCommentResolved(addComment(a, comment('c22', { replyTo: 'c1' })), 'c1', true)
    expect(b.comments?.map((c) => [c.id, c.resolved ?? false])).toEqual([['c1', true], ['c22', false]])
    const parsed = parseDocument(serializeDocument(b))
    if (!parsed.ok) throw new Error(parsed.diagnostics[0]!.message)
    expect(parsed.document).toEqual(b)
    // Removing a comment takes its replies with it.
    expect(removeComment(b, 'c1').comments).toBeUndefined()
    expect(setCommentResolved(b, 'c1', false).comments?.[0]).not.toHaveProperty('resolved')
  })

  it('refuses empty and oversized text and reused ids', () => {
    expect(() => addComment(doc, comment('c1', { text: '   ' }))).toThrow(/needs some text/)
    expect(() => addComment(doc, comment('c1', { text: 'x'.repeat(10_001) }))).toThrow(/at most/)
    expect(() => addComment(addComment(doc, comment('c1')), comment('c1'))).toThrow(/already used/)
  })

  it('knows when the object of a comment is gone', () => {
    const target = comment('c1').target
    expect(isCommentOrphaned(shop, target)).toBe(false)
    expect(isCommentOrphaned(removeColumn(shop, users.id, email.id), target)).toBe(true)
  })

  it('merges a review back into the author\'s design by comment id', () => {
    const mine = addComment(doc, comment('c1'))
    const theirs = [comment('c1', { resolved: true }), comment('c333')]
    const merged = mergeComments(mine, theirs)
    expect(merged.comments?.map((c) => [c.id, c.resolved ?? false])).toEqual([['c1', true], ['c333', false]])
    expect(merged.schema).toBe(doc.schema)
  })

  it('rejects a file whose comment points nowhere sensible, with its path', () => {
    const saved = serializeDocument(addComment(doc, comment('c1')))
    const at = saved.indexOf('"comments"')
    const text = saved.slice(0, at) + saved.slice(at).replace('"kind": "column"', '"kind": "view"')
    const parsed = parseDocument(text)
    expect(parsed.ok).toBe(false)
    expect(parsed.diagnostics[0]?.location?.path).toMatch(/comments\[0\]\.target/)
  })
})
