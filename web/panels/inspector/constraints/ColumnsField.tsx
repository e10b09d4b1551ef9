/**
 * An ordered list of a table's columns (a key, a unique constraint, INCLUDE): chips in order, a
 * menu to add one. Alt+←/→ on a chip moves it; order matters for a composite key.
 */
import { useId, useState, type KeyboardEvent } from 'react'
import { X } from 'lucide-react'
import type { ColumnId, Table } from '@core'
import { columnMap } from '@core'
import type { ApplyResult } from '../../../store/document-slice.ts'
import { DraftError, PropGroup } from '../fields.tsx'
import { Menu } from '../Menu.tsx'

interface ColumnsFieldProps {
  readonly label: string
  readonly table: Table
  readonly value: readonly ColumnId[]
  readonly onChange: (columns: readonly ColumnId[]) => ApplyResult
  /** At least one column (keys, uniques); INCLUDE may be empty. */
  readonly required?: boolean
}

export function ColumnsField({ label, table, value, onChange, required }: ColumnsFieldProps) {
  const byId = columnMap(table)
  const [error, setError] = useState<string>()
  const addId = useId()
  const change = (next: readonly ColumnId[]) => {
    if (required && next.length === 0) return setError(`${label} needs at least one column.`)
    const r = onChange(next)
    setError(r.ok ? undefined : r.message)
  }
  const onChipKey = (e: KeyboardEvent, i: number) => {
    if (!e.altKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return
    e.preventDefault()
    const to = e.key === 'ArrowLeft' ? i - 1 : i + 1
    if (to < 0 || to >= value.length) return
    const next = value.slice()
    ;[next[i], next[to]] = [next[to]!, next[i]!]
    change(next)
    requestAnimationFrame(() => document.getElementById(`${addId}-chip-${to}`)?.focus())
  }
  const free = table.columns.filter((c) => !value.includes(c.id))
  return (
    <PropGroup label={label}>
      <div className="cf-chips" role="group" aria-label={label}>
        {value.map((id, i) => {
          const name = byId.get(id)?.name ?? '(missing column)'
          return (
            <span key={id} className="cf-chip">
              <span className="cf-chip__name">{name}</span>
              <button
                id={`${addId}-chip-${i}`}
                type="button"
                className="cf-chip__remove"
                aria-label={`Remove ${name} from ${label.toLowerCase()}`}
                title="Remove (Alt+← / Alt+→ to reorder)"
                onClick={() => change(value.filter((c) => c !== id))}
                onKeyDown={(e) => onChipKey(e, i)}
              >
                <X size={12} aria-hidden />
              </button>
            </span>
          )
        })}
        {free.length > 0 ? (
          <Menu
            className="cf-chip-add"
            label={`Add a column to ${label.toLowerCase()}`}
            items={free.map((c) => ({ value: c.id, label: c.name }))}
            onPick={(id) => change([...value, id as ColumnId])}
          >
            + column
          </Menu>
        ) : null}
      </div>
      {error ? <DraftError error={error} onRevert={() => setError(undefined)} /> : null}
    </PropGroup>
  )
}
