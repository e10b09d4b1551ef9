/**
 * A table colour: a row of swatches (a radio group: one tab stop, arrows choose) and a hex field
 * for any other colour. "Default" clears it, so the table follows the theme's accent.
 */
import { useRef, useState, type KeyboardEvent } from 'react'
import { Check } from 'lucide-react'
import { DraftError, escapeLeaves, Prop } from '../fields.tsx'
import { normalizeHexColor, tableSwatches } from './table-color.ts'

interface ColorFieldProps {
  /** The colour, undefined for the default, '' when several tables disagree. */
  readonly value: string | undefined | ''
  readonly onChange: (color: string | undefined) => void
}

const choices = [{ name: 'Default', value: undefined as string | undefined }, ...tableSwatches]

export function ColorField({ value, onChange }: ColorFieldProps) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
  const [hex, setHex] = useState<string>()
  const [error, setError] = useState<string>()
  const selected = choices.findIndex((c) => c.value === value)
  const custom = value !== undefined && value !== '' && selected < 0
  const focusable = selected >= 0 ? selected : 0

  const onKeyDown = (e: KeyboardEvent, i: number) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key]
    if (step === undefined) return
    e.preventDefault()
    const next = (i + step + choices.length) % choices.length
    onChange(choices[next]!.value)
    buttons.current[next]?.focus()
  }

  const commitHex = (text: string) => {
    setHex(text)
    if (text.trim() === '') {
      setError(undefined)
      return
    }
    const color = normalizeHexColor(text)
    if (!color) return setError('A colour is written #rgb or #rrggbb.')
    setError(undefined)
    onChange(color)
  }

  return (
    <Prop label="Colour">
      {({ id }) => (
        <div className="cf-colors">
          <div role="radiogroup" aria-label="Colour" className="cf-swatches">
            {choices.map((c, i) => (
              <button
                key={c.name}
                ref={(el) => {
                  buttons.current[i] = el
                }}
                type="button"
                role="radio"
                aria-checked={i === selected}
                aria-label={c.name}
                title={c.name}
                tabIndex={i === focusable ? 0 : -1}
                className={c.value ? 'cf-swatch' : 'cf-swatch cf-swatch--default'}
                style={c.value ? { background: c.value } : undefined}
                onClick={() => onChange(c.value)}
                onKeyDown={(e) => onKeyDown(e, i)}
              >
                {i === selected ? <Check size={12} strokeWidth={3} aria-hidden /> : null}
              </button>
            ))}
          </div>
          <div className="cf-hex">
            <span className="cf-hex__preview" style={custom ? { background: value } : undefined} aria-hidden="true" />
            <input
              id={id}
              className="cf-input cf-input--mono"
              aria-label="Custom colour"
              aria-invalid={error ? true : undefined}
              placeholder={value === '' ? 'mixed' : '#rrggbb'}
              value={hex ?? (custom ? value : '')}
              spellCheck={false}
              onChange={(e) => commitHex(e.target.value)}
              onBlur={() => {
                if (!error) setHex(undefined)
              }}
              onKeyDown={escapeLeaves}
            />
          </div>
          {error ? <DraftError error={error} onRevert={() => (setHex(undefined), setError(undefined))} /> : null}
        </div>
      )}
    </Prop>
  )
}
