import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@fontsource-variable/inter'
import '@fontsource-variable/jetbrains-mono'
import './styles/theme.css'
import { App } from './App.tsx'
import { readStoredTheme } from './hooks/useTheme.ts'
import { startDocuments } from './persistence/startup.ts'
import { appStore } from './store/index.ts'
import { coreClient } from './worker/client.ts'
import { startLinting } from './worker/lint-scheduler.ts'

appStore.getState().setThemePreference(readStoredTheme())
// The last design (or the example) is open before the first paint: no flash of the wrong one.
await startDocuments(appStore)
startLinting(appStore, coreClient())
// For poking at the store from the console while developing; never in a production build.
if (import.meta.env.DEV) Object.assign(window, { __cf: appStore })

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
