/** Short messages at the bottom of the screen, announced politely to screen readers. */
import { useEffect } from 'react'
import { AlertTriangle, CheckCircle2, Info, X, XCircle } from 'lucide-react'
import type { Notice } from '../store/ui-slice.ts'
import { IconButton } from './Button.tsx'
import './overlays.css'

const icons = { info: Info, success: CheckCircle2, warning: AlertTriangle, error: XCircle } as const
const lifetimeMs = { info: 4000, success: 3500, warning: 7000, error: 9000 } as const

function NoticeItem({ notice, onDismiss }: { readonly notice: Notice; readonly onDismiss: (id: number) => void }) {
  useEffect(() => {
    if (notice.sticky) return
    // A notice with an action ("Undo") stays long enough to reach for it.
    const t = setTimeout(() => onDismiss(notice.id), notice.action ? Math.max(10_000, lifetimeMs[notice.tone]) : lifetimeMs[notice.tone])
    return () => clearTimeout(t)
  }, [notice, onDismiss])
  const Icon = icons[notice.tone]
  return (
    <div className={`cf-notice cf-notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <Icon size={16} aria-hidden className="cf-notice__icon" />
      <span className="cf-notice__message">{notice.message}</span>
      {notice.action ? (
        <button
          type="button"
          className="cf-notice__action"
          onClick={() => {
            notice.action?.run()
            onDismiss(notice.id)
          }}
        >
          {notice.action.label}
        </button>
      ) : null}
      <IconButton label="Dismiss" size="sm" onClick={() => onDismiss(notice.id)}>
        <X size={14} aria-hidden />
      </IconButton>
    </div>
  )
}

export function Notices({ notices, onDismiss }: { readonly notices: readonly Notice[]; readonly onDismiss: (id: number) => void }) {
  return (
    <div className="cf-notices" aria-live="polite">
      {notices.map((n) => (
        <NoticeItem key={n.id} notice={n} onDismiss={onDismiss} />
      ))}
    </div>
  )
}
