/** View preferences that are not part of any document. */
import type { StateCreator } from 'zustand'
import type { AppState } from './index.ts'

export type ThemePreference = 'system' | 'light' | 'dark'
export const themePreferences: readonly ThemePreference[] = ['system', 'light', 'dark']

export interface UiSlice {
  readonly themePreference: ThemePreference
  /** History: none (a preference, not an edit). */
  setThemePreference(preference: ThemePreference): void
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  themePreference: 'system',
  setThemePreference(themePreference) {
    set({ themePreference })
  },
})
