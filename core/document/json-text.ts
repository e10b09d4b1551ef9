/**
 * Positions in JSON text. Parsing itself uses JSON.parse (fast on 50 MB); this scanner runs only
 * to explain a failure: where the syntax breaks, or where the value at a JSON path starts.
 */

export interface TextPosition {
  readonly line: number
  readonly column: number
}

export function positionAt(text: string, offset: number): TextPosition {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

class Scanner {
  i = 0
  constructor(readonly text: string) {}

  fail(message: string): never {
    throw new JsonSyntaxError(message, this.i)
  }
  ws() {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i]!)) this.i++
  }
  /** Skips one value; when `path` still has segments, stops at the value they lead to. */
  value(path: ReadonlyArray<string | number>, depth: number): number | undefined {
    this.ws()
    if (depth > 10000) this.fail('The JSON is nested too deeply.')
    const start = this.i
    if (path.length === 0) {
      this.skip(depth)
      return start
    }
    const ch = this.text[this.i]
    if (ch === '{') {
      this.i++
      this.ws()
      if (this.text[this.i] === '}') return undefined
      for (;;) {
        this.ws()
        if (this.text[this.i] !== '"') this.fail('Expected a property name in double quotes.')
        const key = this.string()
        this.ws()
        if (this.text[this.i] !== ':') this.fail('Expected ":" after a property name.')
        this.i++
        if (key === path[0]) return this.value(path.slice(1), depth + 1)
        this.value([], depth + 1)
        this.ws()
        if (this.text[this.i] === ',') this.i++
        else if (this.text[this.i] === '}') return undefined
        else this.fail('Expected "," or "}".')
      }
    }
    if (ch === '[') {
      this.i++
      this.ws()
      if (this.text[this.i] === ']') return undefined
      for (let n = 0; ; n++) {
        if (n === path[0]) return this.value(path.slice(1), depth + 1)
        this.value([], depth + 1)
        this.ws()
        if (this.text[this.i] === ',') this.i++
        else if (this.text[this.i] === ']') return undefined
        else this.fail('Expected "," or "]".')
      }
    }
    return undefined
  }
  skip(depth: number) {
    const ch = this.text[this.i]
    if (ch === undefined) this.fail('The file ends in the middle of a value (is it truncated?).')
    if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']'
      this.i++
      this.ws()
      if (this.text[this.i] === close) {
        this.i++
        return
      }
      for (;;) {
        this.ws()
        if (ch === '{') {
          if (this.text[this.i] !== '"') this.fail(this.i >= this.text.length ? 'The file ends inside an object (is it truncated?).' : 'Expected a property name in double quotes.')
          this.string()
          this.ws()
          if (this.text[this.i] !== ':') this.fail('Expected ":" after a property name.')
          this.i++
        }
        this.value([], depth + 1)
        this.ws()
        if (this.text[this.i] === ',') this.i++
        else if (this.text[this.i] === close) {
          this.i++
          return
        } else if (this.i >= this.text.length) this.fail(`The file ends before "${close}" (is it truncated?).`)
        else this.fail(`Expected "," or "${close}".`)
      }
    }
    if (ch === '"') {
      this.string()
      return
    }
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?|true|false|null)/.exec(this.text.slice(this.i, this.i + 400))
    if (!m) this.fail(`Unexpected character ${JSON.stringify(ch)}.`)
    this.i += m[0].length
  }
  string(): string {
    const start = this.i
    this.i++
    for (;;) {
      const c = this.text[this.i]
      if (c === undefined) this.fail('A string is not closed (is the file truncated?).')
      if (c === '\\') this.i += 2
      else if (c === '"') {
        this.i++
        return JSON.parse(this.text.slice(start, this.i)) as string
      } else if (c < ' ') this.fail('Control characters must be escaped inside strings.')
      else this.i++
    }
  }
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message)
  }
}

/** Finds the syntax error JSON.parse reported, with a message people understand. */
export function findSyntaxError(text: string): { message: string; offset: number } {
  const s = new Scanner(text)
  try {
    s.ws()
    if (s.i >= text.length) return { message: 'The file is empty.', offset: 0 }
    s.skip(0)
    s.ws()
    if (s.i < text.length) s.fail('Unexpected content after the end of the JSON value.')
    return { message: 'The JSON is not valid.', offset: 0 }
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { message: e.message, offset: e.offset }
    if (e instanceof RangeError) return { message: 'The JSON is nested too deeply.', offset: s.i }
    throw e
  }
}

/** The offset where the value at `path` starts, or of its nearest existing parent. */
export function locatePath(text: string, path: ReadonlyArray<string | number>): number {
  for (let n = path.length; n >= 0; n--) {
    try {
      const at = new Scanner(text).value(path.slice(0, n), 0)
      if (at !== undefined) return at
    } catch {
      return 0
    }
  }
  return 0
}

export function formatPath(path: ReadonlyArray<string | number>): string {
  return '$' + path.map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_]\w*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('')
}
