/**
 * DBML (as @dbml/core 10 reads it), proven by parsing every export back with @dbml/core and
 * comparing tables, fields, keys, defaults, refs, indexes, checks, enums, notes and groups.
 *
 * | construct                                         | exported |
 * |---------------------------------------------------|----------|
 * | schemas (`schema.table`), enums (quoted values)    | yes |
 * | columns: types, NOT NULL, defaults (numbers, booleans, strings, backtick expressions) | yes |
 * | identity                                          | `increment`; GENERATED ALWAYS reported |
 * | primary keys, uniques                             | `pk` / `unique` settings, or index lines `[pk]` / `[unique]` when named, commented or composite (info) |
 * | indexes: composite, expression, methods, names, comments | yes |
 * | checks (named)                                    | `Checks { ... }` |
 * | foreign keys: composite, names, ON DELETE / ON UPDATE | `Ref` (`-` when the child side is unique) |
 * | comments on tables, columns, indexes, keys         | notes |
 * | table groups of the document (name, colour, note)  | `TableGroup` |
 * | partial indexes, INCLUDE, DESC / NULLS / opclass / collation of keys, NULLS NOT DISTINCT | reported (partial unique indexes left out) |
 * | generated columns, collations, DEFERRABLE, MATCH FULL, NO INHERIT, partitioning, UNLOGGED | reported |
 * | comments on schemas, enums, checks, foreign keys; extensions | reported (info) |
 * | leading blank lines and indentation of notes (DBML strips them) | reported (info) |
 * | what DBML rejects: tables without columns, empty enums, duplicate refs, SQL with a backtick | left out, reported |
 * | what DBML would reject: duplicate or empty names, references to nothing | left out, with an error diagnostic |
 * | what only PostgreSQL rejects (63-byte names, FKs to non-unique columns) | kept as drawn; the linter and the PostgreSQL export report it |
 */
import { mapDbml } from './dbml/map.ts'
import { printDbml } from './dbml/print.ts'
import type { Exporter } from './types.ts'

export const dbml: Exporter = {
  id: 'dbml',
  label: 'DBML',
  fileExtension: 'dbml',
  export(schema, options) {
    const { project, diagnostics } = mapDbml(schema, options?.document)
    return { text: printDbml(project), diagnostics }
  },
}
