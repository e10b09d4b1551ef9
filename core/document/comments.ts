/**
 * Review comments: a reviewer pins a remark to a table, a column or a relationship. Comments are
 * part of the document (they travel in the file and in share links back to the author) but not
 * of the schema: rules, exporters and diffs never read them. Text is plain text, never markup.
 */
import type { ColumnId, ConstraintId, TableId } from '../model/ids.ts'
import type { Schema } from '../model/schema.ts'
import type { CrowsfootDocument } from './document.ts'

export type CommentTarget =
  | { readonly kind: 'table'; readonly tableId: TableId }
  | { readonly kind: 'column'; readonly tableId: TableId; readonly columnId: ColumnId }
  | { readonly kind: 'relationship'; readonly tableId: TableId; readonly foreignKeyId: ConstraintId }

export interface ReviewComment {
  readonly id: string
  readonly target: CommentTarget
  /** As the reviewer gave it; may be empty ("Anonymous" in the app). */
  readonly author: string
  readonly text: string
  /** ISO 8601. */
  readonly at: string
  readonly resolved?: boolean
  /** The comment this one answers, for threads. */
  readonly replyTo?: string
}

/** The longest comment accepted, in characters: a remark, not a document. */
export const maxCommentLength = 10_000

export function addComment(doc: CrowsfootDocument, comment: ReviewComment): CrowsfootDocument {
  if (comment.text.trim() === '') throw new RangeError('A comment needs some text.')
  if (comment.text.length > maxCommentLength) throw new RangeError(`A comment holds at most ${maxCommentLength} characters.`)
  if ((doc.comments ?? []).some((c) => c.id === comment.id)) throw new RangeError(`Comment id ${comment.id} is already used.`)
  return { ...doc, comments: [...(doc.comments ?? []), comment] }
}

export function setCommentResolved(doc: CrowsfootDocument, id: string, resolved: boolean): CrowsfootDocument {
  const comments = (doc.comments ?? []).map((c) => (c.id === id ? withResolved(c, resolved) : c))
  return { ...doc, comments }
}

export function removeComment(doc: CrowsfootDocument, id: string): CrowsfootDocument {
  // Replies go with the comment they answer: a thread without its start reads as nonsense.
  const comments = (doc.comments ?? []).filter((c) => c.id !== id && c.replyTo !== id)
  return comments.length === 0 ? withoutComments(doc) : { ...doc, comments }
}

/**
 * Comments whose object is gone (the author removed the table since the review). They are kept,
 * not dropped: the app lists them as "on a removed table" so no remark is lost.
 */
export function isCommentOrphaned(schema: Schema, target: CommentTarget): boolean {
  const table = schema.tables.find((t) => t.id === target.tableId)
  if (!table) return true
  switch (target.kind) {
    case 'table':
      return false
    case 'column':
      return !table.columns.some((c) => c.id === target.columnId)
    case 'relationship':
      return !table.foreignKeys.some((f) => f.id === target.foreignKeyId)
  }
}

/**
 * Comments of `incoming` added to `doc`'s: an author opening a reviewer's link keeps their own
 * design and gains the review's comments (and resolutions), matched by comment id.
 */
export function mergeComments(doc: CrowsfootDocument, incoming: readonly ReviewComment[]): CrowsfootDocument {
  if (incoming.length === 0) return doc
  const byId = new Map((doc.comments ?? []).map((c) => [c.id, c]))
  for (const c of incoming) {
    const mine = byId.get(c.id)
    byId.set(c.id, mine ? withResolved(mine, Boolean(mine.resolved || c.resolved)) : c)
  }
  return { ...doc, comments: [...byId.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)) }
}

function withResolved(c: ReviewComment, resolved: boolean): ReviewComment {
  if (resolved) return { ...c, resolved: true }
  const { resolved: _, ...rest } = c
  return rest
}

function withoutComments(doc: CrowsfootDocument): CrowsfootDocument {
  const { comments: _, ...rest } = doc
  return rest
}
