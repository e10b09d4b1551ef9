/** The inspector for one table: its name, schema and comment. */
import { useEffect, useRef } from 'react'
import type { Table } from '@core'
import { renameTable, setTableComment } from '@core'
import { TextArea, TextField } from '../../components/Field.tsx'
import { appStore } from '../../store/index.ts'
import type { Focus } from '../../store/selection-slice.ts'
import { useDraft } from './useDraft.ts'

export function TableInspector({ table, focus }: { readonly table: Table; readonly focus: Focus | undefined }) {
  const edit = appStore.getState().editSchema
  const nameRef = useRef<HTMLInputElement>(null)
  const name = useDraft(table.name, (next) => edit('Rename table', (s) => renameTable(s, table.id, next), { coalesce: `table-name:${table.id}` }))
  const comment = useDraft(table.comment ?? '', (next) =>
    edit('Edit table comment', (s) => setTableComment(s, table.id, next), { coalesce: `table-comment:${table.id}` }),
  )

  useEffect(() => {
    if (focus?.kind !== 'name') return
    nameRef.current?.focus()
    nameRef.current?.select()
  }, [focus, table.id])

  return (
    <section className="cf-inspector__section" aria-label="Table">
      <TextField
        ref={nameRef}
        label="Table name"
        mono
        value={name.value}
        error={name.error}
        onChange={(e) => name.onChange(e.target.value)}
        onBlur={name.onBlur}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'Escape') e.currentTarget.blur()
        }}
      />
      <TextArea label="Comment" value={comment.value} rows={2} placeholder="What one row of this table is" onChange={(e) => comment.onChange(e.target.value)} onBlur={comment.onBlur} />
    </section>
  )
}
