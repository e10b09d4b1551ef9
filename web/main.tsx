import { StrictMode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import '@fontsource-variable/inter'
import '@fontsource-variable/jetbrains-mono'
import './styles/theme.css'
import type { CrowsfootDocument } from '@core'
import { isShareFragment } from '@core'
import { App } from './App.tsx'
import { readStoredTheme } from './hooks/useTheme.ts'
import { startDocuments } from './persistence/startup.ts'
import { appStore } from './store/index.ts'
import { coreClient } from './worker/client.ts'
import { startLinting } from './worker/lint-scheduler.ts'

appStore.getState().setThemePreference(readStoredTheme())
// For poking at the store from the console while developing; never in a production build.
if (import.meta.env.DEV) Object.assign(window, { __cf: appStore })

const element = document.getElementById('root')
if (!element) throw new Error('index.html has no #root element')
const root: Root = createRoot(element)

/** What the editor does first when it opens from a review page. */
export type EditorStart = { readonly kind: 'copy'; readonly document: CrowsfootDocument } | { readonly kind: 'merge'; readonly document: CrowsfootDocument }

/**
 * The editor: the documents layer (IndexedDB, autosave, tabs) starts only here, so a review link
 * never reads or writes the receiver's own designs until they ask for a copy or a merge.
 */
async function startEditor(start?: EditorStart): Promise<void> {
  // The last design (or the example) is open before the first paint: no flash of the wrong one.
  const session = await startDocuments(appStore)
  if (start) {
    const { openFromReview } = await import('./review/open-from-review.ts')
    await openFromReview(session, appStore, start)
  }
  startLinting(appStore, coreClient())
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}

async function startReview(): Promise<void> {
  const { ReviewApp } = await import('./review/ReviewApp.tsx')
  const embed = new URLSearchParams(location.search).get('embed') === '1'
  const leave = (start: EditorStart) => {
    // The editor's address: no fragment (so a reload opens the editor), no embed flag.
    history.replaceState(null, '', location.pathname)
    void startEditor(start)
  }
  root.render(
    <StrictMode>
      <ReviewApp hash={location.hash} embed={embed} onOpenEditor={leave} />
    </StrictMode>,
  )
}

if (isShareFragment(location.hash)) await startReview()
else await startEditor()

// Pasting another review link into the address bar only changes the fragment: open it.
window.addEventListener('hashchange', () => {
  if (isShareFragment(location.hash)) location.reload()
})
