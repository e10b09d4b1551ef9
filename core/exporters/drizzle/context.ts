/** What the mapping passes share: names handed out so far, imports used, losses reported. */
import type { ColumnId, EnumId, TableId } from '../../model/ids.ts'
import type { ResolvedNames } from '../../model/names.ts'
import type { Schema } from '../../model/schema.ts'
import type { Namer } from '../print/identifiers.ts'
import type { LossReporter } from '../print/losses.ts'
import type { TsDeclaration } from './ast.ts'
import type { DrizzleLoss } from './losses.ts'

export interface TableNames {
  /** The table's `const`. */
  readonly ident: string
  /** Column id -> property key in the columns object. */
  readonly keys: ReadonlyMap<ColumnId, string>
}

export interface DrizzleContext {
  readonly schema: Schema
  readonly names: ResolvedNames
  readonly losses: LossReporter<DrizzleLoss>
  /** Top-level `const` names: tables, enums, schemas, custom types, relations. */
  readonly consts: Namer
  readonly tables: Map<TableId, TableNames>
  readonly enums: Map<EnumId, string>
  /** SQL type text -> the `customType` const declared for it. */
  readonly customTypes: Map<string, TsDeclaration>
  /** Names used from `drizzle-orm/pg-core`. */
  readonly pgCore: Set<string>
}

/** Every name the module may import, so that no table or enum `const` can shadow one. */
export const importableNames = [
  'sql', 'relations', 'pgTable', 'pgSchema', 'pgEnum', 'customType', 'primaryKey', 'foreignKey', 'unique', 'index',
  'uniqueIndex', 'check', 'PgTableExtraConfigValue', 'smallint', 'integer', 'bigint', 'smallserial', 'serial',
  'bigserial', 'numeric', 'real', 'doublePrecision', 'text', 'varchar', 'char', 'boolean', 'date', 'time', 'timestamp',
  'interval', 'uuid', 'json', 'jsonb', 'inet', 'cidr', 'macaddr', 'macaddr8', 'point', 'line', 'bit',
  // Callback parameters: a table `const` named like them would be shadowed inside the callbacks.
  't', 'one', 'many',
]
