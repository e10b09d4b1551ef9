/**
 * A column type as a WAI-ARIA combobox: type to search PostgreSQL's types and the design's enums,
 * arrows to choose, Enter or Tab to take it. Whatever else is typed is read by the core's type
 * parser when the field is left: a custom type if it reads, the parser's reason inline if not.
 *
 * The text is applied once, when the user is done (one undo entry), not per keystroke: a half
 * typed `varch` is not a type anyone wants on the canvas.
 */
import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react'
import { createPortal } from 'react-dom'
import type { ApplyResult } from '../../../store/document-slice.ts'
import { appStore } from '../../../store/index.ts'
import { commitDraft, useDraft } from '../drafts.ts'
import { parseTypeIn } from '../names.ts'
import { searchTypes, typeCatalog, type TypeOption } from './type-search.ts'
import './TypePicker.css'

interface TypePickerProps {
  /** The type as the model holds it, formatted. */
  readonly value: string
  readonly draftKey: string
  readonly onCommit: (text: string) => ApplyResult
  readonly onNewEnum: (name: string | undefined) => void
  readonly label: string
  readonly inputRef?: Ref<HTMLInputElement>
  readonly className?: string
  /** Where the reason for a refused type is shown (the row shows it under itself). */
  readonly describedBy?: string
}

function search(text: string) {
  const schema = appStore.getState().document.schema
  return searchTypes(typeCatalog(schema), text, (t) => parseTypeIn(schema, t))
}

const optionLabel = (o: TypeOption) =>
  o.kind === 'type' ? o.text : o.kind === 'custom' ? `Use “${o.text}”` : o.name ? `New enum “${o.name}”…` : 'New enum…'

export function TypePicker({ value, draftKey, onCommit, onNewEnum, label, inputRef, className, describedBy }: TypePickerProps) {
  const draft = useDraft(draftKey, value, onCommit)
  const [text, setTextState] = useState<string>()
  // Mirrors `text` for handlers that run before React re-renders (Tab picks, then blur fires).
  const held = useRef<string | undefined>(undefined)
  const setText = (next: string | undefined) => {
    held.current = next
    setTextState(next)
  }
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const listId = useId()
  const input = useRef<HTMLInputElement | null>(null)
  const shown = text ?? draft.value
  // The design is read when the list opens or the text changes, not on every edit elsewhere:
  // rows stay cheap to re-render while someone types in another field.
  const result = useMemo(() => (open ? search(text ?? '') : undefined), [open, text])
  const options = result?.options ?? []

  const commit = (next: string) => {
    setText(undefined)
    setOpen(false)
    if (next.trim() === value && !draft.error) return { ok: true } as const
    return commitDraft(draftKey, next.trim(), onCommit)
  }

  const pick = (o: TypeOption) => {
    if (o.kind === 'new-enum') {
      setText(undefined)
      setOpen(false)
      onNewEnum(o.name)
      return { ok: true } as const
    }
    return commit(o.text)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0
    if (step !== 0 && !e.altKey) {
      e.preventDefault()
      if (!open) {
        // Opened on the full list, at the column's current type.
        const all = search('').options
        const base = value.replace(/[([].*$/, '')
        setOpen(true)
        setActive(Math.max(0, all.findIndex((o) => o.kind === 'type' && o.text === base)))
        return
      }
      setActive((i) => (i + step + options.length) % Math.max(options.length, 1))
      return
    }
    if (e.key === 'Escape' && open) {
      e.preventDefault()
      setOpen(false)
      return
    }
    if (e.key === 'Enter' || e.key === 'Tab') {
      const option = open ? options[active] : undefined
      if (!option && held.current === undefined) return
      const r = option ? pick(option) : commit(held.current ?? shown)
      // A refused type keeps the keyboard here, with the reason shown; Enter moves on otherwise.
      if (!r.ok || option?.kind === 'new-enum') e.preventDefault()
    }
  }

  return (
    <>
      <input
        ref={(el) => {
          input.current = el
          if (typeof inputRef === 'function') inputRef(el)
          else if (inputRef) (inputRef as { current: HTMLInputElement | null }).current = el
        }}
        className={['cf-input cf-input--mono', className].filter(Boolean).join(' ')}
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
        aria-invalid={draft.error ? true : undefined}
        aria-describedby={describedBy}
        spellCheck={false}
        autoComplete="off"
        value={shown}
        onChange={(e) => {
          setText(e.target.value)
          setOpen(true)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (held.current !== undefined) commit(held.current)
          else setOpen(false)
        }}
      />
      {open ? (
        <TypeList
          anchor={input.current}
          id={listId}
          options={options}
          active={active}
          error={result?.error}
          onHover={setActive}
          onPick={(o) => pick(o)}
        />
      ) : null}
    </>
  )
}

interface TypeListProps {
  readonly anchor: HTMLInputElement | null
  readonly id: string
  readonly options: readonly TypeOption[]
  readonly active: number
  readonly error: string | undefined
  readonly onHover: (index: number) => void
  readonly onPick: (option: TypeOption) => void
}

/** The popup, in a portal so no scrolling panel clips it; placed under the field, or above it. */
function TypeList({ anchor, id, options, active, error, onHover, onPick }: TypeListProps) {
  const list = useRef<HTMLDivElement>(null)
  const [place, setPlace] = useState<{ left: number; top?: number; bottom?: number; width: number }>()

  useLayoutEffect(() => {
    if (!anchor) return
    const update = () => {
      const r = anchor.getBoundingClientRect()
      const width = Math.max(r.width, 280)
      const left = Math.max(8, Math.min(r.left, window.innerWidth - width - 8))
      const below = window.innerHeight - r.bottom
      setPlace(below > 240 || below > r.top ? { left, top: r.bottom + 4, width } : { left, bottom: window.innerHeight - r.top + 4, width })
    }
    update()
    window.addEventListener('resize', update)
    window.addEventListener('scroll', update, true)
    return () => {
      window.removeEventListener('resize', update)
      window.removeEventListener('scroll', update, true)
    }
  }, [anchor])

  useLayoutEffect(() => {
    list.current?.querySelector(`[id="${id}-${active}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [active, id])

  if (!place) return null
  return createPortal(
    <div className="cf-type-list" style={place} onMouseDown={(e) => e.preventDefault()}>
      <div ref={list} id={id} role="listbox" aria-label="Types" className="cf-type-list__options">
        {options.map((o, i) => (
          <div
            key={o.key}
            id={`${id}-${i}`}
            role="option"
            aria-selected={i === active}
            className={['cf-type-option', `cf-type-option--${o.kind}`].join(' ')}
            onMouseEnter={() => onHover(i)}
            onClick={() => onPick(o)}
          >
            <span className="cf-type-option__name">{optionLabel(o)}</span>
            <span className="cf-type-option__note">
              {o.kind === 'type' ? o.entry.description : o.kind === 'custom' ? 'Custom type' : 'Create an enum type'}
            </span>
          </div>
        ))}
      </div>
      {error ? (
        <div className="cf-type-list__error" role="status">
          {error}
        </div>
      ) : null}
    </div>,
    document.body,
  )
}
