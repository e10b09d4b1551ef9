/**
 * A finding's quick fixes: the first as a button that says what it does, the others and "Fix all
 * of this kind" in a menu. The menu is a popover (the top layer), so the virtual list's clipping
 * does not cut it off; it follows the WAI-ARIA menu button pattern.
 */
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { ChevronDown, Wand2 } from 'lucide-react'
import type { Finding } from '../../worker/protocol.ts'
import { useFixTitles, type FixTitles } from './fix-titles.ts'

interface FixButtonsProps {
  readonly finding: Finding
  readonly titles: FixTitles
  /** How many shown findings of this rule have a fix (for "Fix all of this kind"). */
  readonly sameKind: number
  readonly onFix: (finding: Finding, index: number, title: string) => void
  readonly onFixAll: (rule: string) => void
  readonly busy: boolean
}

export function FixButtons({ finding, titles: store, sameKind, onFix, onFixAll, busy }: FixButtonsProps) {
  const titles = useFixTitles(store, finding)
  if (!finding.hasFixes || (titles && titles.length === 0)) return null
  if (!titles) {
    return (
      <button type="button" className="cf-problems__fix" disabled>
        <Wand2 size={13} aria-hidden />
        <span className="cf-problems__fix-label">Quick fix</span>
      </button>
    )
  }
  const first = titles[0]!
  const more = titles.length > 1 || sameKind > 1
  return (
    <div className="cf-problems__fixes">
      <button type="button" className={more ? 'cf-problems__fix cf-problems__fix--split' : 'cf-problems__fix'} title={first} disabled={busy} onClick={() => onFix(finding, 0, first)}>
        <Wand2 size={13} aria-hidden />
        <span className="cf-problems__fix-label">{first}</span>
      </button>
      {more ? <FixMenu finding={finding} titles={titles} sameKind={sameKind} onFix={onFix} onFixAll={onFixAll} busy={busy} /> : null}
    </div>
  )
}

function FixMenu({ finding, titles, sameKind, onFix, onFixAll, busy }: Omit<FixButtonsProps, 'titles'> & { readonly titles: readonly string[] }) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const id = useId()

  useLayoutEffect(() => {
    const el = menu.current
    const anchor = button.current
    if (!open || !el || !anchor) return
    el.showPopover()
    const r = anchor.getBoundingClientRect()
    const width = el.offsetWidth
    const height = el.offsetHeight
    const below = r.bottom + 4 + height <= window.innerHeight
    el.style.left = `${Math.max(8, Math.min(r.right - width, window.innerWidth - width - 8))}px`
    el.style.top = `${below ? r.bottom + 4 : Math.max(8, r.top - 4 - height)}px`
    el.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus()
  }, [open])

  const close = (refocus: boolean) => {
    setOpen(false)
    if (menu.current?.matches(':popover-open')) menu.current.hidePopover()
    if (refocus) button.current?.focus()
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])]
    const at = items.indexOf(document.activeElement as HTMLButtonElement)
    const step = { ArrowDown: 1, ArrowUp: -1, Home: -at, End: items.length - 1 - at }[event.key]
    if (step !== undefined) {
      event.preventDefault()
      items[(at + step + items.length) % items.length]?.focus()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      close(true)
    } else if (event.key === 'Tab') close(false)
  }

  const choose = (run: () => void) => {
    close(true)
    run()
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        className="cf-problems__fix cf-problems__fix--more"
        aria-label="More fixes"
        title="More fixes"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        disabled={busy}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        <ChevronDown size={13} aria-hidden />
      </button>
      {open ? (
        <div
          ref={menu}
          id={id}
          popover="auto"
          role="menu"
          aria-label={`Fixes for ${finding.rule}`}
          className="cf-fix-menu"
          onKeyDown={onKeyDown}
          onToggle={(e) => {
            if ((e.nativeEvent as ToggleEvent).newState === 'closed') setOpen(false)
          }}
        >
          {titles.map((title, i) => (
            <button key={i} type="button" role="menuitem" tabIndex={-1} className="cf-fix-menu__item" onClick={() => choose(() => onFix(finding, i, title))}>
              {title}
            </button>
          ))}
          {sameKind > 1 ? (
            <>
              <div role="separator" className="cf-fix-menu__separator" />
              <button type="button" role="menuitem" tabIndex={-1} className="cf-fix-menu__item" onClick={() => choose(() => onFixAll(finding.rule))}>
                Fix all {sameKind.toLocaleString('en-US')} of this kind
              </button>
            </>
          ) : null}
        </div>
      ) : null}
    </>
  )
}
