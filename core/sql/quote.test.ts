import { describe, expect, it } from 'vitest'
import { checkSqlFragment } from './expression.ts'
import { quoteIdent, quoteLiteral } from './quote.ts'

describe('quoteIdent', () => {
  it.each([
    ['orders', 'orders'],
    ['user', '"user"'],
    ['select', '"select"'],
    ['between', '"between"'],
    ['left', '"left"'],
    ['name', 'name'],
    ['Orders', '"Orders"'],
    ['with space', '"with space"'],
    ['a"b', '"a""b"'],
    ['1st', '"1st"'],
    ['名前', '"名前"'],
    ['a$b', 'a$b'],
  ])('quotes %j as %s', (name, quoted) => {
    expect(quoteIdent(name)).toBe(quoted)
  })
})

describe('quoteLiteral', () => {
  it('doubles single quotes', () => expect(quoteLiteral("it's")).toBe("'it''s'"))
  it('uses an E literal for backslashes', () => expect(quoteLiteral('a\\b')).toBe("E'a\\\\b'"))
  it('keeps unicode', () => expect(quoteLiteral('späť')).toBe("'späť'"))
})

describe('checkSqlFragment', () => {
  it.each(['now()', "status = 'a;b'", 'lower("we;ird")', "$$a;b$$ <> ''", "E'it\\'s' = x", '(a + b) * c'])('accepts %s', (sql) => {
    expect(checkSqlFragment(sql)).toBeUndefined()
  })
  it.each([
    ['', 'empty'],
    ['1); DROP TABLE users; --', 'parenthesis'],
    ['0; DROP TABLE users', 'semicolon'],
    ['now() -- trailing', 'Comments'],
    ['a /* x */', 'Comments'],
    ["'open", 'not closed'],
    ['"open', 'not closed'],
    ['$$open', 'not closed'],
    ['(a', 'not closed'],
  ])('rejects %j', (sql, why) => {
    expect(checkSqlFragment(sql)).toContain(why)
  })
})
