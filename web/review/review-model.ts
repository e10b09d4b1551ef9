/**
 * What the review page derives from a link: the placed layout, the changes against the base and
 * their marks, and names for comment targets. Pure, so it is tested without a browser.
 */
import type { Change, CommentTarget, CrowsfootDocument, ReviewComment, Schema, ShareBase } from '@core'
import { changeMarks, changeTarget, describeChange, diffSchemas, displayTableName, isCommentOrphaned, type ChangeMarks } from '@core'
import { placeTables } from '../canvas/grid-layout.ts'

export interface ReviewChanges {
  readonly base: ShareBase
  readonly changes: readonly Change[]
  readonly marks: ChangeMarks
}

export function placedDocument(doc: CrowsfootDocument): CrowsfootDocument {
  const layout = placeTables(doc.schema, doc.layout)
  return layout === doc.layout ? doc : { ...doc, layout }
}

export function reviewChanges(doc: CrowsfootDocument, base: ShareBase | undefined): ReviewChanges | undefined {
  if (!base) return undefined
  const changes = diffSchemas(base.schema, doc.schema)
  return { base, changes, marks: changeMarks(changes) }
}

export interface ChangeItem {
  readonly id: string
  readonly text: string
  readonly status: 'added' | 'removed' | 'changed' | 'renamed'
  /** The table to show (in the design, or the removed one drawn from the base). */
  readonly tableId?: string
}

export function changeItems(review: ReviewChanges): ChangeItem[] {
  return review.changes.map((c) => {
    const t = changeTarget(c)
    const renamed = c.kind === 'tableRenamed' || c.kind === 'columnRenamed' || c.kind === 'constraintRenamed' || c.kind === 'indexRenamed' || c.kind === 'enumRenamed'
    const leaf = t.columnId ?? t.constraintId ?? t.indexId
    const own = leaf !== undefined ? (review.marks.columns.get(leaf) ?? review.marks.constraints.get(leaf)) : t.tableId !== undefined ? review.marks.tables.get(t.tableId) : undefined
    const status = renamed ? 'renamed' : (own ?? (c.kind.endsWith('Added') ? 'added' : c.kind.endsWith('Removed') ? 'removed' : 'changed'))
    return { id: c.id, text: describeChange(c), status: status === 'renamed' && !renamed ? 'changed' : status, ...(t.tableId !== undefined ? { tableId: t.tableId } : {}) }
  })
}

/** "users", "users.email", "orders → users": how a comment's object reads in a list. */
export function targetLabel(schema: Schema, target: CommentTarget): string {
  const table = schema.tables.find((t) => t.id === target.tableId)
  if (!table) return 'a removed table'
  const name = displayTableName(schema, table)
  switch (target.kind) {
    case 'table':
      return name
    case 'column': {
      const col = table.columns.find((c) => c.id === target.columnId)
      return col ? `${name}.${col.name}` : `a removed column of ${name}`
    }
    case 'relationship': {
      const fk = table.foreignKeys.find((f) => f.id === target.foreignKeyId)
      const parent = fk ? schema.tables.find((t) => t.id === fk.target.tableId) : undefined
      return fk && parent ? `${name} → ${displayTableName(schema, parent)}` : `a removed relationship of ${name}`
    }
  }
}

export function sameTarget(a: CommentTarget, b: CommentTarget): boolean {
  if (a.kind !== b.kind || a.tableId !== b.tableId) return false
  if (a.kind === 'column' && b.kind === 'column') return a.columnId === b.columnId
  if (a.kind === 'relationship' && b.kind === 'relationship') return a.foreignKeyId === b.foreignKeyId
  return true
}

/** The object under a pressed element of the drawing (see `interactive` in the renderer). */
export function pickTarget(schema: Schema, element: Element): CommentTarget | undefined {
  const pinned = element.closest('[data-pin]')?.getAttribute('data-pin')
  if (pinned) {
    const [kind, id] = pinned.split(':') as [string, string]
    if (kind === 'table') return schema.tables.some((t) => t.id === id) ? { kind: 'table', tableId: id as never } : undefined
    for (const t of schema.tables) {
      if (kind === 'column' && t.columns.some((c) => c.id === id)) return { kind: 'column', tableId: t.id, columnId: id as never }
      if (kind === 'fk' && t.foreignKeys.some((f) => f.id === id)) return { kind: 'relationship', tableId: t.id, foreignKeyId: id as never }
    }
    return undefined
  }
  const host = element.closest('[data-fk-id], [data-column-id], [data-table-id]')
  if (!host) return undefined
  const tableId = host.getAttribute('data-table-id')
  const table = schema.tables.find((t) => t.id === tableId)
  // A removed table is drawn from the base: there is nothing left in the design to pin to.
  if (!table) return undefined
  const fk = host.getAttribute('data-fk-id')
  if (fk && table.foreignKeys.some((f) => f.id === fk)) return { kind: 'relationship', tableId: table.id, foreignKeyId: fk as never }
  const column = host.getAttribute('data-column-id')
  if (column) return table.columns.some((c) => c.id === column) ? { kind: 'column', tableId: table.id, columnId: column as never } : undefined
  return { kind: 'table', tableId: table.id }
}

export function isOrphan(schema: Schema, c: ReviewComment): boolean {
  return isCommentOrphaned(schema, c.target)
}
