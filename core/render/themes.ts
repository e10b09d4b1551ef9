/**
 * The diagram's colours in each theme: the canvas tokens of the app (web/styles/theme.css), written
 * out because an exported file cannot read CSS custom properties. Change colours are paired with
 * a word and a glyph everywhere, so no mark depends on colour alone.
 */
import type { ChangeMark } from './change-marks.ts'

export type DiagramThemeName = 'light' | 'dark'

export interface DiagramTheme {
  readonly canvas: string
  readonly surface: string
  readonly surfaceRaised: string
  readonly border: string
  readonly borderStrong: string
  readonly rowDivider: string
  readonly text: string
  readonly textMuted: string
  readonly textSubtle: string
  readonly accent: string
  readonly onAccent: string
  readonly edge: string
  readonly marks: Readonly<Record<'PK' | 'FK' | 'UQ' | 'NN', { readonly bg: string; readonly fg: string }>>
  readonly change: Readonly<Record<ChangeMark, { readonly fg: string; readonly bg: string }>>
  readonly pin: string
  readonly pinText: string
}

export const diagramThemes: Readonly<Record<DiagramThemeName, DiagramTheme>> = {
  light: {
    canvas: '#f4f5f7',
    surface: '#ffffff',
    surfaceRaised: '#f8f9fb',
    border: '#e3e6eb',
    borderStrong: '#d2d6dd',
    rowDivider: '#f0f1f4',
    text: '#16181d',
    textMuted: '#606775',
    textSubtle: '#5f6673',
    accent: '#4d55d6',
    onAccent: '#ffffff',
    edge: '#9aa1ad',
    marks: {
      PK: { bg: '#fcf1d2', fg: '#865600' },
      FK: { bg: '#e8eaff', fg: '#3d44bd' },
      UQ: { bg: '#dcf3ec', fg: '#0b6a54' },
      NN: { bg: '#e1e4e9', fg: '#5f6672' },
    },
    change: {
      added: { fg: '#1b7f4b', bg: '#e4f5eb' },
      removed: { fg: '#c9302c', bg: '#fdecea' },
      changed: { fg: '#9a5800', bg: '#fdf3dc' },
      renamed: { fg: '#2f6fce', bg: '#e8f1fd' },
    },
    pin: '#7c3aed',
    pinText: '#ffffff',
  },
  dark: {
    canvas: '#0e1013',
    surface: '#1a1d23',
    surfaceRaised: '#20232a',
    border: '#2b2f38',
    borderStrong: '#373c47',
    rowDivider: '#23262d',
    text: '#e9ebf0',
    textMuted: '#a0a7b3',
    textSubtle: '#8e95a1',
    accent: '#8f95ff',
    onAccent: '#0e1013',
    edge: '#5d6470',
    marks: {
      PK: { bg: '#3a3222', fg: '#f1c462' },
      FK: { bg: '#2a2d4a', fg: '#b1b5ff' },
      UQ: { bg: '#1c3832', fg: '#67d7b9' },
      NN: { bg: '#2f3239', fg: '#9aa1ad' },
    },
    change: {
      added: { fg: '#56d364', bg: '#1c2e22' },
      removed: { fg: '#ff7b72', bg: '#3a2024' },
      changed: { fg: '#e3b341', bg: '#342c1a' },
      renamed: { fg: '#79b8ff', bg: '#1c2b3d' },
    },
    pin: '#b794f6',
    pinText: '#15171c',
  },
}

/** What a mark says in words (badges, legend) and as a glyph (column rows). */
export const changeLabels: Readonly<Record<ChangeMark, { readonly word: string; readonly glyph: string }>> = {
  added: { word: 'Added', glyph: '+' },
  removed: { word: 'Removed', glyph: '−' },
  changed: { word: 'Changed', glyph: '~' },
  renamed: { word: 'Renamed', glyph: '→' },
}

export const fontFamilies = {
  sans: "'Inter Variable', Inter, ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  mono: "'JetBrains Mono Variable', 'JetBrains Mono', ui-monospace, 'SF Mono', Menlo, Consolas, monospace",
} as const
