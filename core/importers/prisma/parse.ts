/**
 * A recursive-descent parser for the Prisma schema language, following Prisma's own grammar
 * (psl's `datamodel.pest`): blocks `model`, `view`, `type`, `enum`, `datasource`, `generator`;
 * one field, enum value, property or `@@attribute` per line; `///` comments document the next
 * declaration. A bad line is reported and skipped, so one typo does not hide the next.
 */
import type { Arg, Attribute, Block, ConfigProperty, EnumValue, Expr, Field, FieldType, Position, PrismaAst, SyntaxProblem } from './ast.ts'
import { Lexer } from './lexer.ts'
import type { Token } from './lexer.ts'

/** Deeper than anything Prisma means (`[[1]]` is already rare); past it, a message, not a stack overflow. */
export const maxNesting = 64
const maxProblems = 100

const blockKeywords = new Set(['model', 'view', 'type', 'enum', 'datasource', 'generator'])

class ParseError extends Error {
  constructor(
    message: string,
    readonly at: Position,
  ) {
    super(message)
  }
}

const at = (t: Token): Position => ({ line: t.line, column: t.column })
const describe = (t: Token) =>
  t.kind === 'newline' ? 'the end of the line' : t.kind === 'eof' ? 'the end of the file' : t.kind === 'string' ? `the string "${t.text}"` : `"${t.text}"`

export function parsePrisma(text: string): PrismaAst {
  return new Parser(text).parseSchema()
}

class Parser {
  private readonly lx: Lexer
  private readonly problems: SyntaxProblem[] = []
  private docs: string[] = []

  constructor(text: string) {
    this.lx = new Lexer(text)
  }

  parseSchema(): PrismaAst {
    const blocks: Block[] = []
    for (;;) {
      const t = this.lx.peek()
      if (t.kind === 'eof' || this.problems.length >= maxProblems) break
      if (this.skipTrivia()) continue
      try {
        if (t.kind === 'ident' && blockKeywords.has(t.text)) blocks.push(this.parseBlock())
        else throw new ParseError('This line is invalid. It does not start with any known Prisma schema keyword (model, enum, view, type, datasource, generator).', at(t))
      } catch (e) {
        this.recover(e)
      }
    }
    return { blocks, problems: this.problems }
  }

  /** Newlines and comments; a blank line ends a `///` comment block. Returns whether it consumed one. */
  private skipTrivia(): boolean {
    const t = this.lx.peek()
    if (t.kind === 'newline') {
      this.lx.next()
      if (this.lx.peek().kind === 'newline') this.docs = []
      return true
    }
    if (t.kind === 'doc' || t.kind === 'comment') {
      this.lx.next()
      if (t.kind === 'doc') this.docs.push(t.text)
      return true
    }
    return false
  }

  private takeDoc(): string | undefined {
    const doc = this.docs.length > 0 ? this.docs.join('\n') : undefined
    this.docs = []
    return doc
  }

  private recover(e: unknown): void {
    if (!(e instanceof ParseError)) throw e
    this.problems.push({ message: e.message, at: e.at })
    this.docs = []
    this.lx.skipLine()
  }

  private expect(kind: Token['kind'], text: string | undefined, what: string): Token {
    const t = this.lx.next()
    if (t.kind === 'invalid') throw new ParseError(t.problem!, at(t))
    if (t.kind !== kind || (text !== undefined && t.text !== text)) throw new ParseError(`Expected ${what} but found ${describe(t)}.`, at(t))
    return t
  }

  private isPunct(text: string): boolean {
    const t = this.lx.peek()
    return t.kind === 'punct' && t.text === text
  }

  /**
   * After a declaration: an optional trailing comment, then the end of the line. `what` names the
   * declaration, or is a function that words the whole message.
   */
  private endOfLine(what: string | ((found: string) => string)): string | undefined {
    let t = this.lx.peek()
    let doc: string | undefined
    if (t.kind === 'comment' || t.kind === 'doc') {
      if (t.kind === 'doc') doc = t.text
      this.lx.next()
      t = this.lx.peek()
    }
    if (t.kind === 'newline' || t.kind === 'eof') return doc
    if (t.kind === 'invalid') throw new ParseError(t.problem!, at(t))
    const message = typeof what === 'string' ? `${what} must end here (one per line); found ${describe(t)}.` : what(describe(t))
    throw new ParseError(message, at(t))
  }

