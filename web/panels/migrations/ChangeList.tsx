/**
 * The changes, grouped by table. Each mark has its colour, its icon and its word, so it reads the
 * same without colour: a rename is shown as a rename.
 */
import { CircleMinus, CirclePlus, PencilLine, Replace } from 'lucide-react'
import type { Change } from '@core'
import type { Mark } from '../../canvas/change-marks.ts'
import { groupChanges, markLabels } from './migration-flow.ts'

const markIcons = { added: CirclePlus, removed: CircleMinus, changed: PencilLine, renamed: Replace } as const

export function MarkBadge({ mark }: { readonly mark: Mark }) {
  const Icon = markIcons[mark]
  return (
    <span className={`cf-mig-mark cf-mig-mark--${mark}`}>
      <Icon size={12} aria-hidden />
      {markLabels[mark]}
    </span>
  )
}

export function ChangeList({ changes }: { readonly changes: readonly Change[] }) {
  const groups = groupChanges(changes)
  return (
    <div className="cf-mig-changes">
      {groups.map((g) => (
        <div key={g.key} className="cf-mig-group" role="group" aria-label={`Changes to ${g.title}`}>
          <h3 className="cf-mig-group__title">
            <span className="cf-mig-group__name">{g.title}</span>
            {/* A group that is only the table's own change says it once, on its line. */}
            {g.mark && g.items.length > 1 ? <MarkBadge mark={g.mark} /> : null}
          </h3>
          <ul className="cf-mig-group__items">
            {g.items.map((item) => (
              <li key={item.id} className={`cf-mig-change cf-mig-change--${item.mark}`}>
                <MarkBadge mark={item.mark} />
                <span className="cf-mig-change__text">{item.text}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  )
}
