/**
 * Editors for a rule's options, one per kind in the rule's options schema: a checkbox, a number,
 * a choice, text, a list (chips), a set of choices, or name templates. Choices apply at once; typed
 * values apply on Enter or when the field is left, after the core has accepted them.
 */
import { useEffect, useState } from 'react'
import { X } from 'lucide-react'
import type { OptionSpec } from '@core'
import { assertNever } from '@core'
import { Checkbox, SelectField, TextField } from '../../components/Field.tsx'
import { InlineText } from './RuleDoc.tsx'
import { parseInline } from './rule-docs.ts'

/** Option descriptions write code in backticks, as the docs do. */
const Hint = ({ text }: { readonly text: string }) => <InlineText parts={parseInline(text)} />

/** Sets an option; returns the core's objection, if any (the value is not applied then). */
export type SetOption = (key: string, value: unknown) => string | undefined

interface OptionProps {
  readonly name: string
  readonly spec: OptionSpec
  readonly value: unknown
  readonly onChange: SetOption
}

/** A typed value kept as a draft while focused, committed on Enter or blur. */
function useCommitted(value: string, commit: (text: string) => string | undefined) {
  const [draft, setDraft] = useState(value)
  const [error, setError] = useState<string | undefined>()
  useEffect(() => {
    setDraft(value)
    setError(undefined)
  }, [value])
  const done = () => {
    if (draft === value) return setError(undefined)
    setError(commit(draft))
  }
  return {
    value: draft,
    error,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setDraft(e.target.value),
    onBlur: done,
    onKeyDown: (e: React.KeyboardEvent<HTMLInputElement>) => {
      if (e.key === 'Enter') done()
      if (e.key === 'Escape' && draft !== value) {
        // Escape first drops the draft; only a second one closes the dialog.
        e.preventDefault()
        e.stopPropagation()
        setDraft(value)
        setError(undefined)
      }
    },
  }
}

function NumberOption({ name, spec, value, onChange }: OptionProps & { readonly spec: Extract<OptionSpec, { type: 'number' }> }) {
  const field = useCommitted(String(value), (text) => {
    const n = text.trim() === '' ? Number.NaN : Number(text)
    return onChange(name, n)
  })
  return <TextField label={name} hint={<Hint text={spec.description} />} type="number" inputMode="numeric" min={spec.min} step={spec.integer ? 1 : 'any'} mono {...field} />
}

function TextOption({ name, spec, value, onChange }: OptionProps & { readonly spec: Extract<OptionSpec, { type: 'string' }> }) {
  const field = useCommitted(String(value), (text) => onChange(name, text))
  return <TextField label={name} hint={<Hint text={spec.description} />} mono {...field} />
}

function ListOption({ name, spec, value, onChange }: OptionProps & { readonly spec: Extract<OptionSpec, { type: 'string[]' }> }) {
  const items = (value as readonly string[]) ?? []
  const [adding, setAdding] = useState('')
  const [error, setError] = useState<string | undefined>()
  if (spec.enum) {
    return (
      <fieldset className="cf-rule-option__set">
        <legend className="cf-field__label">{name}</legend>
        <div className="cf-rule-option__choices">
          {spec.enum.map((choice) => (
            <Checkbox
              key={choice}
              label={choice}
              checked={items.includes(choice)}
              onChange={(e) => setError(onChange(name, e.target.checked ? spec.enum!.filter((c) => c === choice || items.includes(c)) : items.filter((c) => c !== choice)))}
            />
          ))}
        </div>
        <div className="cf-field__hint">
          <Hint text={spec.description} />
        </div>
        {error ? <div className="cf-field__error" role="alert">{error}</div> : null}
      </fieldset>
    )
  }
  const add = () => {
    const item = adding.trim()
    if (!item) return
    if (items.includes(item)) return setError(`"${item}" is in the list already.`)
    const problem = onChange(name, [...items, item])
    setError(problem)
    if (!problem) setAdding('')
  }
  return (
    <fieldset className="cf-rule-option__set">
      <legend className="cf-field__label">{name}</legend>
      <ul className="cf-rule-option__chips" aria-label={`${name} items`}>
        {items.length === 0 ? <li className="cf-rule-option__none">None</li> : null}
        {items.map((item) => (
          <li key={item} className="cf-rule-option__chip">
            <span>{item}</span>
            <button type="button" aria-label={`Remove ${item} from ${name}`} title={`Remove ${item}`} onClick={() => setError(onChange(name, items.filter((x) => x !== item)))}>
              <X size={12} aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      <TextField
        label={`Add to ${name}`}
        hideLabel
        placeholder="Add, then press Enter"
        mono
        value={adding}
        error={error}
        hint={<Hint text={spec.description} />}
        onChange={(e) => setAdding(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            add()
          }
        }}
      />
    </fieldset>
  )
}

function TemplateField({ name, kind, value, onCommit }: { readonly name: string; readonly kind: string; readonly value: string; readonly onCommit: (t: string) => string | undefined }) {
  const field = useCommitted(value, onCommit)
  return <TextField label={kind} mono {...field} />
}

function TemplatesOption({ name, spec, value, onChange }: OptionProps & { readonly spec: Extract<OptionSpec, { type: 'templates' }> }) {
  const templates = value as Readonly<Record<string, string>>
  return (
    <fieldset className="cf-rule-option__set">
      <legend className="cf-field__label">{name}</legend>
      <div className="cf-rule-option__templates">
        {Object.keys(spec.default).map((kind) => (
          <TemplateField key={kind} name={name} kind={kind} value={templates[kind] ?? ''} onCommit={(t) => onChange(name, { ...templates, [kind]: t })} />
        ))}
      </div>
      <div className="cf-field__hint">
          <Hint text={spec.description} />
        </div>
    </fieldset>
  )
}

function OptionEditor(props: OptionProps) {
  const { name, spec, value, onChange } = props
  switch (spec.type) {
    case 'boolean':
      return (
        <div className="cf-field">
          <Checkbox label={name} checked={value === true} onChange={(e) => onChange(name, e.target.checked)} />
          <div className="cf-field__hint">
          <Hint text={spec.description} />
        </div>
        </div>
      )
    case 'number':
      return <NumberOption {...props} spec={spec} />
    case 'string':
      return spec.enum ? (
        <SelectField label={name} hint={<Hint text={spec.description} />} value={String(value)} options={spec.enum.map((v) => ({ value: v, label: v }))} onChange={(e) => onChange(name, e.target.value)} />
      ) : (
        <TextOption {...props} spec={spec} />
      )
    case 'string[]':
      return <ListOption {...props} spec={spec} />
    case 'templates':
      return <TemplatesOption {...props} spec={spec} />
    default:
      return assertNever(spec, 'option type')
  }
}

export function RuleOptions({ specs, values, presetValues, onChange }: {
  readonly specs: Readonly<Record<string, OptionSpec>>
  readonly values: Readonly<Record<string, unknown>>
  readonly presetValues: Readonly<Record<string, unknown>>
  readonly onChange: SetOption
}) {
  const keys = Object.keys(specs)
  if (keys.length === 0) return <p className="cf-rule-doc__muted">This rule has no options.</p>
  return (
    <div className="cf-rule-options">
      {keys.map((key) => (
        <div key={key} className={JSON.stringify(values[key]) !== JSON.stringify(presetValues[key]) ? 'cf-rule-option cf-rule-option--changed' : 'cf-rule-option'}>
          <OptionEditor name={key} spec={specs[key]!} value={values[key]} onChange={onChange} />
        </div>
      ))}
    </div>
  )
}
