import { describe, expect, it } from 'vitest'
import { Namer, camelCase, identifierWords, pascalCase } from './identifiers.ts'
import { alignColumns, indent, render, sections } from './lines.ts'

describe('print/lines', () => {
  it('aligns columns as prisma format does, with no trailing spaces', () => {
    expect(alignColumns([['id', 'Int', '@id'], ['name', 'String?'], ['x', 'Unsupported("a")?', '']])).toEqual([
      'id   Int               @id',
      'name String?',
      'x    Unsupported("a")?',
    ])
  })
  it('separates non-empty sections by one blank line', () => {
    expect(sections([['a'], [], ['b', 'c']])).toEqual(['a', '', 'b', 'c'])
  })
  it('indents non-empty lines only', () => {
    expect(indent(['a', '', 'b'])).toEqual(['  a', '', '  b'])
  })
  it('renders with one final newline, and nothing for nothing', () => {
    expect(render(['a', 'b'])).toBe('a\nb\n')
    expect(render([])).toBe('')
  })
})

describe('print/identifiers', () => {
  it.each([
    ['order_items', ['order', 'items']],
    ['userID', ['user', 'ID']],
    ['HTTPServer', ['HTTP', 'Server']],
    ['Mixed Case', ['Mixed', 'Case']],
    ['späť', ['spat']],
    ['weird "quoted" name', ['weird', 'quoted', 'name']],
    ['名前 🎉', []],
  ])('splits %j into %j', (name, words) => {
    expect(identifierWords(name)).toEqual(words)
  })
  it('cases words', () => {
    expect(camelCase(['order', 'ITEMS'])).toBe('orderItems')
    expect(pascalCase(['order', 'items'])).toBe('OrderItems')
  })
  it('hands out names in call order, numbering repeats and stepping around reserved ones', () => {
    const namer = new Namer(['user'])
    expect([namer.claim('user'), namer.claim('user'), namer.claim('post'), namer.claim('post')]).toEqual(['user2', 'user3', 'post', 'post2'])
  })
})
