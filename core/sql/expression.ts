/**
 * User-written SQL fragments (defaults, CHECK bodies, index expressions, WHERE predicates) are
 * printed as they are, inside a clause. This scanner makes sure a fragment cannot end that clause
 * early: quotes and dollar quotes must close, parentheses must balance, and there may be no
 * semicolon or comment outside a literal. It does not judge whether the SQL means anything; the
 * database does that.
 */
export function checkSqlFragment(sql: string): string | undefined {
  if (sql.trim() === '') return 'The expression is empty.'
  let depth = 0
  let i = 0
  const n = sql.length
  while (i < n) {
    const ch = sql[i]!
    if (ch === "'") {
      // Plain or E'' literal: '' is an escaped quote; in E'' a backslash escapes the next char.
      const escaped = i > 0 && /[eE]/.test(sql[i - 1]!) && (i < 2 || !/[\w$]/.test(sql[i - 2]!))
      i++
      for (;;) {
        if (i >= n) return 'A string literal is not closed.'
        if (escaped && sql[i] === '\\') i += 2
        else if (sql[i] === "'") {
          if (sql[i + 1] === "'") i += 2
          else break
        } else i++
      }
      i++
    } else if (ch === '"') {
      const end = findClosingDoubleQuote(sql, i + 1)
      if (end < 0) return 'A quoted identifier is not closed.'
      i = end + 1
    } else if (ch === '$' && (i === 0 || !/[\w$]/.test(sql[i - 1]!))) {
      const tag = /^\$([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/.exec(sql.slice(i))
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length)
        if (close < 0) return 'A dollar-quoted string is not closed.'
        i = close + tag[0].length
      } else i++
    } else if (ch === '-' && sql[i + 1] === '-') return 'Comments are not allowed inside an expression.'
    else if (ch === '/' && sql[i + 1] === '*') return 'Comments are not allowed inside an expression.'
    else if (ch === ';') return 'A semicolon cannot appear in an expression.'
    else if (ch === '(') (depth++, i++)
    else if (ch === ')') {
      depth--
      if (depth < 0) return 'A closing parenthesis has no opening one.'
      i++
    } else if (ch === '\0') return 'The expression contains a NUL character.'
    else i++
  }
  if (depth !== 0) return 'An opening parenthesis is not closed.'
  return undefined
}

function findClosingDoubleQuote(sql: string, from: number): number {
  for (let i = from; i < sql.length; i++) {
    if (sql[i] === '"') {
      if (sql[i + 1] === '"') i++
      else return i
    }
  }
  return -1
}

/** The index of the parenthesis closing the one at `open`, skipping quoted text; -1 if none. */
export function closingParen(s: string, open: number): number {
  let depth = 0
  let quote: string | undefined
  for (let i = open; i < s.length; i++) {
    const c = s[i]!
    if (quote) {
      if (c === quote) quote = s[i + 1] === quote ? (i++, quote) : undefined
      continue
    }
    if (c === "'" || c === '"') quote = c
    else if (c === '(') depth++
    else if (c === ')' && --depth === 0) return i
  }
  return -1
}

/** Removes parentheses that wrap the whole text: `((a = 1))` gives `a = 1`. */
export function stripOuterParens(sql: string): string {
  let e = sql.trim()
  while (e.startsWith('(') && closingParen(e, 0) === e.length - 1) e = e.slice(1, -1).trim()
  return e
}
