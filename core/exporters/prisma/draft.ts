/** The mutable drafts the mapper fills in several passes (fields, keys, relations) before freezing. */
import type { ColumnId, EnumId, TableId } from '../../model/ids.ts'
import type { ResolvedNames } from '../../model/names.ts'
import type { Column, EnumType, Schema, Table } from '../../model/schema.ts'
import type { Namer } from '../print/identifiers.ts'
import type { LossReporter } from '../print/losses.ts'
import type { PrismaAttribute, PrismaFieldType } from './ast.ts'
import type { PrismaLoss } from './losses.ts'
import type { ScalarMapping } from './scalars.ts'

export interface FieldDraft {
  readonly name: string
  type: PrismaFieldType
  readonly attributes: PrismaAttribute[]
  readonly docs: string[]
  readonly column?: Column
  readonly scalar?: ScalarMapping
}

export interface ModelDraft {
  readonly table: Table
  readonly name: string
  readonly namer: Namer
  readonly fields: FieldDraft[]
  readonly byColumn: Map<ColumnId, FieldDraft>
  readonly attributes: PrismaAttribute[]
  /** Unique criteria Prisma sees (`@id`, `@unique`, `@@unique`), in Prisma's field order. */
  readonly uniqueKeys: ColumnId[][]
  /** Index, key and foreign key names of this table, which Prisma wants distinct. */
  readonly indexNames: Set<string>
  ignored: boolean
}

export interface MapContext {
  readonly schema: Schema
  readonly names: ResolvedNames
  readonly losses: LossReporter<PrismaLoss>
  readonly version: 6 | 7
  /** Preview features the export needs, with the reason shown in the diagnostic. */
  readonly previewFeatures: Map<string, string>
  readonly models: Map<TableId, ModelDraft>
  readonly enums: ReadonlyMap<EnumId, EnumType>
  /** Builtin types already mapped, by their parameters. */
  readonly scalars: Map<string, ScalarMapping>
}
