/**
 * Splits a SQL file into statements the way psql reads it, without allocating tokens, so that a
 * 50 MB dump with COPY data splits in one linear pass.
 *
 * Understood: '' and E'' strings, "" identifiers, $tag$ dollar quotes, -- and nested block
 * comments, psql meta-commands (a backslash outside quotes runs to the end of the line), COPY ...
 * FROM stdin data blocks ending at a line `\.`, and psql's rule that a `;` inside parentheses or
 * inside the BEGIN ... END of `CREATE FUNCTION ... BEGIN ATOMIC` does not end the statement.
 */

export interface Chunk {
  readonly kind: 'sql' | 'meta' | 'copy-data'
  /** Index (in the JavaScript string) of the first character that is not blank or a comment. */
  readonly start: number
  /** Index after the last character, the terminating `;` excluded. */
  readonly end: number
  /** A `;` inside parentheses or BEGIN ... END was taken as part of this statement (psql's rule). */
  readonly nested?: boolean
}

export interface SplitOptions {
  /** Every `;` outside quotes and comments ends a statement: the fallback for broken statements. */
  readonly flat?: boolean
  /** Backslashes escape in every string (`SET standard_conforming_strings = off`). */
  readonly backslashQuotes?: boolean
}

const isIdentStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128
const isIdentChar = (c: number) => isIdentStart(c) || (c >= 48 && c <= 57) || c === 36

/** Index after the closing quote of a '' string starting at `i` (or the end of the text). */
export function skipString(text: string, i: number, backslashes: boolean, end = text.length): number {
  for (let j = i + 1; j < end; j++) {
    const c = text.charCodeAt(j)
    if (c === 92 && backslashes) j++
    else if (c === 39) {
      if (text.charCodeAt(j + 1) === 39) j++
      else return j + 1
    }
  }
  return end
}

/** Index after the closing `"`. */
export function skipQuotedIdent(text: string, i: number, end = text.length): number {
  for (let j = i + 1; j < end; j++) {
    if (text.charCodeAt(j) === 34) {
      if (text.charCodeAt(j + 1) === 34) j++
      else return j + 1
    }
  }
  return end
}

/** Index after a block comment starting at `i` (block comments nest in PostgreSQL). */
export function skipBlockComment(text: string, i: number, end = text.length): number {
  let depth = 0
  for (let j = i; j < end - 1; j++) {
    const c = text.charCodeAt(j)
    if (c === 47 && text.charCodeAt(j + 1) === 42) (depth++, j++)
    else if (c === 42 && text.charCodeAt(j + 1) === 47) {
      j++
      if (--depth === 0) return j + 1
    }
  }
  return end
}

/** The dollar-quote opening tag at `i` (`$$`, `$body$`), if there is one. */
export function dollarTag(text: string, i: number): string | undefined {
  if (i > 0 && isIdentChar(text.charCodeAt(i - 1))) return undefined
  let j = i + 1
  if (j < text.length && !isIdentStart(text.charCodeAt(j)) && text.charCodeAt(j) !== 36) return undefined
  while (j < text.length && isIdentChar(text.charCodeAt(j)) && text.charCodeAt(j) !== 36) j++
  return text.charCodeAt(j) === 36 ? text.slice(i, j + 1) : undefined
}

/** True when a quote at `i` opens an E'' string (the E standing alone, not ending a word). */
function isEscapeString(text: string, i: number): boolean {
  const e = text.charCodeAt(i - 1)
  return (e === 69 || e === 101) && (i < 2 || !isIdentChar(text.charCodeAt(i - 2)))
}

