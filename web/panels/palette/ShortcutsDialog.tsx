/** Every key chord, by group: the commands' own table, so it can never drift from what works. */
import { commands } from '../../commands/index.ts'
import { formatChord } from '../../commands/keys.ts'
import { Dialog } from '../../components/Dialog.tsx'
import './CommandPalette.css'

export function ShortcutsDialog({ onClose }: { readonly onClose: () => void }) {
  const groups = [...new Set(commands.map((c) => c.group))]
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} size="md">
      {groups.map((group) => (
        <section key={group} className="cf-shortcuts__group">
          <h3 className="cf-shortcuts__heading">{group}</h3>
          <dl className="cf-shortcuts__list">
            {commands
              .filter((c) => c.group === group && c.keys?.length)
              .map((c) => (
                <div key={c.id} className="cf-shortcuts__row">
                  <dt>{c.label}</dt>
                  <dd>
                    {c.keys!.map((k) => (
                      <kbd key={k} className="cf-kbd">
                        {formatChord(k)}
                      </kbd>
                    ))}
                  </dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
    </Dialog>
  )
}
