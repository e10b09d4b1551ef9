/**
 * Drizzle ORM schema module (`drizzle-orm/pg-core`), proven with tsc and drizzle-kit.
 *
 * | construct                                        | exported as                                    |
 * |--------------------------------------------------|------------------------------------------------|
 * | schemas, enums                                   | `pgSchema`, `pgEnum` / `schema.enum`           |
 * | tables, columns (any name)                       | `pgTable` / `schema.table`; safe identifiers, real names as strings |
 * | types                                            | pg-core builders with their modes and options; `customType` for the rest |
 * | NOT NULL, defaults, identity, generated columns  | `.notNull()`, `.default()`/`.defaultNow()`/`.defaultRandom()`/sql`...`, `.generated...Identity()`, `.generatedAlwaysAs()` |
 * | primary keys, uniques (NULLS NOT DISTINCT), checks | `.primaryKey()`/`primaryKey()`, `unique().on()`, `check()`, with our names |
 * | foreign keys with actions                        | `foreignKey({ name, columns, foreignColumns })` |
 * | indexes: method, order, nulls, opclass, collation, expressions, WHERE | `index()`/`uniqueIndex()` `.using()`/`.on()`/`.where()` |
 * | relationships                                    | `relations()` with `one`/`many`, named when ambiguous |
 * | comments                                         | doc comments, with a warning (not in the database) |
 * | collations, INCLUDE, index NULLS NOT DISTINCT, DEFERRABLE, MATCH FULL, NO INHERIT, partitioning, UNLOGGED, extensions | warning diagnostics |
 * | names with `"` `;` `,` `--` or `__proto__`, custom types with a schema or modifiers, enums named like built-in types | exported; warning: drizzle-kit's SQL for them is wrong |
 * | a unique constraint repeating the primary key or another unique | left out, with a warning (PostgreSQL merges it inside CREATE TABLE) |
 * | foreign keys to columns unique only through an index; long table names in the query API | warnings (drizzle-kit's order; 63-byte aliases) |
 */
import type { Schema } from '../model/schema.ts'
import { mapDrizzle } from './drizzle/map.ts'
import { printDrizzle } from './drizzle/print.ts'
import type { Exporter, Output } from './types.ts'

export function exportDrizzle(schema: Schema): Output {
  const mapped = mapDrizzle(schema)
  return { text: printDrizzle(mapped.module), diagnostics: mapped.diagnostics }
}

export const drizzle: Exporter = {
  id: 'drizzle',
  label: 'Drizzle',
  fileExtension: 'drizzle.ts',
  export: (schema) => exportDrizzle(schema),
}
