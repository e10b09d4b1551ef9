/**
 * A row of mutually exclusive options, as a WAI-ARIA radio group: one tab stop, arrow keys move
 * and select. Generic UI: it knows nothing of themes or documents.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react'
import './SegmentedControl.css'

export interface SegmentOption<T extends string> {
  readonly value: T
  readonly label: string
  readonly icon?: ReactNode
}

interface Props<T extends string> {
  readonly label: string
  readonly options: readonly SegmentOption<T>[]
  readonly value: T
  readonly onChange: (value: T) => void
  /** Icons only, with the label as tooltip and accessible name. */
  readonly compact?: boolean
}

export function SegmentedControl<T extends string>({ label, options, value, onChange, compact }: Props<T>) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([])

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key]
    if (step === undefined) return
    event.preventDefault()
    const next = (index + step + options.length) % options.length
    const option = options[next]
    if (!option) return
    onChange(option.value)
    buttons.current[next]?.focus()
  }

  return (
    <div role="radiogroup" aria-label={label} className="cf-segmented">
      {options.map((option, i) => {
        const checked = option.value === value
        return (
          <button
            key={option.value}
            ref={(el) => {
              buttons.current[i] = el
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={compact ? option.label : undefined}
            title={compact ? option.label : undefined}
            tabIndex={checked ? 0 : -1}
            className="cf-segmented__option"
            onClick={() => onChange(option.value)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {option.icon}
            {compact ? null : <span>{option.label}</span>}
          </button>
        )
      })}
    </div>
  )
}
