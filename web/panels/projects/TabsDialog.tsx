/**
 * Two tabs met over one design: say what happened and let the person choose. Closing the dialog
 * leaves saving paused; the top bar's "Not saving" brings it back.
 */
import { useState, type ReactNode } from 'react'
import { assertNever } from '@core'
import { Button } from '../../components/Button.tsx'
import { Dialog } from '../../components/Dialog.tsx'
import { continueAsCopy, keepMine, loadSaved, takeOver } from '../../persistence/decisions.ts'
import { documentSession } from '../../persistence/session.ts'
import type { PauseReason } from '../../persistence/autosave.ts'
import { appStore, useApp } from '../../store/index.ts'
import './projects.css'

interface Choice {
  readonly label: string
  readonly variant: 'primary' | 'secondary' | 'danger'
  readonly run: () => Promise<void>
}

function content(reason: PauseReason, name: string, dirty: boolean): { title: string; body: ReactNode; choices: Choice[] } {
  const session = documentSession()
  const close = () => appStore.getState().closeDialog()
  const act = (f: (s: NonNullable<typeof session>) => Promise<void>) => async () => {
    if (session) await f(session)
    close()
  }
  const copy: Choice = { label: 'Continue as a copy', variant: 'secondary', run: act(continueAsCopy) }
  switch (reason) {
    case 'open-elsewhere':
      return {
        title: 'Open in another tab',
        body: (
          <>
            <p>“{name}” is open in another tab. This tab is not saving, so the two cannot overwrite each other.</p>
            <p className="cf-tabs-dialog__note">
              {dirty
                ? 'Editing here makes the other tab save and stop; the changes made in this tab then replace its version.'
                : 'Editing here makes the other tab save its changes and stop; this tab continues from them.'}
            </p>
          </>
        ),
        choices: [{ label: 'Edit here instead', variant: 'primary', run: act(takeOver) }, copy],
      }
    case 'taken-over':
      return {
        title: 'Now edited in another tab',
        body: (
          <>
            <p>“{name}” is being edited in another tab, which has every change saved here. This tab stopped saving.</p>
            {dirty ? <p className="cf-tabs-dialog__note">Changes made here since are not saved: keep them in a copy, or take the design back.</p> : null}
          </>
        ),
        choices: [{ label: 'Edit here instead', variant: 'primary', run: act(takeOver) }, copy],
      }
    case 'changed-elsewhere':
      return {
        title: 'Changed in another tab',
        body: <p>“{name}” was saved from another tab after this tab last saved it. The latest changes made here are not saved yet.</p>,
        choices: [
          { label: 'Keep mine', variant: 'primary', run: act(keepMine) },
          { label: 'Save mine as a copy', variant: 'secondary', run: act(continueAsCopy) },
          { label: 'Load the saved version', variant: 'danger', run: act(loadSaved) },
        ],
      }
    case 'deleted-elsewhere':
      return {
        title: 'Deleted in another tab',
        body: <p>“{name}” was deleted in another tab. What this tab shows is not saved anywhere.</p>,
        choices: [
          { label: 'Keep it', variant: 'primary', run: act(keepMine) },
          { label: 'Open another design', variant: 'secondary', run: async () => appStore.getState().openDialog({ kind: 'projects' }) },
        ],
      }
    default:
      return assertNever(reason, 'pause reason')
  }
}

export function TabsDialog({ reason, onClose }: { readonly reason: PauseReason; readonly onClose: () => void }) {
  const name = useApp((s) => s.document.name)
  const [busy, setBusy] = useState(false)
  const dirty = documentSession()?.autosaver.dirty ?? false
  const { title, body, choices } = content(reason, name, dirty)
  return (
    <Dialog
      title={title}
      onClose={onClose}
      size="md"
      footer={choices.map((c) => (
        <Button
          key={c.label}
          variant={c.variant}
          disabled={busy}
          onClick={() => {
            setBusy(true)
            void c.run().finally(() => setBusy(false))
          }}
        >
          {c.label}
        </Button>
      ))}
    >
      <div className="cf-tabs-dialog">{body}</div>
    </Dialog>
  )
}
