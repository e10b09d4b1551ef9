/**
 * Prisma schema (`schema.prisma`), Prisma 7 by default.
 *
 * | construct                                        | exported as                                    |
 * |--------------------------------------------------|------------------------------------------------|
 * | tables, columns, enums (any name)                | models, fields, enums; real names in `@map`/`@@map` |
 * | types                                            | scalar + `@db.*` where Prisma's default differs; others `Unsupported("...")` (warning) |
 * | defaults                                         | literals, `autoincrement()` (serial), `now()`, `dbgenerated("...")` |
 * | primary keys, uniques, indexes (method, order, operator class, WHERE) | `@id`/`@@id`, `@unique`/`@@unique`, `@@index`, `map:` keeps our names; WHERE via the `partialIndexes` preview (Prisma 7) |
 * | foreign keys (composite, self, 1:1, actions)     | relation fields on both sides, named when ambiguous |
 * | schemas, extensions                              | `schemas` + `@@schema`; `extensions` (preview `postgresqlExtensions`) |
 * | comments on tables, columns, enums               | `///` docs                                     |
 * | identity, generated columns, collations, CHECK, DEFERRABLE, MATCH FULL, INCLUDE, NULLS FIRST/LAST, NULLS NOT DISTINCT, expression indexes, partitioning, UNLOGGED, other comments | warning diagnostics |
 * | tables without a key on required columns         | `@@ignore` + warning                           |
 */
import type { Schema } from '../model/schema.ts'
import { type PrismaMapOptions, mapPrisma } from './prisma/map.ts'
import { printPrisma } from './prisma/print.ts'
import type { ExportOptions, Exporter, Output } from './types.ts'

export interface PrismaExportOptions extends ExportOptions, PrismaMapOptions {}

export function exportPrisma(schema: Schema, options: PrismaExportOptions = {}): Output {
  const mapped = mapPrisma(schema, options)
  return { text: printPrisma(mapped.schema), diagnostics: mapped.diagnostics }
}

export const prisma: Exporter = {
  id: 'prisma',
  label: 'Prisma',
  fileExtension: 'prisma',
  export: (schema, options?: PrismaExportOptions) => exportPrisma(schema, options),
}
