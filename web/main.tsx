import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@fontsource-variable/inter'
import '@fontsource-variable/jetbrains-mono'
import './styles/theme.css'
import { App } from './App.tsx'
import { exampleFromUrl } from './examples.ts'
import { readStoredTheme } from './hooks/useTheme.ts'
import { appStore } from './store/index.ts'

// Until documents are saved locally, every visit starts on the bundled example.
appStore.getState().setThemePreference(readStoredTheme())
appStore.getState().openDocument(exampleFromUrl(location.search).create())

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
