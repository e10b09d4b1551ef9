/**
 * Save version: a message for the checkpoint (the next number is proposed, selected so typing
 * replaces it), then one undo entry. The version lives in the document, so autosave keeps it.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { BookmarkPlus } from 'lucide-react'
import { Button } from '../../components/Button.tsx'
import { Dialog } from '../../components/Dialog.tsx'
import { TextField } from '../../components/Field.tsx'
import { appStore } from '../../store/index.ts'
import { defaultVersionMessage, saveVersionNow } from './versions.ts'

export function SaveVersionDialog({ onClose }: { readonly onClose: () => void }) {
  const doc = appStore.getState().document
  const proposed = useMemo(() => defaultVersionMessage(doc), [doc])
  const [message, setMessage] = useState(proposed)
  const tables = doc.schema.tables.length
  const field = useRef<HTMLInputElement>(null)
  // The dialog moves the focus to its first control when it opens, after this mounts: take it
  // back to the message, selected, so typing replaces the proposal and Enter saves.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      field.current?.focus()
      field.current?.select()
    })
    return () => cancelAnimationFrame(frame)
  }, [])
  const save = () => {
    saveVersionNow(appStore, message)
    onClose()
  }
  return (
    <Dialog
      title="Save version"
      description={`A checkpoint of the design as it is now (${tables.toLocaleString('en-US')} ${tables === 1 ? 'table' : 'tables'}), to compare with and write migrations from.`}
      onClose={onClose}
      size="sm"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" icon={<BookmarkPlus size={15} aria-hidden />} type="submit" form="cf-save-version">
            Save version
          </Button>
        </>
      }
    >
      <form
        id="cf-save-version"
        onSubmit={(e) => {
          e.preventDefault()
          save()
        }}
      >
        <TextField
          label="Message"
          value={message}
          maxLength={200}
          ref={field}
          onChange={(e) => setMessage(e.target.value)}
          hint="What this version is: “Before the billing release”, “Reviewed with the team”."
        />
      </form>
    </Dialog>
  )
}
