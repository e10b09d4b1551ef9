/** Several tables selected: how many, a colour and a schema for all of them, delete all. */
import { Trash2 } from 'lucide-react'
import type { CrowsfootDocument, Schema, TableId } from '@core'
import { displayTableName, ensureNamespace, findTable, moveTableToNamespace, removeTable } from '@core'
import { Button } from '../../components/Button.tsx'
import { appStore } from '../../store/index.ts'
import { edit, previewRemoval, removeWithNotice } from './edit.ts'
import { plural } from './names.ts'
import { Section } from './Section.tsx'
import { ColorField } from './table/ColorField.tsx'
import { NamespaceField } from './table/NamespaceField.tsx'
import { sharedTableColor, withTableColor } from './table/table-color.ts'

export function MultiTableInspector({ schema, document, tableIds }: { readonly schema: Schema; readonly document: CrowsfootDocument; readonly tableIds: readonly TableId[] }) {
  const tables = tableIds.map((id) => findTable(schema, id)).filter((t) => t !== undefined)
  const removeAll = (s: Schema) => tableIds.reduce((acc, id) => removeTable(acc, id), s)
  const consequence = previewRemoval(schema, removeAll, { kind: 'tables', tableIds })
  const namespaces = new Set(tables.map((t) => t.namespaceId))
  const moveAll = (s: Schema, ns: Parameters<typeof moveTableToNamespace>[2]) => tableIds.reduce((acc, id) => moveTableToNamespace(acc, id, ns), s)
  return (
    <div className="cf-inspector__body">
      <header className="cf-inspector__head">
        <span className="cf-inspector__kind">{plural(tables.length, 'table')} selected</span>
      </header>
      <div className="cf-props cf-props--lead">
        <ColorField
          value={sharedTableColor(document, tableIds)}
          onChange={(c) => appStore.getState().apply(c ? 'Colour tables' : 'Reset table colours', (doc) => withTableColor(doc, tableIds, c))}
        />
        <NamespaceField
          schema={schema}
          value={namespaces.size === 1 ? [...namespaces][0]! : tables[0]!.namespaceId}
          onChoose={(id) => edit('Move tables to schema', (s) => moveAll(s, id))}
          onCreate={(name) =>
            edit('Move tables to new schema', (s) => {
              const [next, id] = ensureNamespace(s, name)
              return moveAll(next, id)
            })
          }
        />
      </div>
      <Section title="Tables" count={tables.length}>
        <ul className="cf-link-list">
          {tables.map((t) => (
            <li key={t.id}>
              <button type="button" className="cf-link-list__item" onClick={() => appStore.getState().select({ kind: 'tables', tableIds: [t.id] })}>
                <span className="cf-mono">{displayTableName(schema, t)}</span>
                <span className="cf-muted">{plural(t.columns.length, 'column')}</span>
              </button>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Delete">
        <Button
          variant="danger"
          icon={<Trash2 size={15} aria-hidden />}
          onClick={() => removeWithNotice(`Delete ${tables.length} tables`, `Deleted ${plural(tables.length, 'table')}.`, removeAll, { kind: 'tables', tableIds }, { select: { kind: 'none' } })}
        >
          Delete {plural(tables.length, 'table')}
        </Button>
        {consequence ? <p className="cf-consequence">{consequence}</p> : null}
      </Section>
    </div>
  )
}