export function splitStatements(text: string, from = 0, to = text.length, options: SplitOptions = {}): Chunk[] {
  const chunks: Chunk[] = []
  let backslashQuotes = options.backslashQuotes ?? false
  let start = -1
  let depth = 0
  let beginDepth = 0
  let nested = false
  // psql's heuristic for BEGIN ATOMIC bodies: the first words of the statement, by initial.
  let words = ''
  let wordCount = 0
  const finish = (end: number) => {
    if (start < 0) return
    let e = end
    while (e > start && text.charCodeAt(e - 1) <= 32) e--
    chunks.push(nested ? { kind: 'sql', start, end: e, nested } : { kind: 'sql', start, end: e })
    const first = text.slice(start, Math.min(start + 40, e)).toLowerCase()
    if (first.startsWith('set') && /^set\s+standard_conforming_strings\s*(=|to)\s*'?(off|on)/.test(first))
      backslashQuotes = first.includes('off')
    start = -1
    depth = beginDepth = wordCount = 0
    words = ''
    tracking = true
    nested = false
  }
  /** After COPY ... FROM stdin, the data runs from the next line to a line `\.`. */
  const copyData = (from: number): number => {
    let lineStart = text.indexOf('\n', from)
    if (lineStart < 0 || lineStart >= to) return to
    lineStart++
    const dataStart = lineStart
    while (lineStart < to) {
      let lineEnd = text.indexOf('\n', lineStart)
      if (lineEnd < 0 || lineEnd > to) lineEnd = to
      const line = text.slice(lineStart, lineEnd).replace(/\r$/, '')
      if (line === '\\.') {
        chunks.push({ kind: 'copy-data', start: dataStart, end: lineEnd })
        return lineEnd
      }
      lineStart = lineEnd + 1
    }
    if (dataStart < to) chunks.push({ kind: 'copy-data', start: dataStart, end: to })
    return to
  }
  const isCopyFromStdin = (s: number, e: number) => /^\\?copy\b[\s\S]*\bfrom\s+stdin\b/i.test(text.slice(s, Math.min(e, s + 2000)))

  // Inside a statement, once its first words are known, runs of plain characters are skipped
  // with one regular expression instead of a step per character.
  const plain = /[^'"$\-/\\;()]+/y
  // True while the first words are unread or the statement is CREATE [OR REPLACE] FUNCTION|PROCEDURE.
  let tracking = true
  let i = from
  while (i < to) {
    if (start >= 0 && !tracking) {
      plain.lastIndex = i
      if (plain.test(text)) {
        i = Math.min(plain.lastIndex, to)
        continue
      }
    }
    const c = text.charCodeAt(i)
    if (c <= 32) {
      i++
      continue
    }
    if (c === 45 && text.charCodeAt(i + 1) === 45) {
      const nl = text.indexOf('\n', i)
      i = nl < 0 || nl > to ? to : nl
      continue
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      i = skipBlockComment(text, i, to)
      continue
    }
    if (c === 92) {
      // A psql meta-command ends the statement in progress and runs to the end of its line.
      finish(i)
      let nl = text.indexOf('\n', i)
      if (nl < 0 || nl > to) nl = to
      let e = nl
      while (e > i && text.charCodeAt(e - 1) <= 32) e--
      chunks.push({ kind: 'meta', start: i, end: e })
      i = isCopyFromStdin(i, e) ? copyData(i) : nl
      continue
    }
    if (c === 59) {
      if (start < 0) {
        i++
        continue
      }
      if (!options.flat && (depth > 0 || beginDepth > 0)) {
        nested = true
        i++
        continue
      }
      const s = start
      finish(i)
      i = isCopyFromStdin(s, i) ? copyData(i) : i + 1
      continue
    }
    if (start < 0) start = i
    if (c === 39) {
      i = skipString(text, i, backslashQuotes || isEscapeString(text, i), to)
      continue
    }
    if (c === 34) {
      i = skipQuotedIdent(text, i, to)
      continue
    }
    if (c === 36) {
      const tag = dollarTag(text, i)
      if (tag) {
        const close = text.indexOf(tag, i + tag.length)
        i = close < 0 || close + tag.length > to ? to : close + tag.length
        continue
      }
      i++
      continue
    }
    if (c === 40) depth++
    else if (c === 41) depth = Math.max(0, depth - 1)
    else if (isIdentStart(c) && !(i > 0 && isIdentChar(text.charCodeAt(i - 1)))) {
      let j = i + 1
      while (j < to && isIdentChar(text.charCodeAt(j))) j++
      // Only the first four words can make this a CREATE [OR REPLACE] FUNCTION|PROCEDURE.
      if (wordCount < 4) {
        const word = text.slice(i, j).toLowerCase()
        words += ['create', 'function', 'procedure', 'or', 'replace'].includes(word) ? word[0] : '-'
      }
      wordCount++
      tracking = wordCount < 4 || /^c(f|p|or[fp])/.test(words)
      if (depth === 0 && wordCount > 1 && /^c(f|p|or[fp])/.test(words) && j - i <= 5) {
        const word = text.slice(i, j).toLowerCase()
        if (word === 'begin') beginDepth++
        else if (word === 'case' && beginDepth > 0) beginDepth++
        else if (word === 'end' && beginDepth > 0) beginDepth--
      }
      i = j
      continue
    }
    i++
  }
  finish(to)
  return chunks
}
