/**
 * One statement's text, its tokens, and the map from libpg-query's locations (UTF-8 byte offsets
 * into the parsed string) to JavaScript string indexes. There is no deparser in libpg-query 18, so
 * expressions are taken from the source: a range of tokens, comments dropped and blanks collapsed.
 */
import { dollarTag, skipBlockComment, skipQuotedIdent, skipString } from './split.ts'

export type TokenKind = 'word' | 'qident' | 'string' | 'number' | 'param' | 'op' | 'punct'

export interface Token {
  readonly kind: TokenKind
  /** Index in the statement text. */
  readonly start: number
  readonly end: number
  /** UTF-8 byte offset of `start`, comparable with AST locations. */
  readonly byte: number
  /** Lower-cased for words, unquoted for quoted identifiers, the character for punctuation. */
  readonly value: string
}

const number = /(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?)/y
const word = /[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*/y
const blanks = /[\x00-\x20]+/y
const opChars = '+-*/<>=~!@#%^&|`?'

export class StatementSource {
  private tokenList: Token[] | undefined
  /** Byte offset of each index; null once the text is known to be ASCII. */
  private byteStarts: Uint32Array | null | undefined

  /** `offset` is where the statement starts in the whole file. */
  constructor(
    readonly text: string,
    readonly offset: number,
  ) {}

  get tokens(): readonly Token[] {
    return (this.tokenList ??= this.tokenize())
  }

  /** The JavaScript index of a byte offset (libpg-query's `location`). */
  indexOfByte(byte: number): number {
    if (byte <= 0) return 0
    const starts = this.byteIndex()
    if (!starts) return Math.min(byte, this.text.length)
    let lo = 0
    let hi = this.text.length
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= byte) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  byteOf(index: number): number {
    const starts = this.byteIndex()
    return starts ? starts[Math.min(index, this.text.length)]! : index
  }

  /** The first token at or after a byte offset. */
  tokenAt(byte: number): number {
    const t = this.tokens
    let lo = 0
    let hi = t.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (t[mid]!.byte < byte) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** The index of the token closing the bracket opened at token `open`, or -1. */
  closing(open: number): number {
    const t = this.tokens
    let depth = 0
    for (let i = open; i < t.length; i++) {
      const v = t[i]!
      if (v.kind !== 'punct') continue
      if (v.value === '(' || v.value === '[') depth++
      else if (v.value === ')' || v.value === ']') if (--depth === 0) return i
    }
    return -1
  }

  /**
   * Tokens `from` to `to` (inclusive) as SQL: comments dropped, runs of blanks made one space, and
   * parentheses around the whole dropped (`WHERE (a > 0)` is `a > 0`; printers add their own).
   */
  sql(from: number, to: number): string {
    const t = this.tokens
    while (to > from && t[from]!.kind === 'punct' && t[from]!.value === '(' && this.closing(from) === to && !this.hasTopComma(from, to)) (from++, to--)
    let out = ''
    for (let i = from; i <= to && i < t.length; i++) {
      const tok = t[i]!
      if (i > from && tok.start > t[i - 1]!.end) out += ' '
      out += this.text.slice(tok.start, tok.end)
    }
    return out
  }

  /** A comma directly inside the brackets at `open`..`close` makes them a row, not grouping. */
  private hasTopComma(open: number, close: number): boolean {
    let depth = 0
    for (let i = open + 1; i < close; i++) {
      const v = this.tokens[i]!
      if (v.kind !== 'punct') continue
      if (v.value === '(' || v.value === '[') depth++
      else if (v.value === ')' || v.value === ']') depth--
      else if (v.value === ',' && depth === 0) return true
    }
    return false
  }

  private byteIndex(): Uint32Array | undefined {
    if (this.byteStarts !== undefined) return this.byteStarts ?? undefined
    // Pure ASCII (the common case): byte offsets are string indexes, no map needed.
    if (!/[^\x00-\x7f]/.test(this.text)) {
      this.byteStarts = null
      return undefined
    }
    const starts = new Uint32Array(this.text.length + 1)
    let b = 0
    for (let i = 0; i < this.text.length; i++) {
      starts[i] = b
      const c = this.text.charCodeAt(i)
      if (c < 0x80) b += 1
      else if (c < 0x800) b += 2
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < this.text.length) {
        b += 4
        starts[++i] = b
      } else b += 3
    }
    starts[this.text.length] = b
    return (this.byteStarts = starts)
  }

  private tokenize(): Token[] {
    const s = this.text
    const out: Token[] = []
    const push = (kind: TokenKind, start: number, end: number, value: string) =>
      out.push({ kind, start, end, byte: this.byteOf(start), value })
    let i = 0
    while (i < s.length) {
      const c = s[i]!
      if (c <= ' ') {
        blanks.lastIndex = i
        i = blanks.test(s) ? blanks.lastIndex : i + 1
      } else if (c === '-' && s[i + 1] === '-') {
        const nl = s.indexOf('\n', i)
        i = nl < 0 ? s.length : nl
      } else if (c === '/' && s[i + 1] === '*') {
        i = skipBlockComment(s, i)
      } else if (c === "'") {
        const end = skipString(s, i, false)
        push('string', i, end, s.slice(i + 1, end - 1).replaceAll("''", "'"))
        i = end
      } else if (c === '"') {
        const end = skipQuotedIdent(s, i)
        push('qident', i, end, s.slice(i + 1, end - 1).replaceAll('""', '"'))
        i = end
      } else if (c === '$' && dollarTag(s, i)) {
        const tag = dollarTag(s, i)!
        const close = s.indexOf(tag, i + tag.length)
        const end = close < 0 ? s.length : close + tag.length
        push('string', i, end, s.slice(i + tag.length, close < 0 ? s.length : close))
        i = end
      } else if (c === '$' && /\d/.test(s[i + 1] ?? '')) {
        let j = i + 1
        while (j < s.length && /\d/.test(s[j]!)) j++
        push('param', i, j, s.slice(i, j))
        i = j
      } else if (((c >= '0' && c <= '9') || c === '.') && ((number.lastIndex = i), number.test(s)) && number.lastIndex > i && s.slice(i, number.lastIndex) !== '.') {
        push('number', i, number.lastIndex, s.slice(i, number.lastIndex))
        i = number.lastIndex
      } else if ((word.lastIndex = i, word.test(s))) {
        const end = word.lastIndex
        const w = s.slice(i, end)
        // E'..', B'..', X'..', N'..' and U&'..' are string constants with a prefix.
        if (s[end] === "'" && /^[ebxnEBXN]$/.test(w)) {
          const close = skipString(s, end, w === 'e' || w === 'E')
          push('string', i, close, s.slice(end + 1, close - 1))
          i = close
        } else if (/^[uU]$/.test(w) && s[end] === '&' && (s[end + 1] === "'" || s[end + 1] === '"')) {
          const close = s[end + 1] === "'" ? skipString(s, end + 1, false) : skipQuotedIdent(s, end + 1)
          push(s[end + 1] === "'" ? 'string' : 'qident', i, close, s.slice(end + 2, close - 1))
          i = close
        } else {
          push('word', i, end, w.toLowerCase())
          i = end
        }
      } else if (c === ':' && s[i + 1] === ':') {
        push('op', i, i + 2, '::')
        i += 2
      } else if ('()[],;.:'.includes(c)) {
        push('punct', i, i + 1, c)
        i++
      } else if (opChars.includes(c)) {
        let j = i + 1
        while (j < s.length && opChars.includes(s[j]!) && !(s[j] === '-' && s[j + 1] === '-') && !(s[j] === '/' && s[j + 1] === '*')) j++
        push('op', i, j, s.slice(i, j))
        i = j
      } else {
        push('op', i, i + 1, c)
        i++
      }
    }
    return out
  }
}
