/**
 * A button that opens a short list to pick from ("+ column"). Unlike a <select>, arrowing through
 * the list changes nothing until Enter, so a keyboard user never adds what they only passed over.
 */
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { createPortal } from 'react-dom'

export interface MenuItem {
  readonly value: string
  readonly label: string
}

interface MenuProps {
  /** The button's accessible name: "Add a column to the primary key". */
  readonly label: string
  readonly children: ReactNode
  readonly items: readonly MenuItem[]
  readonly onPick: (value: string) => void
  readonly className?: string
}

export function Menu({ label, children, items, onPick, className }: MenuProps) {
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const button = useRef<HTMLButtonElement>(null)
  const list = useRef<HTMLDivElement>(null)
  const [place, setPlace] = useState<{ left: number; top: number; minWidth: number }>()
  const id = useId()

  useLayoutEffect(() => {
    if (!open || !button.current) return
    const r = button.current.getBoundingClientRect()
    setPlace({ left: Math.min(r.left, window.innerWidth - 220), top: r.bottom + 4, minWidth: Math.max(r.width, 180) })
    list.current?.focus()
  }, [open])
  useLayoutEffect(() => {
    if (open) list.current?.querySelector(`[id="${id}-${active}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [open, active, id])

  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) button.current?.focus()
  }
  const pick = (i: number) => {
    const item = items[i]
    close(true)
    if (item) onPick(item.value)
  }
  const onListKey = (e: KeyboardEvent) => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[e.key]
    if (step !== undefined) {
      e.preventDefault()
      setActive((i) => (i + step + items.length) % items.length)
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault()
      setActive(e.key === 'Home' ? 0 : items.length - 1)
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      pick(active)
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      // The list lives in a portal at the end of the page: Tab would leave for nowhere useful.
      e.preventDefault()
      close(true)
    }
    e.stopPropagation()
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        className={['cf-menu-button', className].filter(Boolean).join(' ')}
        aria-label={label}
        aria-haspopup="listbox"
        aria-expanded={open}
        disabled={items.length === 0}
        onClick={() => (setActive(0), setOpen((o) => !o))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') (e.preventDefault(), setActive(0), setOpen(true))
        }}
      >
        {children}
      </button>
      {open && place
        ? createPortal(
            <div className="cf-type-list" style={place} onMouseDown={(e) => e.preventDefault()}>
              <div
                ref={list}
                className="cf-type-list__options"
                role="listbox"
                aria-label={label}
                tabIndex={0}
                aria-activedescendant={`${id}-${active}`}
                onKeyDown={onListKey}
                onBlur={() => close(false)}
              >
                {items.map((item, i) => (
                  <div
                    key={item.value}
                    id={`${id}-${i}`}
                    role="option"
                    aria-selected={i === active}
                    className="cf-type-option"
                    onMouseEnter={() => setActive(i)}
                    onClick={() => pick(i)}
                  >
                    <span className="cf-type-option__name">{item.label}</span>
                  </div>
                ))}
              </div>
            </div>,
            document.body,
          )
        : null}
    </>
  )
}
