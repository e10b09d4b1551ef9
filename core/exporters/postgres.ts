/**
 * PostgreSQL DDL.
 *
 * | construct                                   | exported |
 * |---------------------------------------------|----------|
 * | schemas, enums, extensions                  | yes      |
 * | columns: types, arrays, NOT NULL, defaults, identity, generated, collation | yes |
 * | primary keys, uniques (NULLS NOT DISTINCT), checks | yes |
 * | foreign keys: composite, actions, MATCH FULL, DEFERRABLE | yes |
 * | indexes: methods, expressions, order, nulls, opclass, INCLUDE, WHERE | yes |
 * | comments on every object                    | yes      |
 * | structurally broken objects                 | left out, with an error diagnostic |
 */
import { createStatements } from '../sql/create-statements.ts'
import { printPostgres } from '../sql/print-postgres.ts'
import type { Exporter } from './types.ts'

export const postgres: Exporter = {
  id: 'postgres',
  label: 'PostgreSQL',
  fileExtension: 'sql',
  export(schema) {
    const plan = createStatements(schema)
    return { text: printPostgres(plan.statements), diagnostics: plan.diagnostics }
  },
}
