/**
 * Prints the Drizzle intermediate as TypeScript. Every user string goes through `tsString`,
 * every SQL fragment through `sqlTemplate`, so no name or expression can end its token early.
 */
import type { DrizzleModule, TsDeclaration, TsExpr } from './ast.ts'
import { isTsIdentifier } from './names.ts'

/**
 * A TypeScript string literal: single quotes, or double quotes when that saves escaping an
 * apostrophe (as Prettier chooses); backslashes, the quote, control and line-separator
 * characters escaped.
 */
export function tsString(value: string): string {
  const q = value.includes("'") && !value.includes('"') ? '"' : "'"
  const escaped = value.replace(/[\\'"\u0000-\u001f\u2028\u2029\u007f]/g, (c) => {
    if (c === '\\') return '\\\\'
    if (c === "'" || c === '"') return c === q ? `\\${c}` : c
    if (c === '\n') return '\\n'
    if (c === '\r') return '\\r'
    if (c === '\t') return '\\t'
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
  return q + escaped + q
}

/** The body of a template literal whose cooked value is exactly `text`. */
export function sqlTemplate(text: string): string {
  return 'sql`' + text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`'
}

const propertyKey = (key: string) => (isTsIdentifier(key) ? key : tsString(key))

/** Doc comments; `*\/` inside a comment would end it, so it is broken up. */
function jsDoc(docs: readonly string[]): string[] {
  if (docs.length === 0) return []
  const lines = docs.map((d) => d.replace(/\*\//g, '*\\/'))
  return lines.length === 1 ? [`/** ${lines[0]} */`] : ['/**', ...lines.map((l) => (l ? ` * ${l}` : ' *')), ' */']
}

/**
 * Appends text to one list of chunks, joined once at the end: a 1,000-table module is 1.5 MB, and
 * building it line by line from nested line arrays cost more than everything else together.
 */
class Writer {
  readonly chunks: string[] = []
  private depth = 0
  text(s: string): void {
    this.chunks.push(s)
  }
  newline(): void {
    this.chunks.push('\n' + '  '.repeat(this.depth))
  }
  in(): void {
    this.depth++
  }
  out(): void {
    this.depth--
  }
}

/** Writes an expression: on one line, except objects and arrays marked multiline. */
function emit(e: TsExpr, w: Writer): void {
  switch (e.kind) {
    case 'string':
      return w.text(tsString(e.value))
    case 'literal':
      return w.text(e.text)
    case 'ident':
      return w.text(e.name)
    case 'sql':
      return w.text(sqlTemplate(e.text))
    case 'member':
      emit(e.object, w)
      return w.text(isTsIdentifier(e.property) ? `.${e.property}` : `[${tsString(e.property)}]`)
    case 'call':
      emit(e.callee, w)
      w.text(e.typeArgs ? `<${e.typeArgs}>(` : '(')
      e.args.forEach((a, i) => {
        if (i) w.text(', ')
        emit(a, w)
      })
      return w.text(')')
    case 'object':
      if (e.entries.length === 0) return w.text('{}')
      if (!e.multiline) {
        w.text('{ ')
        e.entries.forEach((p, i) => {
          w.text((i ? ', ' : '') + propertyKey(p.key) + ': ')
          emit(p.value, w)
        })
        return w.text(' }')
      }
      w.text('{')
      w.in()
      for (const p of e.entries) {
        for (const line of jsDoc(p.docs ?? [])) (w.newline(), w.text(line))
        w.newline()
        w.text(propertyKey(p.key) + ': ')
        emit(p.value, w)
        w.text(',')
      }
      w.out()
      w.newline()
      return w.text('}')
    case 'array':
      if (!e.multiline) {
        w.text('[')
        e.items.forEach((item, i) => {
          if (i) w.text(', ')
          emit(item, w)
        })
        return w.text(']')
      }
      w.text('[')
      w.in()
      for (const item of e.items) {
        w.newline()
        emit(item, w)
        w.text(',')
      }
      w.out()
      w.newline()
      return w.text(']')
    case 'arrow':
      w.text(`(${e.params})${e.returnType ? `: ${e.returnType}` : ''} => `)
      // An object body needs parentheses, or it would read as a block.
      if (e.body.kind !== 'object') return emit(e.body, w)
      w.text('(')
      emit(e.body, w)
      return w.text(')')
  }
}

/** An expression as text (one line unless it holds multiline objects or arrays). */
export function printExpr(e: TsExpr): string {
  const w = new Writer()
  emit(e, w)
  return w.chunks.join('')
}

function emitDeclaration(d: TsDeclaration, w: Writer): void {
  for (const line of jsDoc(d.docs)) (w.text(line), w.newline())
  w.text(`${d.exported ? 'export ' : ''}const ${d.name} = `)
  emit(d.value, w)
}

export function printDrizzle(m: DrizzleModule): string {
  const w = new Writer()
  for (const i of m.imports) {
    if (i.names.length === 0 && !i.types?.length) continue
    const names = [...(i.types ?? []).map((t) => `type ${t}`), ...i.names].sort((a, b) => a.replace(/^type /, '').localeCompare(b.replace(/^type /, '')))
    w.text(`import { ${names.join(', ')} } from ${tsString(i.from)}\n`)
  }
  for (const d of m.declarations) {
    w.text('\n')
    emitDeclaration(d, w)
    w.text('\n')
  }
  return w.chunks.join('')
}
