/**
 * The names Prisma Migrate gives constraints and indexes on PostgreSQL (psl's `ConstraintNames`
 * and the join tables of `sql_schema_calculator`). They differ from PostgreSQL's own defaults: a
 * unique index is `Table_col_key` (PostgreSQL would say `Table_col_idx`), and long names are cut
 * at the end rather than by shortening the longer part. The importer sets these names and then
 * drops those PostgreSQL would generate anyway (`dropDefaultNames`).
 */
import { byteLength, clipBytes } from '../../model/names.ts'

const limit = 63

/** `name` cut to at most `bytes` UTF-8 bytes when it has `bytes` or more (Prisma's `>=` test). */
function trim(name: string, bytes: number): string {
  return byteLength(name) >= bytes ? clipBytes(name, bytes) : name
}

export function primaryKeyName(table: string): string {
  return trim(table, limit - 5) + '_pkey'
}

export function uniqueIndexName(table: string, columns: readonly string[]): string {
  return trim(`${table}_${columns.join('_')}`, limit - 4) + '_key'
}

export function indexName(table: string, columns: readonly string[]): string {
  return trim(`${table}_${columns.join('_')}`, limit - 4) + '_idx'
}

export function foreignKeyName(table: string, columns: readonly string[]): string {
  return trim(`${table}_${columns.join('_')}`, limit - 5) + '_fkey'
}

/** Prisma names a relation it was not given a name for after both models, sorted: `PostToTag`. */
export function generatedRelationName(modelA: string, modelB: string): string {
  return modelA < modelB ? `${modelA}To${modelB}` : `${modelB}To${modelA}`
}

const chars = (s: string, n: number) => Array.from(s).slice(0, n).join('')

/** The table, keys and index of an implicit many-to-many relation (`_PostToTag`). */
export function joinTableNames(relationName: string) {
  const table = chars(`_${relationName}`, limit)
  // Prisma cuts these by characters (the FK names by bytes), so that they never collide.
  const fkBase = limit - '_fkey'.length - 2
  return {
    table,
    primaryKey: chars(table, limit - '_AB_pkey'.length) + '_AB_pkey',
    indexOnB: chars(table, limit - 8) + '_B_index',
    foreignKeyA: (byteLength(table) > fkBase ? clipBytes(table, fkBase) : table) + '_A_fkey',
    foreignKeyB: (byteLength(table) >= fkBase ? clipBytes(table, fkBase) : table) + '_B_fkey',
  }
}