  private parseBlock(): Block {
    const doc = this.takeDoc()
    const kw = this.lx.next()
    const kind = kw.text as Block['kind']
    const name = this.expect('ident', undefined, `a name after "${kind}"`)
    if (name.text.includes('-') || /^\d/.test(name.text)) throw new ParseError(`"${name.text}" is not a valid ${kind} name.`, at(name))
    const open = this.lx.next()
    if (!(open.kind === 'punct' && open.text === '{'))
      throw new ParseError(`Expected "{" on the same line after "${kind} ${name.text}" but found ${describe(open)}.`, at(open))
    this.endOfLine((found) => `Nothing may follow "${kind} ${name.text} {" on its line (each declaration goes on its own line); found ${found}.`)
    const fields: Field[] = []
    const values: EnumValue[] = []
    const properties: ConfigProperty[] = []
    const attributes: Attribute[] = []
    for (;;) {
      const t = this.lx.peek()
      if (t.kind === 'eof') throw new ParseError(`The ${kind} "${name.text}" that starts here is never closed: a "}" is missing.`, at(kw))
      if (this.skipTrivia()) continue
      if (t.kind === 'punct' && t.text === '}') {
        this.lx.next()
        this.docs = []
        this.endOfLine((found) => `Nothing may follow the "}" that closes ${kind} "${name.text}" on its line; found ${found}.`)
        break
      }
      try {
        if (t.kind === 'punct' && t.text === '@@') {
          if (kind === 'datasource' || kind === 'generator') throw new ParseError(`A ${kind} block takes no attributes.`, at(t))
          this.lx.next()
          attributes.push(this.parseAttribute(t))
          this.docs = []
          this.endOfLine('A block attribute')
        } else if (kind === 'datasource' || kind === 'generator') properties.push(this.parseProperty())
        else if (kind === 'enum') values.push(this.parseEnumValue())
        else fields.push(this.parseField())
      } catch (e) {
        this.recover(e)
      }
    }
    const base = { name: name.text, at: at(kw) }
    if (kind === 'datasource' || kind === 'generator') return { kind, ...base, properties }
    if (kind === 'enum') return { kind, ...base, values, attributes, ...(doc !== undefined ? { doc } : {}) }
    return { kind, ...base, fields, attributes, ...(doc !== undefined ? { doc } : {}) }
  }

  private parseProperty(): ConfigProperty {
    this.docs = []
    const key = this.expect('ident', undefined, 'a property name (key = value)')
    this.expect('punct', '=', `"=" after "${key.text}"`)
    const next = this.lx.peek()
    const value = next.kind === 'newline' || next.kind === 'eof' || next.kind === 'comment' ? undefined : this.parseExpr(0)
    this.endOfLine('A property')
    return { key: key.text, ...(value ? { value } : {}), at: at(key) }
  }

  private parseEnumValue(): EnumValue {
    const doc = this.takeDoc()
    const name = this.expect('ident', undefined, 'an enum value')
    const attributes = this.parseFieldAttributes()
    this.endOfLine('An enum value')
    return { name: name.text, attributes, ...(doc !== undefined ? { doc } : {}), at: at(name) }
  }

  private parseField(): Field {
    const doc = this.takeDoc()
    const name = this.expect('ident', undefined, 'a field name')
    const typeTok = this.lx.peek()
    if (typeTok.kind !== 'ident') throw new ParseError(`The field "${name.text}" needs a type, e.g. "${name.text} String".`, at(typeTok))
    this.lx.next()
    let unsupported: string | undefined
    if (typeTok.text === 'Unsupported' && this.isPunct('(')) {
      this.lx.next()
      unsupported = this.expect('string', undefined, 'the database type as a string, e.g. Unsupported("tsvector")').text
      this.expect('punct', ')', '")"')
    }
    let list = false
    let optional = false
    if (this.isPunct('[')) {
      this.lx.next()
      this.expect('punct', ']', '"]" (a list type is written "Type[]")')
      list = true
    }
    if (this.isPunct('?')) {
      this.lx.next()
      if (list) throw new ParseError('A list cannot be optional ("Type[]?" is not allowed; use "Type[]").', at(typeTok))
      optional = true
    }
    const type: FieldType = { name: typeTok.text, ...(unsupported !== undefined ? { unsupported } : {}), optional, list, at: at(typeTok) }
    const attributes = this.parseFieldAttributes()
    // A `///` comment after the field adds to the one above it, as in Prisma's DMMF.
    const trailing = this.endOfLine('A field')
    const docs = [doc, trailing].filter((d) => d !== undefined)
    return { name: name.text, type, attributes, ...(docs.length > 0 ? { doc: docs.join('\n') } : {}), at: at(name) }
  }

