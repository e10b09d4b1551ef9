/**
 * The review comments of the open design (merged from a reviewer's link): each with its object,
 * author and time; resolving one is an undoable edit of the document. A click selects the object.
 */
import { removeComment, setCommentResolved, type ReviewComment } from '@core'
import { Dialog } from '../../components/Dialog.tsx'
import { CommentItem } from '../../review/ReviewPanels.tsx'
import { appStore, useApp } from '../../store/index.ts'
import { Button } from '../../components/Button.tsx'
import '../../review/review.css'

export function CommentsDialog({ onClose }: { readonly onClose: () => void }) {
  const doc = useApp((s) => s.document)
  const comments = doc.comments ?? []
  const open = comments.filter((c) => !c.resolved).length
  const reveal = (c: ReviewComment) => {
    const state = appStore.getState()
    if (c.target.kind === 'column') state.select({ kind: 'tables', tableIds: [c.target.tableId], focus: { kind: 'column', columnId: c.target.columnId } })
    else if (c.target.kind === 'relationship') state.select({ kind: 'relationship', tableId: c.target.tableId, foreignKeyId: c.target.foreignKeyId })
    else state.select({ kind: 'tables', tableIds: [c.target.tableId] })
    state.revealTables([c.target.tableId])
    onClose()
  }
  return (
    <Dialog title="Review comments" description={comments.length === 0 ? 'No comments on this design.' : `${open} open, ${comments.length - open} resolved.`} onClose={onClose} size="md">
      {comments.length === 0 ? (
        <p className="cf-review__empty">Comments arrive when a reviewer shares their review link back and you merge it.</p>
      ) : (
        <>
          <ul className="cf-review__list cf-comments-dialog" aria-label="Comments">
            {comments.map((c) => (
              <CommentItem key={c.id} doc={doc} comment={c} onReveal={reveal} onResolve={(id, resolved) => appStore.getState().apply(resolved ? 'Resolve comment' : 'Reopen comment', (d) => setCommentResolved(d, id, resolved))} />
            ))}
          </ul>
          {comments.some((c) => c.resolved) ? (
            <Button
              variant="ghost"
              size="sm"
              onClick={() =>
                appStore.getState().apply('Remove resolved comments', (d) => (d.comments ?? []).filter((c) => c.resolved).reduce((acc, c) => removeComment(acc, c.id), d))
              }
            >
              Remove resolved comments
            </Button>
          ) : null}
        </>
      )}
    </Dialog>
  )
}
