/**
 * The Drizzle intermediate: a TypeScript module as a list of `const` declarations whose values
 * are small expressions. Names are already valid identifiers; strings and SQL are raw here and
 * quoted by `print.ts`, the only place that writes TypeScript text.
 */

export type TsExpr =
  | { readonly kind: 'string'; readonly value: string }
  /** A number, bigint or boolean literal as written: `0`, `-1.5`, `true`. */
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'ident'; readonly name: string }
  | { readonly kind: 'member'; readonly object: TsExpr; readonly property: string }
  | { readonly kind: 'call'; readonly callee: TsExpr; readonly args: readonly TsExpr[]; readonly typeArgs?: string }
  | { readonly kind: 'object'; readonly entries: readonly TsProperty[]; readonly multiline?: boolean }
  | { readonly kind: 'array'; readonly items: readonly TsExpr[]; readonly multiline?: boolean }
  /** drizzle's sql`...` tag around raw SQL text. */
  | { readonly kind: 'sql'; readonly text: string }
  | { readonly kind: 'arrow'; readonly params: string; readonly returnType?: string; readonly body: TsExpr }

export interface TsProperty {
  readonly key: string
  readonly value: TsExpr
  readonly docs?: readonly string[]
}

export interface TsDeclaration {
  readonly name: string
  readonly exported: boolean
  readonly value: TsExpr
  readonly docs: readonly string[]
}

export interface TsImport {
  readonly from: string
  readonly names: readonly string[]
  /** Names imported with `type`. */
  readonly types?: readonly string[]
}

export interface DrizzleModule {
  readonly imports: readonly TsImport[]
  readonly declarations: readonly TsDeclaration[]
}

export const str = (value: string): TsExpr => ({ kind: 'string', value })
export const lit = (text: string): TsExpr => ({ kind: 'literal', text })
export const id = (name: string): TsExpr => ({ kind: 'ident', name })
export const member = (object: TsExpr, property: string): TsExpr => ({ kind: 'member', object, property })
export const call = (callee: TsExpr | string, ...args: TsExpr[]): TsExpr => ({
  kind: 'call',
  callee: typeof callee === 'string' ? id(callee) : callee,
  args,
})
/** `base.method(args)`: builder chains like `integer().notNull()`. */
export const chain = (base: TsExpr, method: string, ...args: TsExpr[]): TsExpr => call(member(base, method), ...args)
export const obj = (entries: Record<string, TsExpr | undefined>): TsExpr => ({
  kind: 'object',
  entries: Object.entries(entries)
    .filter((e): e is [string, TsExpr] => e[1] !== undefined)
    .map(([key, value]) => ({ key, value })),
})
export const arr = (items: readonly TsExpr[]): TsExpr => ({ kind: 'array', items })
export const sql = (text: string): TsExpr => ({ kind: 'sql', text })
