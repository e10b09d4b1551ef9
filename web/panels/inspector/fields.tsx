/**
 * The inspector's property rows: a label on the left, the control on the right, all on one grid
 * so every panel lines up. Text bound to the model goes through a draft (drafts.ts): what the
 * model refuses stays in the field with the reason and a way back, never silently dropped.
 */
import { useId, type KeyboardEvent, type ReactNode, type Ref } from 'react'
import type { ApplyResult } from '../../store/document-slice.ts'
import { useDraft } from './drafts.ts'

/** Escape leaves a field: the keyboard goes to the nearest row or panel that takes it. */
export function leaveField(el: HTMLElement): void {
  const target = el.parentElement?.closest<HTMLElement>('[data-cf-escape]')
  if (target) target.focus()
  else el.blur()
}

export function escapeLeaves(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Escape' || event.defaultPrevented) return
  event.preventDefault()
  leaveField(event.currentTarget)
}

export function DraftError({ id, error, onRevert }: { readonly id?: string; readonly error: string; readonly onRevert: () => void }) {
  return (
    <div id={id} className="cf-draft-error">
      <span role="alert">{error}</span>
      <button type="button" className="cf-link-button" onClick={onRevert}>
        Revert
      </button>
    </div>
  )
}

interface PropProps {
  readonly label: string
  readonly hint?: ReactNode
  readonly error?: string
  readonly onRevert?: () => void
  /** Labels of tall controls (text areas, lists) sit at the top. */
  readonly top?: boolean
  readonly children: (ids: { id: string; describedBy: string | undefined }) => ReactNode
}

export function Prop({ label, hint, error, onRevert, top, children }: PropProps) {
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined
  return (
    <div className={top ? 'cf-prop cf-prop--top' : 'cf-prop'}>
      <label htmlFor={id} className="cf-prop__label">
        {label}
      </label>
      <div className="cf-prop__control">
        {children({ id, describedBy })}
        {error ? <DraftError id={errorId} error={error} onRevert={onRevert ?? (() => {})} /> : null}
        {hint ? (
          <div id={hintId} className="cf-prop__hint">
            {hint}
          </div>
        ) : null}
      </div>
    </div>
  )
}

/** A group of controls (a radio group, checkboxes) under one label, without a <label> element. */
export function PropGroup({ label, children, top }: { readonly label: string; readonly children: ReactNode; readonly top?: boolean }) {
  return (
    <div className={top ? 'cf-prop cf-prop--top' : 'cf-prop'}>
      <span className="cf-prop__label" aria-hidden="true">
        {label}
      </span>
      <div className="cf-prop__control">{children}</div>
    </div>
  )
}

interface TextPropProps {
  readonly label: string
  /** The draft and coalesce key: one field, one undo entry. */
  readonly draftKey: string
  readonly value: string
  readonly commit: (next: string) => ApplyResult
  readonly mono?: boolean
  readonly multiline?: boolean
  readonly placeholder?: string
  readonly hint?: ReactNode
  readonly inputRef?: Ref<HTMLInputElement>
  readonly onKeyDown?: (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => void
  readonly list?: string
}

export function TextProp({ label, draftKey, value, commit, mono, multiline, placeholder, hint, inputRef, onKeyDown, list }: TextPropProps) {
  const draft = useDraft(draftKey, value, commit)
  const className = ['cf-input', mono ? 'cf-input--mono' : '', multiline ? 'cf-textarea' : ''].filter(Boolean).join(' ')
  const keyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    onKeyDown?.(e)
    // Enter in a one-line field is done with it; in a text area it is a new line.
    if (!multiline && e.key === 'Enter' && !e.defaultPrevented) (e.preventDefault(), leaveField(e.currentTarget))
    escapeLeaves(e)
  }
  return (
    <Prop label={label} hint={hint} error={draft.error} onRevert={draft.revert} top={multiline}>
      {({ id, describedBy }) =>
        multiline ? (
          <textarea
            id={id}
            className={className}
            rows={2}
            value={draft.value}
            placeholder={placeholder}
            aria-invalid={draft.error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => draft.onChange(e.target.value)}
            onKeyDown={keyDown}
          />
        ) : (
          <input
            ref={inputRef}
            id={id}
            className={className}
            value={draft.value}
            placeholder={placeholder}
            spellCheck={false}
            autoComplete="off"
            list={list}
            aria-invalid={draft.error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => draft.onChange(e.target.value)}
            onKeyDown={keyDown}
          />
        )
      }
    </Prop>
  )
}

export interface Choice<T extends string> {
  readonly value: T
  readonly label: string
}

export function SelectProp<T extends string>({
  label,
  value,
  options,
  onChange,
  hint,
}: {
  readonly label: string
  readonly value: T
  readonly options: readonly Choice<T>[]
  readonly onChange: (value: T) => void
  readonly hint?: ReactNode
}) {
  return (
    <Prop label={label} hint={hint}>
      {({ id, describedBy }) => (
        <select id={id} className="cf-input cf-select" value={value} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value as T)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Prop>
  )
}

/** A checkbox in the control column, its label beside it. */
export function CheckProp({
  label,
  checked,
  onChange,
  hint,
  disabled,
}: {
  readonly label: string
  readonly checked: boolean
  readonly onChange: (checked: boolean) => void
  readonly hint?: ReactNode
  readonly disabled?: boolean
}) {
  const id = useId()
  return (
    <label className="cf-check" htmlFor={id} title={typeof hint === 'string' ? hint : undefined}>
      <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  )
}
