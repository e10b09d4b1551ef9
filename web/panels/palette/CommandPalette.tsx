/**
 * Ctrl+K: every command and every table, one search away. Arrow keys move, Enter runs or jumps,
 * Escape closes. The list is a WAI-ARIA combobox with a listbox of options.
 */
import { useMemo, useState } from 'react'
import { CornerDownLeft, Table2, Zap } from 'lucide-react'
import { commands } from '../../commands/index.ts'
import { formatChord } from '../../commands/keys.ts'
import { Dialog } from '../../components/Dialog.tsx'
import { appStore, useApp } from '../../store/index.ts'
import { selectSchema } from '../../store/selectors.ts'
import { paletteItems, type PaletteItem } from './palette-items.ts'
import './CommandPalette.css'

export function CommandPalette({ onClose }: { readonly onClose: () => void }) {
  const schema = useApp(selectSchema)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const state = appStore.getState()
  const items = useMemo(
    () => paletteItems(commands.filter((c) => c.id !== 'command-palette' && c.id !== 'escape'), schema, query),
    [schema, query],
  )

  const run = (item: PaletteItem | undefined) => {
    if (!item) return
    onClose()
    if (item.kind === 'command') {
      if (!item.command.enabled || item.command.enabled(appStore.getState())) void item.command.run(appStore)
    } else {
      appStore.getState().select({ kind: 'tables', tableIds: [item.tableId] })
      appStore.getState().revealTables([item.tableId])
    }
  }

  return (
    <Dialog title="Search and commands" onClose={onClose} size="md" placement="top" className="cf-palette">
      <input
        className="cf-input cf-palette__input"
        role="combobox"
        aria-expanded="true"
        aria-controls="cf-palette-list"
        aria-activedescendant={items[active] ? `cf-palette-${active}` : undefined}
        aria-label="Search commands and tables"
        placeholder="Type a command or a table name"
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') (e.preventDefault(), setActive((a) => Math.min(a + 1, items.length - 1)))
          else if (e.key === 'ArrowUp') (e.preventDefault(), setActive((a) => Math.max(a - 1, 0)))
          else if (e.key === 'Enter') (e.preventDefault(), run(items[active]))
        }}
      />
      <ul id="cf-palette-list" role="listbox" aria-label="Results" className="cf-palette__list">
        {items.length === 0 ? <li className="cf-palette__empty">Nothing matches “{query}”.</li> : null}
        {items.map((item, i) => {
          const disabled = item.kind === 'command' && item.command.enabled ? !item.command.enabled(state) : false
          const chord = item.kind === 'command' ? item.command.keys?.[0] : undefined
          return (
            <li
              key={item.kind === 'command' ? item.command.id : item.tableId}
              id={`cf-palette-${i}`}
              role="option"
              aria-selected={i === active}
              aria-disabled={disabled || undefined}
              className="cf-palette__item"
              onMouseMove={() => setActive(i)}
              onClick={() => run(item)}
            >
              {item.kind === 'command' ? <Zap size={14} aria-hidden /> : <Table2 size={14} aria-hidden />}
              <span className="cf-palette__label">{item.kind === 'command' ? item.command.label : item.name}</span>
              <span className="cf-palette__meta">{item.kind === 'command' ? item.command.group : 'Table'}</span>
              {chord ? <kbd className="cf-kbd">{formatChord(chord)}</kbd> : i === active ? <CornerDownLeft size={13} aria-hidden /> : null}
            </li>
          )
        })}
      </ul>
    </Dialog>
  )
}
