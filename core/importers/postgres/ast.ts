/**
 * Typed access to libpg-query's JSON parse tree. A node is an object with one key, its type name
 * (`{ ColumnDef: {...} }`); `as(node, 'ColumnDef')` unwraps it. The protobuf-style JSON leaves out
 * zero values: `{ ival: {} }` is 0 and `{ boolval: {} }` is false.
 */
import type { A_Const, Node, RangeVar } from 'libpg-query'

export type { Node }
export type NodeMap = { [N in Node as keyof N & string]: N[keyof N] }
export type NodeKind = keyof NodeMap

export function as<K extends NodeKind>(node: Node | undefined, kind: K): NodeMap[K] | undefined {
  return node !== undefined && kind in node ? (node as Record<string, unknown>)[kind] as NodeMap[K] : undefined
}

export function kindOf(node: Node): NodeKind {
  return Object.keys(node)[0] as NodeKind
}

/** The strings of a list of `String` nodes: qualified names, column lists. */
export function names(list: readonly Node[] | undefined): string[] {
  return (list ?? []).map((n) => as(n, 'String')?.sval ?? '')
}

/** The value of a constant, as SQL text would spell it; undefined for NULL. */
export function constValue(c: A_Const): { kind: 'string' | 'number' | 'boolean' | 'bits'; value: string } | undefined {
  if (c.isnull) return undefined
  if (c.sval) return { kind: 'string', value: c.sval.sval ?? '' }
  if (c.ival) return { kind: 'number', value: String(c.ival.ival ?? 0) }
  if (c.fval) return { kind: 'number', value: c.fval.fval ?? '0' }
  if (c.boolval) return { kind: 'boolean', value: String(c.boolval.boolval ?? false) }
  if (c.bsval) return { kind: 'bits', value: c.bsval.bsval ?? '' }
  return { kind: 'number', value: '0' }
}

export interface QualifiedName {
  readonly schema?: string
  readonly name: string
}

export function rangeVarName(r: RangeVar | undefined): QualifiedName {
  return r?.schemaname ? { schema: r.schemaname, name: r.relname ?? '' } : { name: r?.relname ?? '' }
}

/** `['s', 't']` -> s.t; longer lists (catalog.schema.name) keep the last two parts. */
export function qualified(parts: readonly string[]): QualifiedName {
  const name = parts[parts.length - 1] ?? ''
  return parts.length >= 2 ? { schema: parts[parts.length - 2]!, name } : { name }
}

/**
 * Visits every node under `root` without recursion, so a deeply nested expression cannot exhaust
 * the stack. `visit` returns false to skip a node's children.
 */
export function walk(root: unknown, visit: (kind: string, value: Record<string, unknown>) => boolean | void): void {
  const stack: unknown[] = [root]
  while (stack.length) {
    const item = stack.pop()
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push(item[i])
      continue
    }
    if (item === null || typeof item !== 'object') continue
    const entries = Object.entries(item as Record<string, unknown>)
    // A node is a one-key object whose key starts with a capital letter.
    if (entries.length === 1 && /^[A-Z]/.test(entries[0]![0]) && typeof entries[0]![1] === 'object') {
      const [kind, value] = entries[0]!
      if (visit(kind, value as Record<string, unknown>) === false) continue
      stack.push(value)
      continue
    }
    for (let i = entries.length - 1; i >= 0; i--) stack.push(entries[i]![1])
  }
}
