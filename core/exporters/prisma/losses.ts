/** What Prisma cannot express, by message id. Each is reported once per object, never dropped silently. */
import type { LossMessage } from '../print/losses.ts'

const warning = (text: string): LossMessage => ({ severity: 'warning', text })
const info = (text: string): LossMessage => ({ severity: 'info', text })

export const prismaLosses = {
  'prisma-unsupported-type': warning('Column {{table}}.{{column}} has type {{type}}, which Prisma has no scalar for: exported as Unsupported("{{type}}"), which Prisma Client does not read or write.'),
  'prisma-list-not-null': warning('Column {{table}}.{{column}} is a NOT NULL array; Prisma lists cannot say NOT NULL and Prisma Migrate creates them nullable.'),
  'prisma-identity': warning('Column {{table}}.{{column}} is an identity column (GENERATED {{identity}} AS IDENTITY); Prisma writes @default(autoincrement()), which Prisma Migrate creates as a serial column.'),
  'prisma-unsupported-generated': warning('Column {{table}}.{{column}} is generated (GENERATED ALWAYS AS ({{expression}}) STORED); Prisma cannot express generated columns, so it is exported as a plain column.'),
  'prisma-unsupported-collation': warning('Column {{table}}.{{column}} uses collation "{{collation}}"; Prisma cannot express column collations.'),
  'prisma-unsupported-check': warning('CHECK constraint "{{constraint}}" on {{table}} ({{expression}}) cannot be expressed in Prisma.'),
  'prisma-unsupported-deferrable': warning('Foreign key "{{constraint}}" on {{table}} is DEFERRABLE {{deferrable}}; Prisma cannot express deferrable constraints.'),
  'prisma-unsupported-match-full': warning('Foreign key "{{constraint}}" on {{table}} uses MATCH FULL; Prisma cannot express it.'),
  'prisma-unsupported-nulls-not-distinct': warning('"{{name}}" on {{table}} is NULLS NOT DISTINCT; Prisma cannot express it.'),
  'prisma-relation-type-mismatch': warning('Foreign key "{{constraint}}" on {{table}} links columns of different Prisma types ({{types}}); Prisma rejects such a relation, so it is left out.'),
  'prisma-relation-target': warning('Foreign key "{{constraint}}" on {{table}} references columns that are no unique key Prisma can see; the relation is left out.'),
  'prisma-fk-column-order': info('Foreign key "{{constraint}}" on {{table}} lists its columns in another order than the unique key that makes it one-to-one; Prisma needs that order, so the pairs are listed in the key\'s order.'),
  'prisma-name-clash': warning('Foreign key "{{constraint}}" on {{table}} has the name of an index or key on the same table; Prisma wants distinct names, so it gets a number.'),
  'prisma-expression-index': warning('Index "{{index}}" on {{table}} has expression keys; Prisma can only index columns, so the index is left out.'),
  'prisma-repeated-index-column': warning('Index "{{index}}" on {{table}} lists a column twice; Prisma rejects that, so the index is left out.'),
  'prisma-index-type': warning('Index "{{index}}" on {{table}} uses {{method}} on a column type Prisma does not accept for it; the index is left out.'),
  'prisma-unsupported-partial-index': warning('Index "{{index}}" on {{table}} is partial (WHERE {{where}}); Prisma {{version}} cannot express partial indexes, so the index is left out.'),
  'prisma-unsupported-include': warning('Index "{{index}}" on {{table}} has INCLUDE columns; Prisma cannot express them, so the index is exported without them.'),
  'prisma-unsupported-nulls-order': warning('Index "{{index}}" on {{table}} orders NULLs {{nulls}} on "{{column}}"; Prisma cannot express NULLS FIRST/LAST.'),
  'prisma-unsupported-index-collation': warning('Index "{{index}}" on {{table}} uses collation "{{collation}}" on "{{column}}"; Prisma cannot express it.'),
  'prisma-unsupported-unique-opclass': warning('Unique index "{{index}}" on {{table}} uses operator class {{opclass}}; Prisma allows operator classes only on @@index, so it is exported without it.'),
  'prisma-list-in-primary-key': warning('Primary key "{{constraint}}" on {{table}} includes an array column; Prisma ids cannot hold lists, so it is exported as @@unique.'),
  'prisma-no-unique-criteria': warning('Table {{table}} has no primary key or unique key on required columns; Prisma requires one, so the model is marked @@ignore and Prisma Client will not expose it.'),
  'prisma-unsupported-comment': warning('The comment on {{what}} cannot be expressed in Prisma (only models, fields and enums carry /// docs).'),
  'prisma-comment-whitespace': info('The comment on {{what}} has spaces at the start or end of a line; Prisma trims them from /// docs.'),
  'prisma-unsupported-partition': warning('Table {{table}} is partitioned (PARTITION BY {{partition}}); Prisma cannot express partitioning.'),
  'prisma-unsupported-unlogged': warning('Table {{table}} is UNLOGGED; Prisma cannot express it.'),
  'prisma-preview-feature': info('The export enables the Prisma preview feature "{{feature}}" for {{why}}.'),
} as const satisfies Record<string, LossMessage>

export type PrismaLoss = keyof typeof prismaLosses
