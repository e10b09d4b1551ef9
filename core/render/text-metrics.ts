/**
 * Text widths without a DOM: the core cannot measure, so it estimates from character classes of
 * Inter and JetBrains Mono (em fractions read off their metrics). Estimates err wide, so a name
 * never runs past its box; a name wider than the room is cut with an ellipsis.
 */

const narrow = new Set("iljtfrI!|.,:;'`()[]{} ")
const wide = new Set('mwMW@%')

function sansEm(ch: string): number {
  const code = ch.codePointAt(0)!
  // CJK, Hangul, emoji and other full-width scripts take a whole em.
  if (code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || code >= 0x1f300))
    return 1
  if (narrow.has(ch)) return 0.3
  if (wide.has(ch)) return 0.88
  if (ch >= 'A' && ch <= 'Z') return 0.7
  if (ch >= '0' && ch <= '9') return 0.6
  return 0.58
}

export type FontKind = 'sans' | 'mono'

export function textWidth(text: string, size: number, font: FontKind = 'sans', bold = false): number {
  let em = 0
  for (const ch of text) em += font === 'mono' ? (sansEm(ch) === 1 ? 1.2 : 0.6) : sansEm(ch)
  return em * size * (bold && font === 'sans' ? 1.06 : 1)
}

/** `text`, or its longest prefix with an ellipsis that fits `max` pixels. */
export function fitText(text: string, max: number, size: number, font: FontKind = 'sans', bold = false): string {
  if (textWidth(text, size, font, bold) <= max) return text
  const chars = [...text]
  let lo = 0
  let hi = chars.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (textWidth(chars.slice(0, mid).join('') + '…', size, font, bold) <= max) lo = mid
    else hi = mid - 1
  }
  return chars.slice(0, lo).join('') + '…'
}
