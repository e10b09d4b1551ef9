/**
 * The design's name in the top bar: click to rename (one undo entry), the chevron opens the
 * project list, and a quiet word says whether the design is saved in this browser.
 */
import { useEffect, useRef, useState } from 'react'
import { AlertTriangle, ChevronDown, CloudOff } from 'lucide-react'
import { assertNever } from '@core'
import { IconButton } from '../../components/Button.tsx'
import { saveToFile } from '../../persistence/files.ts'
import { renameDesign, renameDesignEvent } from '../../persistence/project-actions.ts'
import { usePersistence } from '../../persistence/persistence-store.ts'
import type { SaveStatus } from '../../persistence/autosave.ts'
import { selectDocumentName } from '../../store/selectors.ts'
import { appStore, useApp } from '../../store/index.ts'
import './projects.css'

const time = (at: number) => new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })

function SaveState({ status }: { readonly status: SaveStatus }) {
  switch (status.kind) {
    case 'draft':
      return null
    case 'pending':
    case 'saving':
      return <span className="cf-save-state">Saving…</span>
    case 'saved':
      return (
        <span className="cf-save-state" title={`Saved in this browser at ${time(status.at)}`}>
          Saved
        </span>
      )
    case 'paused':
      return (
        <button type="button" className="cf-save-state cf-save-state--warning" data-reason={status.reason} onClick={() => appStore.getState().openDialog({ kind: 'tabs', reason: status.reason })}>
          <AlertTriangle size={13} aria-hidden />
          Not saving
        </button>
      )
    case 'failed':
      return (
        <button type="button" className="cf-save-state cf-save-state--error" title={`${status.message} Click to save a file instead.`} onClick={() => void saveToFile(appStore)}>
          <CloudOff size={13} aria-hidden />
          Not saved
        </button>
      )
    default:
      return assertNever(status, 'save status')
  }
}

export function DocumentTitle() {
  const name = useApp(selectDocumentName)
  const status = usePersistence((s) => s.status)
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(name)
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    const start = () => setEditing(true)
    window.addEventListener(renameDesignEvent, start)
    return () => window.removeEventListener(renameDesignEvent, start)
  }, [])
  useEffect(() => {
    if (!editing) return
    setDraft(name)
    requestAnimationFrame(() => input.current?.select())
    // Only when editing starts: typing must not be reset by a name change it caused.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editing])

  const commit = () => {
    renameDesign(appStore, draft)
    setEditing(false)
  }

  return (
    <div className="cf-doc-title">
      <h1 className="cf-doc-title__heading">
        {editing ? (
          <input
            ref={input}
            className="cf-doc-title__input"
            aria-label="Design name"
            value={draft}
            maxLength={200}
            spellCheck={false}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit()
              else if (e.key === 'Escape') {
                e.stopPropagation()
                setEditing(false)
              }
            }}
          />
        ) : (
          <button type="button" className="cf-doc-title__name" title="Rename the design" onClick={() => setEditing(true)}>
            {name}
          </button>
        )}
      </h1>
      <IconButton label="Designs" size="sm" onClick={() => appStore.getState().openDialog({ kind: 'projects' })}>
        <ChevronDown size={15} aria-hidden />
      </IconButton>
      <SaveState status={status} />
    </div>
  )
}
