/**
 * The inspector: edits whatever is selected. Nothing: the design. One table: the table. Several:
 * what they share. A relationship: its foreign key, inside its table. An enum: the enum. Every
 * field applies a core edit through the store, one undo entry per field however many keys.
 */
import { useEffect, type KeyboardEvent } from 'react'
import { assertNever, findEnum, findTable } from '@core'
import { isTextField } from '../../hooks/useShortcuts.ts'
import { restorable } from '../../store/history-slice.ts'
import { appStore, useApp } from '../../store/index.ts'
import { selectLayout, selectSchema, selectSelection } from '../../store/selectors.ts'
import { DocumentInspector } from './document/DocumentInspector.tsx'
import { EnumInspector } from './enums/EnumInspector.tsx'
import { MultiTableInspector } from './MultiTableInspector.tsx'
import { TableInspector } from './TableInspector.tsx'
import './Inspector.css'

/**
 * Delete and Backspace on a checkbox or button of the inspector must not reach the app's "delete
 * selection" (it would delete the whole table). Rows and cards handle those keys themselves first;
 * only the panel itself, reached by Escape from a table-level field, passes them on.
 */
function onPanelKeyDown(event: KeyboardEvent<HTMLElement>) {
  if (event.defaultPrevented) return
  // Escape leaves one level: from any control to its row, card or the panel, then to the app.
  if (event.key === 'Escape' && event.target !== event.currentTarget && event.target instanceof HTMLElement) {
    const scope = event.target.parentElement?.closest<HTMLElement>('[data-cf-escape]')
    if (scope) {
      event.preventDefault()
      scope.focus()
    }
    return
  }
  if (event.key !== 'Delete' && event.key !== 'Backspace') return
  // In a text field the key edits text (and the app's shortcuts leave it alone anyway).
  if (event.target === event.currentTarget || isTextField(event.target)) return
  event.preventDefault()
}

export function Inspector() {
  const schema = useApp(selectSchema)
  const layout = useApp(selectLayout)
  const selection = useApp(selectSelection)
  const doc = useApp((s) => s.document)
  const name = useApp((s) => s.document.name)

  // A focus request is one-shot: once the sections below have acted on it, drop it, so the same
  // request made again (a problem clicked twice) is a new one.
  useEffect(() => {
    if (selection.kind === 'tables' && selection.focus) appStore.getState().select(restorable(selection))
  }, [selection])

  let body: React.ReactNode
  switch (selection.kind) {
    case 'none':
      body = <DocumentInspector schema={schema} name={name} />
      break
    case 'tables': {
      if (selection.tableIds.length > 1) {
        body = <MultiTableInspector schema={schema} document={doc} tableIds={selection.tableIds} />
        break
      }
      const table = findTable(schema, selection.tableIds[0]!)
      body = table ? <TableInspector key={table.id} schema={schema} table={table} color={layout.tables[table.id]?.color} focus={selection.focus} /> : null
      break
    }
    case 'relationship': {
      const table = findTable(schema, selection.tableId)
      body = table ? (
        <TableInspector key={`${table.id}:${selection.foreignKeyId}`} schema={schema} table={table} color={layout.tables[table.id]?.color} focus={undefined} relationship={selection.foreignKeyId} />
      ) : null
      break
    }
    case 'enum': {
      const e = findEnum(schema, selection.enumId)
      body = e ? <EnumInspector key={e.id} schema={schema} enumType={e} /> : null
      break
    }
    default:
      body = assertNever(selection, 'selection')
  }
  return (
    <aside className="cf-inspector" aria-label="Inspector" tabIndex={-1} data-cf-escape="" onKeyDown={onPanelKeyDown}>
      {body}
    </aside>
  )
}
