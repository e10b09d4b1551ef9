/** What the importer said: errors, warnings and notes, each with its line and column. */
import { AlertTriangle, Info, XCircle } from 'lucide-react'
import type { Diagnostic } from '@core'
import { reportOrder } from './import-flow.ts'

const icons = { error: XCircle, warning: AlertTriangle, info: Info } as const

export function ImportReport({ diagnostics, fileName }: { readonly diagnostics: readonly Diagnostic[]; readonly fileName?: string }) {
  const items = reportOrder(diagnostics)
  if (items.length === 0) return null
  return (
    <ul className="cf-import-report" aria-label="Import report">
      {items.map((d, i) => {
        const Icon = icons[d.severity]
        const where = d.location ? `${fileName ? `${fileName}:` : 'line '}${d.location.line}:${d.location.column}` : undefined
        return (
          <li key={i} className={`cf-import-report__item cf-import-report__item--${d.severity}`}>
            <Icon size={14} aria-hidden className="cf-import-report__icon" />
            {where ? <span className="cf-import-report__where">{where}</span> : null}
            <span className="cf-import-report__message">
              {d.message}
              {d.location?.path ? <code className="cf-import-report__path"> {d.location.path}</code> : null}
            </span>
          </li>
        )
      })}
    </ul>
  )
}
