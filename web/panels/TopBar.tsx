import { LogoMark } from '../components/icons.tsx'
import { selectDocumentName, selectRelationshipCount, selectTableCount } from '../store/selectors.ts'
import { useApp } from '../store/index.ts'
import { ThemeSwitch } from './ThemeSwitch.tsx'
import './TopBar.css'

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

export function TopBar() {
  const name = useApp(selectDocumentName)
  const tables = useApp(selectTableCount)
  const relationships = useApp(selectRelationshipCount)
  return (
    <header className="cf-topbar">
      <div className="cf-topbar__brand">
        <LogoMark />
        <span className="cf-topbar__app">Crowsfoot</span>
      </div>
      <span className="cf-topbar__divider" aria-hidden="true" />
      <div className="cf-topbar__document">
        <h1 className="cf-topbar__name">{name}</h1>
        <span className="cf-topbar__meta">
          {plural(tables, 'table', 'tables')} · {plural(relationships, 'relationship', 'relationships')}
        </span>
      </div>
      <div className="cf-topbar__actions">
        <ThemeSwitch />
      </div>
    </header>
  )
}
