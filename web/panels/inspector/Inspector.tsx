/**
 * The inspector: edits whatever is selected. It reads the selection and the schema, and every
 * field applies a core edit through the store (one undo entry per field, however many keys).
 */
import { findTable } from '@core'
import { useApp } from '../../store/index.ts'
import { selectSchema, selectSelection } from '../../store/selectors.ts'
import { TableInspector } from './TableInspector.tsx'
import './Inspector.css'

export function Inspector() {
  const schema = useApp(selectSchema)
  const selection = useApp(selectSelection)

  let body: React.ReactNode
  if (selection.kind === 'tables' && selection.tableIds.length === 1) {
    const table = findTable(schema, selection.tableIds[0]!)
    body = table ? <TableInspector key={table.id} table={table} focus={selection.focus} /> : null
  } else if (selection.kind === 'tables') {
    body = <p className="cf-inspector__empty">{selection.tableIds.length} tables selected.</p>
  } else {
    body = <p className="cf-inspector__empty">Select a table to edit it, or press Add table.</p>
  }
  return (
    <aside className="cf-inspector" aria-label="Inspector">
      {body}
    </aside>
  )
}