  private parseFieldAttributes(): Attribute[] {
    const out: Attribute[] = []
    while (this.isPunct('@')) out.push(this.parseAttribute(this.lx.next()))
    if (this.isPunct('@@')) throw new ParseError('Block attributes ("@@...") go on their own line.', at(this.lx.peek()))
    return out
  }

  private parseAttribute(sigil: Token): Attribute {
    const name = this.lx.next()
    if (name.kind !== 'ident' || name.offset !== sigil.end) throw new ParseError(`Expected an attribute name right after "${sigil.text}".`, at(sigil))
    let full = name.text
    while (this.isPunct('.')) {
      this.lx.next()
      full += '.' + this.expect('ident', undefined, 'a name after "."').text
    }
    const args = this.isPunct('(') ? this.parseArgs(0) : []
    return { name: full, args, at: at(sigil) }
  }

  private parseArgs(depth: number): Arg[] {
    const open = this.lx.next()
    const args: Arg[] = []
    for (;;) {
      const t = this.lx.peek()
      if (t.kind === 'punct' && t.text === ')') {
        this.lx.next()
        return args
      }
      this.sameLine(open)
      if (t.kind === 'ident') {
        // `name: value` or `name:`; otherwise the identifier starts an expression.
        this.lx.next()
        if (this.isPunct(':')) {
          this.lx.next()
          const v = this.lx.peek()
          const empty = (v.kind === 'punct' && (v.text === ',' || v.text === ')'))
          args.push({ name: t.text, ...(empty ? {} : { value: this.parseExpr(depth + 1) }), at: at(t) })
        } else args.push({ value: this.continuePath(t, depth + 1), at: at(t) })
      } else args.push({ value: this.parseExpr(depth + 1), at: at(t) })
      const sep = this.lx.peek()
      if (sep.kind === 'punct' && sep.text === ',') this.lx.next()
      else if (!(sep.kind === 'punct' && sep.text === ')')) throw new ParseError(`Expected "," or ")" in the argument list but found ${describe(sep)}.`, at(sep))
    }
  }

  private parseExpr(depth: number): Expr {
    if (depth > maxNesting) throw new ParseError(`This expression is nested more than ${maxNesting} levels deep.`, at(this.lx.peek()))
    const t = this.lx.next()
    switch (t.kind) {
      case 'string':
        return { kind: 'string', value: t.text, at: at(t) }
      case 'number':
        return { kind: 'number', text: t.text, at: at(t) }
      case 'ident':
        return this.continuePath(t, depth)
      case 'invalid':
        throw new ParseError(t.problem!, at(t))
      default:
        break
    }
    if (t.kind === 'punct' && t.text === '[') {
      const items: Expr[] = []
      for (;;) {
        this.sameLine(t)
        if (this.isPunct(']')) break
        items.push(this.parseExpr(depth + 1))
        if (this.isPunct(',')) this.lx.next()
        else if (!this.isPunct(']')) throw new ParseError(`Expected "," or "]" in the list but found ${describe(this.lx.peek())}.`, at(this.lx.peek()))
      }
      this.lx.next()
      return { kind: 'array', items, at: at(t) }
    }
    if (t.kind === 'punct' && t.text === '{') {
      const entries: { key: string; value: Expr }[] = []
      for (;;) {
        this.sameLine(t)
        if (this.isPunct('}')) break
        const key = this.expect('ident', undefined, 'a field name in the object')
        this.expect('punct', ':', `":" after "${key.text}"`)
        entries.push({ key: key.text, value: this.parseExpr(depth + 1) })
        if (this.isPunct(',')) this.lx.next()
        else if (!this.isPunct('}')) throw new ParseError(`Expected "," or "}" in the object but found ${describe(this.lx.peek())}.`, at(this.lx.peek()))
      }
      this.lx.next()
      return { kind: 'object', entries, at: at(t) }
    }
    throw new ParseError(`Expected a value but found ${describe(t)}.`, at(t))
  }

  /** Inside brackets opened by `open`: the line must not end before they close. */
  private sameLine(open: Token): void {
    const t = this.lx.peek()
    if (t.kind === 'newline' || t.kind === 'eof')
      throw new ParseError(`The "${open.text}" opened here is not closed on its line; Prisma attributes must fit on one line.`, at(open))
  }

  /** After an identifier: `a.b.c`, optionally called: `now()`, `db.VarChar(191)`. */
  private continuePath(first: Token, depth: number): Expr {
    let name = first.text
    while (this.isPunct('.')) {
      this.lx.next()
      name += '.' + this.expect('ident', undefined, 'a name after "."').text
    }
    if (this.isPunct('(')) return { kind: 'call', name, args: this.parseArgs(depth), at: at(first) }
    return { kind: 'path', name, at: at(first) }
  }
}
