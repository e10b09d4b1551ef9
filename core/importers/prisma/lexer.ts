/**
 * The Prisma schema language, token by token. Newlines are tokens because the language is
 * line-oriented: one field or attribute per line, and a block's `{` ends its line (Prisma's own
 * grammar rejects anything else, and so do we).
 *
 * Tokens are pulled one at a time rather than collected in an array, so a 50 MB file costs the
 * memory of its model, not of ten million token objects.
 */

export type TokenKind = 'ident' | 'string' | 'number' | 'punct' | 'newline' | 'comment' | 'doc' | 'eof' | 'invalid'

export interface Token {
  readonly kind: TokenKind
  /** The source text of the token; for strings, the unescaped value; for docs, the text after `///`. */
  readonly text: string
  readonly line: number
  readonly column: number
  readonly offset: number
  /** Offset just past the token. */
  readonly end: number
  /** Set on an invalid token: why it is invalid. */
  readonly problem?: string
}

const punct = new Set(['{', '}', '(', ')', '[', ']', ',', ':', '=', '?', '.'])

function isIdentChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45
}
function isIdentStart(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

export class Lexer {
  private pos = 0
  private line = 1
  private lineStart = 0
  private peeked: Token | undefined
  private last: Token | undefined

  constructor(private readonly text: string) {}

  peek(): Token {
    this.peeked ??= this.scan()
    return this.peeked
  }

  next(): Token {
    const t = this.peek()
    this.peeked = undefined
    this.last = t
    return t
  }

  /**
   * Skips the rest of the current line (after an error), leaving the newline to be read. When the
   * error was found on the newline itself, the line is already over: nothing is skipped.
   */
  skipLine(): void {
    if (this.peeked?.kind === 'newline' || this.peeked?.kind === 'eof') return
    if (!this.peeked && (this.last?.kind === 'newline' || this.last?.kind === 'eof')) return
    this.peeked = undefined
    const nl = this.text.indexOf('\n', this.pos)
    this.pos = nl < 0 ? this.text.length : nl
  }

  private token(kind: TokenKind, start: number, text: string, problem?: string): Token {
    return { kind, text, line: this.line, column: start - this.lineStart + 1, offset: start, end: this.pos, ...(problem ? { problem } : {}) }
  }

  private scan(): Token {
    const s = this.text
    for (;;) {
      const c = s.charCodeAt(this.pos)
      if (c === 32 || c === 9 || c === 13 || c === 0xfeff) this.pos++
      else break
    }
    const start = this.pos
    if (start >= s.length) return this.token('eof', start, '')
    const c = s.charCodeAt(start)
    if (c === 10) {
      this.pos++
      const t = this.token('newline', start, '\n')
      this.line++
      this.lineStart = this.pos
      return t
    }
    if (c === 47 && s.charCodeAt(start + 1) === 47) {
      const nl = s.indexOf('\n', start)
      this.pos = nl < 0 ? s.length : nl
      const body = s.slice(start, this.pos).replace(/\r$/, '')
      if (body.startsWith('///')) return this.token('doc', start, body.slice(3).trim())
      return this.token('comment', start, body)
    }
    if (c === 64) {
      this.pos += s.charCodeAt(start + 1) === 64 ? 2 : 1
      return this.token('punct', start, s.slice(start, this.pos))
    }
    if (c === 34) return this.scanString(start)
    if ((c === 45 && isDigit(s.charCodeAt(start + 1))) || isDigit(c)) {
      const m = /-?\d+(\.\d+)?/y
      m.lastIndex = start
      const found = m.exec(s)!
      // `1x` is an identifier that starts with a digit (the validator names the problem), not a number.
      if (!isIdentChar(s.charCodeAt(start + found[0].length)) || c === 45) {
        this.pos = start + found[0].length
        return this.token('number', start, found[0])
      }
    }
    if (isIdentStart(c)) {
      let i = start + 1
      while (isIdentChar(s.charCodeAt(i))) i++
      this.pos = i
      return this.token('ident', start, s.slice(start, i))
    }
    const ch = s[start]!
    if (punct.has(ch)) {
      this.pos++
      return this.token('punct', start, ch)
    }
    // One whole character (a surrogate pair counts once) so the message can show it.
    const cp = s.codePointAt(start)!
    this.pos += cp > 0xffff ? 2 : 1
    const shown = cp < 32 || cp === 127 ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : `"${String.fromCodePoint(cp)}"`
    return this.token('invalid', start, s.slice(start, this.pos), `Unexpected character ${shown}.`)
  }

  private scanString(start: number): Token {
    const s = this.text
    let out = ''
    let i = start + 1
    for (;;) {
      if (i >= s.length || s.charCodeAt(i) === 10) {
        this.pos = i
        return this.token('invalid', start, s.slice(start, i), 'This string is not closed on its line (a closing " is missing).')
      }
      const ch = s[i]!
      if (ch === '"') break
      if (ch === '\\') {
        const e = s[i + 1]
        const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '0': '\0', '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f' }
        if (e !== undefined && Object.hasOwn(simple, e)) {
          out += simple[e]
          i += 2
          continue
        }
        const u = e === 'u' ? /^[0-9a-fA-F]{4}/.exec(s.slice(i + 2, i + 6)) : null
        if (u) {
          out += String.fromCharCode(parseInt(u[0], 16))
          i += 6
          continue
        }
        out += e ?? ''
        i += 2
        continue
      }
      out += ch
      i++
    }
    this.pos = i + 1
    return this.token('string', start, out)
  }
}

/** `line:column` of an offset, for messages about positions the lexer did not produce. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: offset - lineStart + 1 }
}
