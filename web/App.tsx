import { Canvas } from './canvas/Canvas.tsx'
import { useApplyTheme } from './hooks/useTheme.ts'
import { TopBar } from './panels/TopBar.tsx'
import { selectThemePreference } from './store/selectors.ts'
import { useApp } from './store/index.ts'
import './App.css'

export function App() {
  useApplyTheme(useApp(selectThemePreference))
  return (
    <div className="cf-app">
      <TopBar />
      <main className="cf-app__main" aria-label="Diagram">
        <Canvas />
      </main>
    </div>
  )
}
