/** A titled part of the inspector (Columns, Indexes...): a heading with a count and its actions. */
import { useId, type ReactNode } from 'react'

interface SectionProps {
  readonly title: string
  readonly count?: number
  readonly actions?: ReactNode
  readonly children: ReactNode
  readonly className?: string
}

export function Section({ title, count, actions, children, className }: SectionProps) {
  const id = useId()
  return (
    <section className={['cf-section', className].filter(Boolean).join(' ')} aria-labelledby={id}>
      <header className="cf-section__header">
        <h2 id={id} className="cf-section__title">
          {title}
          {count === undefined ? null : <span className="cf-section__count">{count}</span>}
        </h2>
        {actions ? <div className="cf-section__actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  )
}

/** A line of muted text where a list is empty: what it would hold and how to add one. */
export function EmptyLine({ children }: { readonly children: ReactNode }) {
  return <p className="cf-empty-line">{children}</p>
}
