/**
 * One index: its keys (columns or expressions, each with order, NULLS placement and operator
 * class), method, UNIQUE with NULLS NOT DISTINCT, INCLUDE columns, a partial WHERE, name, comment.
 */
import { Plus, X } from 'lucide-react'
import type { Index, IndexKey, IndexMethod, Schema, Table } from '@core'
import { checkSqlFragment, indexMethods, resolveNames, updateIndex } from '@core'
import { Button, IconButton } from '../../../components/Button.tsx'
import type { ApplyResult } from '../../../store/document-slice.ts'
import { useDraft } from '../drafts.ts'
import { edit } from '../edit.ts'
import { CheckProp, DraftError, PropGroup, SelectProp, TextProp } from '../fields.tsx'
import { ColumnsField } from './ColumnsField.tsx'

const expressionValue = '\u0000expression'

function KeyRow({ table, index, k, i }: { readonly table: Table; readonly index: Index; readonly k: IndexKey; readonly i: number }) {
  const setKeys = (keys: readonly IndexKey[], coalesce?: string): ApplyResult =>
    edit('Change index keys', (s) => updateIndex(s, table.id, index.id, { keys }), coalesce ? { coalesce } : undefined)
  const replace = (next: IndexKey, coalesce?: string) => setKeys(index.keys.map((x, j) => (j === i ? next : x)), coalesce)
  const options = { ...(k.order ? { order: k.order } : {}), ...(k.nulls ? { nulls: k.nulls } : {}), ...(k.opclass ? { opclass: k.opclass } : {}), ...(k.collation ? { collation: k.collation } : {}) }
  const exprKey = `index-expression:${index.id}:${i}`
  const expr = useDraft(exprKey, k.kind === 'expression' ? k.sql : '', (text) => {
    const problem = checkSqlFragment(text)
    if (problem) return { ok: false, message: problem }
    return replace({ kind: 'expression', sql: text, ...options }, exprKey)
  })
  const opclassKey = `index-opclass:${index.id}:${i}`
  const opclass = useDraft(opclassKey, k.opclass ?? '', (text) => {
    const { opclass: _old, ...rest } = k
    return replace(text.trim() ? { ...rest, opclass: text } : rest, opclassKey)
  })
  const columnName = k.kind === 'column' ? table.columns.find((c) => c.id === k.columnId)?.name : undefined
  return (
    <div className="cf-index-key" role="group" aria-label={`Key ${i + 1}`}>
      <div className="cf-index-key__main">
        <select
          className="cf-input cf-select cf-input--mono"
          aria-label={`Key ${i + 1} column`}
          value={k.kind === 'column' ? k.columnId : expressionValue}
          onChange={(e) =>
            e.target.value === expressionValue
              ? replace({ kind: 'expression', sql: columnName ? `lower(${columnName})` : 'lower(name)', ...options })
              : replace({ kind: 'column', columnId: e.target.value as never, ...options }, `index-key:${index.id}:${i}`)
          }
        >
          {table.columns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
          <option value={expressionValue}>Expression…</option>
        </select>
        <select
          className="cf-input cf-select"
          aria-label={`Key ${i + 1} order`}
          value={k.order ?? 'asc'}
          onChange={(e) => {
            const { order: _o, ...rest } = k
            replace(e.target.value === 'desc' ? { ...rest, order: 'desc' } : rest)
          }}
        >
          <option value="asc">ASC</option>
          <option value="desc">DESC</option>
        </select>
        <IconButton label={`Remove key ${i + 1}`} size="sm" disabled={index.keys.length === 1} onClick={() => setKeys(index.keys.filter((_, j) => j !== i))}>
          <X size={14} aria-hidden />
        </IconButton>
      </div>
      {k.kind === 'expression' ? (
        <>
          <input
            className="cf-input cf-input--mono"
            aria-label={`Key ${i + 1} expression`}
            value={expr.value}
            aria-invalid={expr.error ? true : undefined}
            spellCheck={false}
            onChange={(e) => expr.onChange(e.target.value)}
          />
          {expr.error ? <DraftError error={expr.error} onRevert={expr.revert} /> : null}
        </>
      ) : null}
      <div className="cf-index-key__options">
        <select
          className="cf-input cf-select"
          aria-label={`Key ${i + 1} nulls`}
          value={k.nulls ?? ''}
          onChange={(e) => {
            const { nulls: _n, ...rest } = k
            replace(e.target.value ? { ...rest, nulls: e.target.value as 'first' | 'last' } : rest)
          }}
        >
          <option value="">nulls</option>
          <option value="first">NULLS FIRST</option>
          <option value="last">NULLS LAST</option>
        </select>
        <input
          className="cf-input cf-input--mono"
          aria-label={`Key ${i + 1} operator class`}
          placeholder="opclass"
          value={opclass.value}
          spellCheck={false}
          onChange={(e) => opclass.onChange(e.target.value)}
        />
      </div>
    </div>
  )
}

export function IndexEditor({ schema, table, index }: { readonly schema: Schema; readonly table: Table; readonly index: Index }) {
  const set = (label: string, patch: Parameters<typeof updateIndex>[3], coalesce?: string) =>
    edit(label, (s) => updateIndex(s, table.id, index.id, patch), coalesce ? { coalesce } : undefined)
  const firstFree = table.columns.find((c) => !index.keys.some((k) => k.kind === 'column' && k.columnId === c.id))
  return (
    <>
      <PropGroup label="Keys" top>
        <div className="cf-index-keys">
          {index.keys.map((k, i) => (
            <KeyRow key={i} table={table} index={index} k={k} i={i} />
          ))}
          <div className="cf-row-actions">
            {firstFree ? (
              <Button size="sm" variant="ghost" icon={<Plus size={14} aria-hidden />} onClick={() => set('Add index key', { keys: [...index.keys, { kind: 'column', columnId: firstFree.id }] })}>
                Column
              </Button>
            ) : null}
            <Button size="sm" variant="ghost" icon={<Plus size={14} aria-hidden />} onClick={() => set('Add index key', { keys: [...index.keys, { kind: 'expression', sql: 'lower(name)' }] })}>
              Expression
            </Button>
          </div>
        </div>
      </PropGroup>
      <SelectProp label="Method" value={index.method} options={indexMethods.map((m) => ({ value: m, label: m }))} onChange={(m: IndexMethod) => set('Change index method', { method: m }, `index-method:${index.id}`)} />
      <PropGroup label="Unique">
        <div className="cf-checks">
          <CheckProp label="UNIQUE" checked={index.unique} onChange={(on) => set('Change index', on ? { unique: true } : { unique: false, nullsNotDistinct: undefined })} />
          {index.unique ? (
            <CheckProp label="NULLS NOT DISTINCT" checked={index.nullsNotDistinct === true} onChange={(on) => set('Change index', { nullsNotDistinct: on || undefined })} />
          ) : null}
        </div>
      </PropGroup>
      <ColumnsField label="Include" table={table} value={index.include} onChange={(cols) => set('Change INCLUDE columns', { include: cols })} />
      <TextProp
        label="Where"
        draftKey={`index-where:${index.id}`}
        value={index.where ?? ''}
        mono
        placeholder="deleted_at IS NULL"
        hint={index.where ? 'A partial index: only rows where this holds.' : 'Empty: every row. A predicate makes it partial.'}
        commit={(text) => {
          if (text.trim() === '') return set('Change index WHERE', { where: undefined }, `index-where:${index.id}`)
          const problem = checkSqlFragment(text)
          return problem ? { ok: false, message: problem } : set('Change index WHERE', { where: text }, `index-where:${index.id}`)
        }}
      />
      <TextProp
        label="Name"
        draftKey={`index-name:${index.id}`}
        value={index.name ?? ''}
        mono
        placeholder={resolveNames(schema).indexes.get(index.id)}
        hint={index.name ? undefined : 'Empty: PostgreSQL names it, and the name follows the table.'}
        commit={(text) => set('Rename index', { name: text.trim() === '' ? undefined : text }, `index-name:${index.id}`)}
      />
      <TextProp
        label="Comment"
        multiline
        draftKey={`index-comment:${index.id}`}
        value={index.comment ?? ''}
        placeholder="Which queries it serves"
        commit={(text) => set('Edit index comment', { comment: text || undefined }, `index-comment:${index.id}`)}
      />
    </>
  )
}
