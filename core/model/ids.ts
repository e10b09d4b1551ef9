/**
 * Stable ids. Every object of the model carries one; it survives renames and moves, so diffs
 * match by id and never guess. The brand keeps a TableId from being passed where a ColumnId is
 * expected; at run time an id is a plain string.
 */
declare const brand: unique symbol
type Branded<K extends string> = string & { readonly [brand]: K }

export type NamespaceId = Branded<'NamespaceId'>
export type TableId = Branded<'TableId'>
export type ColumnId = Branded<'ColumnId'>
export type ConstraintId = Branded<'ConstraintId'>
export type IndexId = Branded<'IndexId'>
export type EnumId = Branded<'EnumId'>
export type EnumValueId = Branded<'EnumValueId'>

export type AnyId = NamespaceId | TableId | ColumnId | ConstraintId | IndexId | EnumId | EnumValueId

const prefixes = {
  namespace: 'ns',
  table: 'tb',
  column: 'co',
  constraint: 'cn',
  index: 'ix',
  enum: 'en',
  enumValue: 'ev',
} as const
export type IdKind = keyof typeof prefixes

/**
 * Creates fresh ids. A generator is injected (rather than a global counter) so that importers,
 * tests and benchmarks produce the same ids for the same input: files stay byte-identical.
 */
export interface IdGenerator {
  next<K extends IdKind>(kind: K): IdOf<K>
}
export type IdOf<K extends IdKind> = {
  namespace: NamespaceId
  table: TableId
  column: ColumnId
  constraint: ConstraintId
  index: IndexId
  enum: EnumId
  enumValue: EnumValueId
}[K]

/** Deterministic ids: `tb_1`, `co_2`, ... with one counter shared by all kinds. */
export function sequentialIds(start = 1, salt = ''): IdGenerator {
  let n = start
  return {
    next(kind) {
      return `${prefixes[kind]}_${salt}${(n++).toString(36)}` as never
    },
  }
}

/** Random ids for interactive edits, where two tabs or two imports must never collide. */
export function randomIds(): IdGenerator {
  return {
    next(kind) {
      let s = ''
      const bytes = new Uint8Array(10)
      crypto.getRandomValues(bytes)
      for (const b of bytes) s += (b % 36).toString(36)
      return `${prefixes[kind]}_${s}` as never
    },
  }
}
