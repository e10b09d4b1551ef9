/**
 * The table list: every table and enum of the design by name, filtered as you type. A click
 * selects the table and brings it into view, which at 1,000 tables beats hunting on the canvas.
 */
import { useDeferredValue, useMemo, useState } from 'react'
import { Table2, ListOrdered } from 'lucide-react'
import type { EnumId, Schema, TableId } from '@core'
import { displayTableName } from '@core'
import { VirtualList } from '../../components/VirtualList.tsx'
import { appStore, useApp } from '../../store/index.ts'
import { selectSchema, selectSelection } from '../../store/selectors.ts'
import './Outline.css'

type Item =
  | { readonly kind: 'heading'; readonly label: string; readonly count: number }
  | { readonly kind: 'table'; readonly id: TableId; readonly name: string; readonly columns: number }
  | { readonly kind: 'enum'; readonly id: EnumId; readonly name: string; readonly values: number }

function outlineItems(schema: Schema, filter: string): Item[] {
  const needle = filter.trim().toLowerCase()
  const match = (name: string) => needle === '' || name.toLowerCase().includes(needle)
  const tables = schema.tables
    .map((t) => ({ kind: 'table' as const, id: t.id, name: displayTableName(schema, t), columns: t.columns.length }))
    .filter((t) => match(t.name))
    .sort((a, b) => a.name.localeCompare(b.name))
  const enums = schema.enums
    .map((e) => ({ kind: 'enum' as const, id: e.id, name: e.name, values: e.values.length }))
    .filter((e) => match(e.name))
    .sort((a, b) => a.name.localeCompare(b.name))
  return [
    { kind: 'heading', label: 'Tables', count: tables.length },
    ...tables,
    ...(enums.length > 0 || schema.enums.length > 0 ? [{ kind: 'heading' as const, label: 'Enums', count: enums.length }, ...enums] : []),
  ]
}

export function Outline() {
  const schema = useApp(selectSchema)
  const selection = useApp(selectSelection)
  const [filter, setFilter] = useState('')
  const deferredFilter = useDeferredValue(filter)
  const items = useMemo(() => outlineItems(schema, deferredFilter), [schema, deferredFilter])
  const selectedTables = new Set(selection.kind === 'tables' ? selection.tableIds : [])
  const selectedEnum = selection.kind === 'enum' ? selection.enumId : undefined

  const open = (item: Item) => {
    const state = appStore.getState()
    if (item.kind === 'table') {
      state.select({ kind: 'tables', tableIds: [item.id] })
      state.revealTables([item.id])
    } else if (item.kind === 'enum') {
      state.select({ kind: 'enum', enumId: item.id })
      state.setPanel('inspector', true)
    }
  }

  return (
    <nav className="cf-outline" aria-label="Tables and enums">
      <div className="cf-outline__search">
        <input
          className="cf-input"
          type="search"
          placeholder="Filter tables"
          aria-label="Filter tables"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              const first = items.find((i) => i.kind !== 'heading')
              if (first) open(first)
            }
          }}
        />
      </div>
      <VirtualList
        className="cf-outline__list"
        items={items}
        rowHeight={28}
        getKey={(item, i) => (item.kind === 'heading' ? `h-${item.label}` : item.id) + i}
        renderRow={(item) => {
          if (item.kind === 'heading')
            return (
              <div className="cf-outline__heading">
                {item.label}
                <span>{item.count}</span>
              </div>
            )
          const selected = item.kind === 'table' ? selectedTables.has(item.id) : selectedEnum === item.id
          return (
            <button type="button" className="cf-outline__item" aria-current={selected ? 'true' : undefined} onClick={() => open(item)}>
              {item.kind === 'table' ? <Table2 size={14} aria-hidden /> : <ListOrdered size={14} aria-hidden />}
              <span className="cf-outline__name">{item.name}</span>
              <span className="cf-outline__count">{item.kind === 'table' ? item.columns : item.values}</span>
            </button>
          )
        }}
      />
    </nav>
  )
}
