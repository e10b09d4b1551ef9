/** The templates as cards: a new design starts from one of them. */
import { FilePlus2, LayoutTemplate } from 'lucide-react'
import { examples } from '../../examples.ts'

const tableCounts = new Map<string, number>()
function tablesOf(id: string, create: () => { schema: { tables: readonly unknown[] } }): number {
  let n = tableCounts.get(id)
  if (n === undefined) tableCounts.set(id, (n = create().schema.tables.length))
  return n
}

export function TemplateCards({ onPick, busy }: { readonly onPick: (id: string) => void; readonly busy: boolean }) {
  return (
    <ul className="cf-templates" aria-label="Templates">
      {examples.map((t) => {
        const tables = tablesOf(t.id, t.create)
        return (
          <li key={t.id}>
            <button type="button" className="cf-template" disabled={busy} onClick={() => onPick(t.id)}>
              <span className="cf-template__icon" aria-hidden>
                {t.id === 'blank' ? <FilePlus2 size={18} /> : <LayoutTemplate size={18} />}
              </span>
              <span className="cf-template__name">{t.name}</span>
              <span className="cf-template__description">{t.description}</span>
              <span className="cf-template__meta">{tables === 0 ? 'Empty' : `${tables} tables`}</span>
            </button>
          </li>
        )
      })}
    </ul>
  )
}
