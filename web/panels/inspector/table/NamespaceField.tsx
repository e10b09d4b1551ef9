/**
 * Which PostgreSQL schema (namespace) something lives in: one of the design's, or a new one typed
 * in place. Choosing "New schema…" only opens the name field; nothing changes until it is named.
 */
import { useState } from 'react'
import type { NamespaceId, Schema } from '@core'
import { findNamespaceByName } from '@core'
import type { ApplyResult } from '../../../store/document-slice.ts'
import { Button } from '../../../components/Button.tsx'
import { DraftError, leaveField, Prop } from '../fields.tsx'

const newValue = '\u0000new'

interface NamespaceFieldProps {
  readonly schema: Schema
  readonly value: NamespaceId
  readonly onChoose: (id: NamespaceId) => ApplyResult
  /** Creates the namespace and moves the object into it, as one undo entry. */
  readonly onCreate: (name: string) => ApplyResult
}

export function NamespaceField({ schema, value, onChoose, onCreate }: NamespaceFieldProps) {
  const [creating, setCreating] = useState(false)
  const [name, setName] = useState('')
  const [error, setError] = useState<string>()
  const create = () => {
    const n = name.trim()
    if (n === '') return setError('A schema name cannot be empty.')
    const r = findNamespaceByName(schema, n) ? onChoose(findNamespaceByName(schema, n)!.id) : onCreate(n)
    if (!r.ok) return setError(r.message)
    setCreating(false)
    setName('')
    setError(undefined)
  }
  return (
    <Prop label="Schema">
      {({ id }) => (
        <>
          <select
            id={id}
            className="cf-input cf-select"
            value={creating ? newValue : value}
            onChange={(e) => {
              if (e.target.value === newValue) setCreating(true)
              else {
                setCreating(false)
                onChoose(e.target.value as NamespaceId)
              }
            }}
          >
            {schema.namespaces.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
            <option value={newValue}>New schema…</option>
          </select>
          {creating ? (
            <div className="cf-inline-form">
              <input
                className="cf-input cf-input--mono"
                aria-label="New schema name"
                placeholder="billing"
                value={name}
                autoFocus
                spellCheck={false}
                aria-invalid={error ? true : undefined}
                onChange={(e) => (setName(e.target.value), setError(undefined))}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') (e.preventDefault(), create())
                  if (e.key === 'Escape') (e.preventDefault(), setCreating(false), leaveField(e.currentTarget))
                }}
              />
              <Button size="sm" variant="primary" onClick={create}>
                Create
              </Button>
            </div>
          ) : null}
          {error ? <DraftError error={error} onRevert={() => (setError(undefined), setCreating(false))} /> : null}
        </>
      )}
    </Prop>
  )
}
