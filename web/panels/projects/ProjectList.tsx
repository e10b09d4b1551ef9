/**
 * The stored designs, last opened first: open, rename, duplicate, delete (after asking). Rows are
 * plain buttons and fields, so the list works the same by keyboard.
 */
import { useState } from 'react'
import { Copy, Pencil, Trash2 } from 'lucide-react'
import { Button, IconButton } from '../../components/Button.tsx'
import type { ProjectMeta } from '../../persistence/project-db.ts'

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })
export function ago(at: number, now = Date.now()): string {
  const s = Math.round((at - now) / 1000)
  if (s > -45) return 'just now'
  const m = Math.round(s / 60)
  if (m > -60) return relative.format(m, 'minute')
  const h = Math.round(m / 60)
  if (h > -24) return relative.format(h, 'hour')
  const d = Math.round(h / 24)
  if (d > -7) return relative.format(d, 'day')
  return new Date(at).toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric' })
}

interface Props {
  readonly projects: readonly ProjectMeta[]
  readonly openId: string | undefined
  readonly onOpen: (id: string) => void
  readonly onRename: (id: string, name: string) => void
  readonly onDuplicate: (id: string) => void
  readonly onDelete: (id: string) => void
}

function Row({ project, open, onOpen, onRename, onDuplicate, onDelete }: Omit<Props, 'projects' | 'openId'> & { readonly project: ProjectMeta; readonly open: boolean }) {
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm'>('view')
  const [name, setName] = useState(project.name)
  const tables = `${project.tables} ${project.tables === 1 ? 'table' : 'tables'}`
  if (mode === 'confirm')
    return (
      <li className="cf-project cf-project--confirm" aria-label={project.name}>
        <span className="cf-project__question">Delete “{project.name}”? This cannot be undone.</span>
        <Button size="sm" variant="danger" onClick={() => onDelete(project.id)}>
          Delete
        </Button>
        <Button size="sm" variant="ghost" autoFocus onClick={() => setMode('view')}>
          Cancel
        </Button>
      </li>
    )
  return (
    <li className="cf-project" aria-label={project.name} aria-current={open ? 'true' : undefined}>
      {mode === 'rename' ? (
        <form
          className="cf-project__rename"
          onSubmit={(e) => {
            e.preventDefault()
            onRename(project.id, name)
            setMode('view')
          }}
        >
          <input
            className="cf-input"
            aria-label={`New name for ${project.name}`}
            value={name}
            autoFocus
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
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
        <button type="button" className="cf-project__open" onClick={() => onOpen(project.id)}>
          <span className="cf-project__name">{project.name}</span>
          <span className="cf-project__meta">
            {tables} · edited {ago(project.updatedAt)}
          </span>
        </button>
      )}
      {open ? <span className="cf-project__badge">Open</span> : null}
      {mode === 'view' ? (
        <span className="cf-project__actions">
          <IconButton size="sm" label={`Rename ${project.name}`} onClick={() => (setName(project.name), setMode('rename'))}>
            <Pencil size={14} aria-hidden />
          </IconButton>
          <IconButton size="sm" label={`Duplicate ${project.name}`} onClick={() => onDuplicate(project.id)}>
            <Copy size={14} aria-hidden />
          </IconButton>
          <IconButton size="sm" label={`Delete ${project.name}`} onClick={() => setMode('confirm')}>
            <Trash2 size={14} aria-hidden />
          </IconButton>
        </span>
      ) : null}
    </li>
  )
}

export function ProjectList({ projects, openId, ...handlers }: Props) {
  return (
    <ul className="cf-projects" aria-label="Saved designs">
      {projects.map((p) => (
        <Row key={p.id} project={p} open={p.id === openId} {...handlers} />
      ))}
    </ul>
  )
}
