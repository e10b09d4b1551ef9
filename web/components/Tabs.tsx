/** Tabs as a WAI-ARIA tablist: one tab stop, arrow keys move between tabs. */
import { useRef, type KeyboardEvent, type ReactNode } from 'react'
import './controls.css'

export interface TabItem<T extends string> {
  readonly id: T
  readonly label: string
  readonly badge?: ReactNode
}

interface TabsProps<T extends string> {
  readonly label: string
  readonly tabs: readonly TabItem<T>[]
  readonly value: T
  readonly onChange: (id: T) => void
  /** Prefix for the tab and panel element ids, so panels can point back at their tab. */
  readonly idPrefix: string
}

export function tabPanelId(prefix: string, id: string) {
  return `${prefix}-panel-${id}`
}
export function tabId(prefix: string, id: string) {
  return `${prefix}-tab-${id}`
}

export function Tabs<T extends string>({ label, tabs, value, onChange, idPrefix }: TabsProps<T>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([])
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: tabs.length - 1 - index }[event.key]
    if (step === undefined) return
    event.preventDefault()
    const next = (index + step + tabs.length) % tabs.length
    const tab = tabs[next]
    if (!tab) return
    onChange(tab.id)
    refs.current[next]?.focus()
  }
  return (
    <div role="tablist" aria-label={label} className="cf-tabs">
      {tabs.map((tab, i) => {
        const selected = tab.id === value
        return (
          <button
            key={tab.id}
            ref={(el) => {
              refs.current[i] = el
            }}
            id={tabId(idPrefix, tab.id)}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={tabPanelId(idPrefix, tab.id)}
            tabIndex={selected ? 0 : -1}
            className="cf-tabs__tab"
            onClick={() => onChange(tab.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {tab.label}
            {tab.badge}
          </button>
        )
      })}
    </div>
  )
}
