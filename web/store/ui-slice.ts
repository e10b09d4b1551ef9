/** View state that is not part of any document: theme, panels, dialogs, notices. History: none. */
import type { StateCreator } from 'zustand'
import type { TableId } from '@core'
import type { AppState } from './index.ts'

export type ThemePreference = 'system' | 'light' | 'dark'
export const themePreferences: readonly ThemePreference[] = ['system', 'light', 'dark']

export type PanelId = 'outline' | 'inspector' | 'problems' | 'code' | 'migrations'

/** At most one dialog is open; each kind carries what it opens on. */
export type Dialog =
  | { readonly kind: 'none' }
  | { readonly kind: 'palette' }
  | { readonly kind: 'import'; readonly text?: string; readonly fileName?: string; readonly size?: number }
  | { readonly kind: 'export'; readonly target?: string }
  | { readonly kind: 'projects'; readonly view?: 'recent' | 'new' }
  /** `ruleId`: the rule to show first (from a finding's "Configure rule"). */
  | { readonly kind: 'rules'; readonly ruleId?: string }
  | { readonly kind: 'shortcuts' }
  | { readonly kind: 'saveVersion' }
  /** Export image (PNG or SVG of the diagram). */
  | { readonly kind: 'image' }
  /** Share a link to the review page. */
  | { readonly kind: 'share' }
  /** The review comments of the design. */
  | { readonly kind: 'comments' }
  /** Saving paused because another tab edits the same design (or changed or deleted it). */
  | { readonly kind: 'tabs'; readonly reason: 'open-elsewhere' | 'taken-over' | 'changed-elsewhere' | 'deleted-elsewhere' }

export type NoticeTone = 'info' | 'success' | 'warning' | 'error'

export interface Notice {
  readonly id: number
  readonly tone: NoticeTone
  readonly message: string
  /** A button in the notice ("Undo", "Save to file"). */
  readonly action?: { readonly label: string; readonly run: () => void }
  /** Notices that need a decision stay until dismissed. */
  readonly sticky?: boolean
}

/** A request to the canvas to bring tables into view; `nonce` makes a repeated request new. */
export interface RevealRequest {
  readonly tableIds: readonly TableId[]
  readonly nonce: number
}

export interface UiSlice {
  readonly themePreference: ThemePreference
  readonly panels: Readonly<Record<PanelId, boolean>>
  readonly dialog: Dialog
  readonly notices: readonly Notice[]
  readonly reveal: RevealRequest | undefined
  /** Dragged and nudged tables land on the 20 px grid; remembered in this browser. */
  readonly snapToGrid: boolean
  setSnapToGrid(on: boolean): void
  setThemePreference(preference: ThemePreference): void
  setPanel(panel: PanelId, open: boolean): void
  togglePanel(panel: PanelId): void
  openDialog(dialog: Dialog): void
  closeDialog(): void
  /** Shows a notice; returns its id so it can be dismissed. */
  notify(notice: Omit<Notice, 'id'>): number
  dismissNotice(id: number): void
  revealTables(tableIds: readonly TableId[]): void
}

let nextNoticeId = 1

const snapStorageKey = 'crowsfoot.snapToGrid'

function readSnapPreference(): boolean {
  try {
    return globalThis.localStorage?.getItem(snapStorageKey) === '1'
  } catch {
    return false
  }
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  themePreference: 'system',
  panels: { outline: true, inspector: true, problems: false, code: false, migrations: false },
  dialog: { kind: 'none' },
  notices: [],
  reveal: undefined,
  snapToGrid: readSnapPreference(),
  setSnapToGrid(snapToGrid) {
    set({ snapToGrid })
    try {
      if (snapToGrid) localStorage.setItem(snapStorageKey, '1')
      else localStorage.removeItem(snapStorageKey)
    } catch {
      // Storage blocked (private mode): the toggle still works for this visit.
    }
  },
  setThemePreference(themePreference) {
    set({ themePreference })
  },
  setPanel(panel, open) {
    set((s) => (s.panels[panel] === open ? s : { panels: { ...s.panels, [panel]: open } }))
  },
  togglePanel(panel) {
    set((s) => {
      // Migrations stands in the inspector's place: asking for the inspector brings it back.
      if (panel === 'inspector' && s.panels.migrations) return { panels: { ...s.panels, migrations: false, inspector: true } }
      return { panels: { ...s.panels, [panel]: !s.panels[panel] } }
    })
  },
  openDialog(dialog) {
    set({ dialog })
  },
  closeDialog() {
    set({ dialog: { kind: 'none' } })
  },
  notify(notice) {
    const id = nextNoticeId++
    // A repeated message replaces its older copy instead of stacking up.
    set((s) => ({ notices: [...s.notices.filter((n) => n.message !== notice.message), { ...notice, id }].slice(-4) }))
    return id
  },
  dismissNotice(id) {
    set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }))
  },
  revealTables(tableIds) {
    set((s) => ({ reveal: { tableIds, nonce: (s.reveal?.nonce ?? 0) + 1 } }))
  },
})
