/**
 * How the inspector names things to the user, and reads typed type names back: enum types print
 * with their schema when outside `public` (as tables do) and resolve the same way.
 */
import type { Column, ColumnType, EnumId, EnumType, Schema, Table, TypeParseResult } from '@core'
import { findNamespace, formatColumnType, indexSchema, parseColumnType } from '@core'

export function displayEnumName(schema: Schema, e: EnumType): string {
  const ns = findNamespace(schema, e.namespaceId)?.name
  return ns === undefined || ns === 'public' ? e.name : `${ns}.${e.name}`
}

/** A type as the inspector shows and accepts it: `varchar(255)`, `order_status[]`, `billing.state`. */
export function formatType(schema: Schema, type: ColumnType): string {
  const enums = indexSchema(schema).enums
  return formatColumnType(type, {
    enumName: (id) => {
      const e = enums.get(id)
      return e ? displayEnumName(schema, e) : '(missing enum)'
    },
  })
}

/** Finds an enum of the design by name, qualified or not (unqualified: `public` first). */
export function resolveEnum(schema: Schema, name: string, namespace: string | undefined): EnumId | undefined {
  // The parser folds unquoted names to lower case, so `OrderStatus` typed as shown must still find
  // the enum "OrderStatus": exact names first, then a case-insensitive match.
  const find = (same: (e: EnumType) => boolean) => {
    const inNamespace = (ns: string) => schema.enums.find((e) => same(e) && findNamespace(schema, e.namespaceId)?.name === ns)
    if (namespace !== undefined) return inNamespace(namespace)
    return inNamespace('public') ?? schema.enums.find(same)
  }
  return (find((e) => e.name === name) ?? find((e) => e.name.toLowerCase() === name.toLowerCase()))?.id
}

export function parseTypeIn(schema: Schema, text: string): TypeParseResult {
  return parseColumnType(text, { resolveEnum: (name, ns) => resolveEnum(schema, name, ns) })
}

export function columnLabel(table: Table, column: Column): string {
  return `${table.name}.${column.name}`
}

/** "1 column", "3 columns". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
}

/** ["a", "b", "c"] as "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
