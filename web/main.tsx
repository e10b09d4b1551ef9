import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@fontsource-variable/inter'
import '@fontsource-variable/jetbrains-mono'
import './styles/theme.css'
import { App } from './App.tsx'
import { exampleFromUrl } from './examples.ts'
import { readStoredTheme } from './hooks/useTheme.ts'
import { appStore } from './store/index.ts'
import { coreClient } from './worker/client.ts'
import { startLinting } from './worker/lint-scheduler.ts'

appStore.getState().setThemePreference(readStoredTheme())
appStore.getState().openDocument(exampleFromUrl(location.search).create())
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
