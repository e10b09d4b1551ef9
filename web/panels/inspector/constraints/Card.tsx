/**
 * A constraint or index as a card: a one-line summary that opens into its editor. Cards take the
 * keyboard like rows do: Escape from a field lands on the card, Alt+↑/↓ reorders where order
 * means something, Delete on the card removes it.
 */
import { useCallback, useState, type KeyboardEvent, type ReactNode } from 'react'
import { ChevronRight, Trash2 } from 'lucide-react'
import { IconButton } from '../../../components/Button.tsx'

interface CardProps {
  /** The accessible name: `Unique users_email_key`. */
  readonly label: string
  readonly kind: string
  readonly summary: ReactNode
  readonly open: boolean
  readonly onToggle: () => void
  readonly onRemove: () => void
  /** Alt+↑ / Alt+↓ on the card: -1 or +1. */
  readonly onMove?: (step: -1 | 1) => void
  readonly part: string
  readonly highlighted?: boolean
  readonly removeHint?: string
  readonly children: ReactNode
}

export function Card({ label, kind, summary, open, onToggle, onRemove, onMove, part, highlighted, removeHint, children }: CardProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.defaultPrevented) return
    if (e.altKey && onMove && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault()
      onMove(e.key === 'ArrowUp' ? -1 : 1)
      return
    }
    if (e.target === e.currentTarget && (e.key === 'Delete' || e.key === 'Backspace')) {
      e.preventDefault()
      onRemove()
    } else if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault()
      onToggle()
    }
  }
  return (
    <div
      className={['cf-card', open ? 'cf-card--open' : '', highlighted ? 'cf-flash' : ''].filter(Boolean).join(' ')}
      role="group"
      aria-label={label}
      tabIndex={-1}
      data-cf-escape=""
      data-part={part}
      onKeyDown={onKeyDown}
    >
      <div className="cf-card__head">
        <button type="button" className="cf-card__toggle" aria-expanded={open} onClick={onToggle}>
          <ChevronRight size={14} aria-hidden className="cf-card__chevron" />
          <span className="cf-card__kind">{kind}</span>
          <span className="cf-card__summary">{summary}</span>
        </button>
        <IconButton label={`Delete ${label}`} size="sm" onClick={onRemove} title={removeHint ? `Delete. ${removeHint}` : 'Delete'}>
          <Trash2 size={14} aria-hidden />
        </IconButton>
      </div>
      {open ? <div className="cf-card__body">{children}</div> : null}
    </div>
  )
}

/** Which cards are open, so a focus request can open one from outside. */
export function useOpenSet<Id>(initial: readonly Id[] = []) {
  const [open, setOpen] = useState<ReadonlySet<Id>>(() => new Set(initial))
  const toggle = useCallback((id: Id) => {
    setOpen((s) => {
      const next = new Set(s)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  }, [])
  const show = useCallback((id: Id) => setOpen((s) => (s.has(id) ? s : new Set(s).add(id))), [])
  return { isOpen: (id: Id) => open.has(id), toggle, show }
}

/** Brings a part of the inspector into view, focuses it and its first field when asked. */
export function revealPart(part: string, field?: 'first-field'): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(`[data-part="${CSS.escape(part)}"]`)
    if (!el) return
    el.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
    const input = field ? el.querySelector<HTMLElement>('.cf-card__body input, .cf-card__body select, .cf-card__body textarea') : null
    ;(input ?? el).focus({ preventScroll: true })
    if (input instanceof HTMLInputElement) input.select()
  })
}
