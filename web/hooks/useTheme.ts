/**
 * Light and dark follow the system until the user picks one. The CSS does the following by
 * itself (`color-scheme` with `light-dark()`); an override only sets `data-theme` on <html>,
 * which index.html also does before the first paint so that a dark pick never flashes light.
 */
import { useEffect } from 'react'
import type { ThemePreference } from '../store/ui-slice.ts'

/** Shared with the inline script in index.html: change both together. */
export const themeStorageKey = 'crowsfoot.theme'

export function readStoredTheme(): ThemePreference {
  try {
    const value = localStorage.getItem(themeStorageKey)
    return value === 'light' || value === 'dark' ? value : 'system'
  } catch {
    // Storage can be blocked (private modes, sandboxed frames); the system theme still works.
    return 'system'
  }
}

export function useApplyTheme(preference: ThemePreference): void {
  useEffect(() => {
    const root = document.documentElement
    if (preference === 'system') delete root.dataset.theme
    else root.dataset.theme = preference
    try {
      if (preference === 'system') localStorage.removeItem(themeStorageKey)
      else localStorage.setItem(themeStorageKey, preference)
    } catch {
      // Not remembered across visits, but applied now: nothing to tell the user.
    }
  }, [preference])
}
