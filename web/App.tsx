/**
 * The workspace: top bar; then the table list, the canvas with the problems panel under it, and
 * the inspector. Panels open and close without moving anything else (fixed grid tracks).
 */
import { lazy, Suspense } from 'react'
import { Canvas } from './canvas/Canvas.tsx'
import { Notices } from './components/Notices.tsx'
import { useApplyTheme } from './hooks/useTheme.ts'
import { useShortcuts } from './hooks/useShortcuts.ts'
import { DropOverlay } from './panels/import/DropOverlay.tsx'
import { Inspector } from './panels/inspector/Inspector.tsx'
import { MigrationsPanel } from './panels/migrations/MigrationsPanel.tsx'
import { Outline } from './panels/outline/Outline.tsx'
import { ProblemsPanel } from './panels/problems/ProblemsPanel.tsx'
import { TopBar } from './panels/TopBar.tsx'
import { selectThemePreference } from './store/selectors.ts'
import { appStore, useApp } from './store/index.ts'
import './App.css'

const Dialogs = lazy(() => import('./panels/Dialogs.tsx'))
// Monaco is large: the panel and the editor load when the panel first opens, never before.
const CodePanel = lazy(() => import('./panels/code/CodePanel.tsx'))

export function App() {
  useApplyTheme(useApp(selectThemePreference))
  useShortcuts(appStore)
  const panels = useApp((s) => s.panels)
  const dialog = useApp((s) => s.dialog)
  const notices = useApp((s) => s.notices)
  const dismiss = useApp((s) => s.dismissNotice)
  // The Migrations panel takes the inspector's place while it is open: both at once leave no room for the diagram.
  const right = panels.migrations ? 'var(--cf-migrations-width)' : panels.inspector ? 'var(--cf-inspector-width)' : null
  const columns = [panels.outline ? 'var(--cf-outline-width)' : null, 'minmax(0, 1fr)', panels.code ? 'var(--cf-code-width)' : null, right]
    .filter(Boolean)
    .join(' ')
  return (
    <div className="cf-app">
      <TopBar />
      <div className="cf-app__body" style={{ gridTemplateColumns: columns }}>
        {panels.outline ? <Outline /> : null}
        <div className="cf-app__center" style={{ gridTemplateRows: panels.problems ? 'minmax(0, 1fr) var(--cf-problems-height)' : 'minmax(0, 1fr)' }}>
          <main className="cf-app__main" aria-label="Diagram">
            <Canvas />
          </main>
          {panels.problems ? <ProblemsPanel /> : null}
        </div>
        {panels.code ? (
          <Suspense fallback={<aside className="cf-code-panel cf-code-panel--loading" aria-label="Code" aria-busy="true" />}>
            <CodePanel />
          </Suspense>
        ) : null}
        {panels.migrations ? <MigrationsPanel /> : panels.inspector ? <Inspector /> : null}
      </div>
      {dialog.kind === 'none' ? null : (
        <Suspense fallback={null}>
          <Dialogs dialog={dialog} />
        </Suspense>
      )}
      <Notices notices={notices} onDismiss={dismiss} />
      <DropOverlay />
    </div>
  )
}
