/**
 * Labelled form controls. The label is a real <label>, so every control has an accessible name;
 * errors are announced through aria-describedby and aria-invalid.
 */
import { forwardRef, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react'
import './controls.css'

interface FieldShellProps {
  readonly label: string
  readonly hint?: ReactNode
  readonly error?: string
  /** Hide the label visually (it still names the control). */
  readonly hideLabel?: boolean
  readonly className?: string
  readonly children: (ids: { id: string; describedBy: string | undefined }) => ReactNode
}

export function FieldShell({ label, hint, error, hideLabel, className, children }: FieldShellProps) {
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div className={['cf-field', error ? 'cf-field--invalid' : '', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className={hideLabel ? 'cf-visually-hidden' : 'cf-field__label'}>
        {label}
      </label>
      {children({ id, describedBy })}
      {hint ? (
        <div id={hintId} className="cf-field__hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <div id={errorId} className="cf-field__error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  )
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  readonly label: string
  readonly hint?: ReactNode
  readonly error?: string
  readonly hideLabel?: boolean
  readonly mono?: boolean
}

export const TextField = forwardRef<HTMLInputElement, InputProps>(function TextField(
  { label, hint, error, hideLabel, mono, className, ...rest },
  ref,
) {
  return (
    <FieldShell label={label} hint={hint} error={error} hideLabel={hideLabel} className={className}>
      {({ id, describedBy }) => (
        <input
          ref={ref}
          id={id}
          className={mono ? 'cf-input cf-input--mono' : 'cf-input'}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          spellCheck={false}
          autoComplete="off"
          {...rest}
        />
      )}
    </FieldShell>
  )
})

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  readonly label: string
  readonly hint?: ReactNode
  readonly error?: string
  readonly hideLabel?: boolean
  readonly mono?: boolean
}

export const TextArea = forwardRef<HTMLTextAreaElement, TextAreaProps>(function TextArea(
  { label, hint, error, hideLabel, mono, className, ...rest },
  ref,
) {
  return (
    <FieldShell label={label} hint={hint} error={error} hideLabel={hideLabel} className={className}>
      {({ id, describedBy }) => (
        <textarea
          ref={ref}
          id={id}
          className={mono ? 'cf-input cf-textarea cf-input--mono' : 'cf-input cf-textarea'}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...rest}
        />
      )}
    </FieldShell>
  )
})

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  readonly label: string
  readonly hint?: ReactNode
  readonly hideLabel?: boolean
  readonly options: readonly { readonly value: string; readonly label: string }[]
}

export const SelectField = forwardRef<HTMLSelectElement, SelectProps>(function SelectField(
  { label, hint, hideLabel, options, className, ...rest },
  ref,
) {
  return (
    <FieldShell label={label} hint={hint} hideLabel={hideLabel} className={className}>
      {({ id, describedBy }) => (
        <select ref={ref} id={id} className="cf-input cf-select" aria-describedby={describedBy} {...rest}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  )
})

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id'> & { readonly label: string }

export function Checkbox({ label, className, ...rest }: CheckboxProps) {
  const id = useId()
  return (
    <div className={['cf-checkbox', className].filter(Boolean).join(' ')}>
      <input id={id} type="checkbox" {...rest} />
      <label htmlFor={id}>{label}</label>
    </div>
  )
}
