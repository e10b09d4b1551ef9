/** Sharing a design for review: a link to the review page, or an image of the diagram. */
import type { Command } from './types.ts'

export const exportImageCommand: Command = {
  id: 'export-image',
  label: 'Export image',
  group: 'Document',
  keywords: ['png', 'svg', 'picture', 'screenshot', 'diagram', 'download'],
  enabled: (s) => s.document.schema.tables.length > 0,
  run: (store) => store.getState().openDialog({ kind: 'image' }),
}

export const shareCommand: Command = {
  id: 'share',
  label: 'Share',
  group: 'Document',
  keywords: ['link', 'review', 'url', 'send', 'copy link'],
  run: (store) => store.getState().openDialog({ kind: 'share' }),
}

export const showCommentsCommand: Command = {
  id: 'show-comments',
  label: 'Review comments',
  group: 'Document',
  keywords: ['comments', 'review', 'remarks', 'feedback'],
  run: (store) => store.getState().openDialog({ kind: 'comments' }),
}
