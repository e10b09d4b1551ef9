/** Key chords: matching keyboard events and showing chords the way the user's platform writes them. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)

interface Chord {
  readonly mod: boolean
  readonly shift: boolean
  readonly alt: boolean
  readonly key: string
}

function parse(chord: string): Chord {
  const parts = chord.split('+')
  const key = parts.pop()!
  return { mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt'), key: key.toLowerCase() }
}

export function matchesChord(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'code'>, chord: string): boolean {
  const c = parse(chord)
  const mod = isMac ? event.metaKey : event.ctrlKey
  if (mod !== c.mod || event.altKey !== c.alt) return false
  const key = event.key.toLowerCase()
  // Shifted symbols: "?" arrives as key "?" with shift held; "Shift+1" arrives as "!" with code Digit1.
  if (c.key.length === 1 && !/[a-z]/.test(c.key)) {
    if (key === c.key) return true
    if (c.shift && event.shiftKey && event.code === `Digit${c.key}`) return true
    return false
  }
  return event.shiftKey === c.shift && key === c.key
}

const macSymbols: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥' }

/** `Mod+Shift+Z` as `Ctrl+Shift+Z`, or `⌘⇧Z` on a Mac. */
export function formatChord(chord: string): string {
  const parts = chord.split('+')
  if (isMac) return parts.map((p) => macSymbols[p] ?? p).join('')
  return parts.map((p) => (p === 'Mod' ? 'Ctrl' : p)).join('+')
}
