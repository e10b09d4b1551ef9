/**
 * The saved versions, newest first: compare one with the design, rename it, or delete it (after a
 * confirmation; the delete is one undo entry like any other change to the document).
 */
import { useState } from 'react'
import { GitCompareArrows, Pencil, Trash2 } from 'lucide-react'
import type { VersionSummary } from '@core'
import { Button, IconButton } from '../../components/Button.tsx'
import { appStore } from '../../store/index.ts'
import { formatVersionTime, removeVersionNow, renameVersionNow } from './versions.ts'

interface Props {
  readonly versions: readonly VersionSummary[]
  readonly onCompare: (id: string) => void
}

function Row({ version, onCompare }: { readonly version: VersionSummary; readonly onCompare: (id: string) => void }) {
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm'>('view')
  const [message, setMessage] = useState(version.message)
  const meta = `${formatVersionTime(version.at)} · ${version.tables.toLocaleString('en-US')} ${version.tables === 1 ? 'table' : 'tables'}`
  if (mode === 'confirm')
    return (
      <li className="cf-version cf-version--confirm" aria-label={version.message}>
        <span className="cf-version__question">Delete “{version.message}”?</span>
        <Button size="sm" variant="danger" onClick={() => removeVersionNow(appStore, version.id)}>
          Delete
        </Button>
        <Button size="sm" variant="ghost" autoFocus onClick={() => setMode('view')}>
          Cancel
        </Button>
      </li>
    )
  return (
    <li className="cf-version" aria-label={version.message}>
      {mode === 'rename' ? (
        <form
          className="cf-version__rename"
          onSubmit={(e) => {
            e.preventDefault()
            renameVersionNow(appStore, version.id, message)
            setMode('view')
          }}
        >
          <input
            className="cf-input"
            aria-label={`New message for ${version.message}`}
            value={message}
            autoFocus
            maxLength={200}
            onChange={(e) => setMessage(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation()
                setMode('view')
              }
            }}
          />
          <Button size="sm" type="submit" variant="primary">
            Rename
          </Button>
        </form>
      ) : (
        <div className="cf-version__text">
          <span className="cf-version__message">{version.message}</span>
          <span className="cf-version__meta">{meta}</span>
        </div>
      )}
      {mode === 'view' ? (
        <span className="cf-version__actions">
          <IconButton size="sm" label={`Compare ${version.message} with the design`} onClick={() => onCompare(version.id)}>
            <GitCompareArrows size={14} aria-hidden />
          </IconButton>
          <IconButton size="sm" label={`Rename ${version.message}`} onClick={() => (setMessage(version.message), setMode('rename'))}>
            <Pencil size={14} aria-hidden />
          </IconButton>
          <IconButton size="sm" label={`Delete ${version.message}`} onClick={() => setMode('confirm')}>
            <Trash2 size={14} aria-hidden />
          </IconButton>
        </span>
      ) : null}
    </li>
  )
}

export function VersionList({ versions, onCompare }: Props) {
  return (
    <ul className="cf-versions" aria-label="Saved versions">
      {[...versions].reverse().map((v) => (
        <Row key={v.id} version={v} onCompare={onCompare} />
      ))}
    </ul>
  )
}
