/**
 * The smallest single replacement that turns one text into another: what both share at the
 * start and at the end stays untouched, so a cursor outside the changed part stays exactly where
 * it was when a canvas edit re-renders the text (and Monaco's decorations and folds with it).
 */
export interface TextEdit {
  /** Offsets into the old text: [start, end) is replaced. */
  readonly start: number
  readonly end: number
  readonly text: string
}

export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined
  const max = Math.min(before.length, after.length)
  let head = 0
  while (head < max && before.charCodeAt(head) === after.charCodeAt(head)) head++
  let tail = 0
  while (tail < max - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++
  // Never split a surrogate pair: back off to whole characters on both sides.
  if (head > 0 && isHighSurrogate(before.charCodeAt(head - 1))) head--
  if (tail > 0 && isLowSurrogate(before.charCodeAt(before.length - tail))) tail--
  return { start: head, end: before.length - tail, text: after.slice(head, after.length - tail) }
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff
