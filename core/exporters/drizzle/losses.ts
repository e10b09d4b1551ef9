/** What a Drizzle schema (or drizzle-kit's SQL from it) cannot express, by message id. */
import type { LossMessage } from '../print/losses.ts'

const warning = (text: string): LossMessage => ({ severity: 'warning', text })

export const drizzleLosses = {
  'drizzle-unsupported-comment': warning('The comment on {{what}} cannot be expressed in Drizzle{{where}}.'),
  'drizzle-unsupported-collation': warning('Column {{table}}.{{column}} uses collation "{{collation}}"; Drizzle cannot express column collations.'),
  'drizzle-unsupported-include': warning('Index "{{index}}" on {{table}} has INCLUDE columns; Drizzle cannot express them, so the index is exported without them.'),
  'drizzle-unsupported-nulls-not-distinct': warning('Index "{{index}}" on {{table}} is NULLS NOT DISTINCT; Drizzle indexes cannot express it.'),
  'drizzle-unsupported-deferrable': warning('Foreign key "{{constraint}}" on {{table}} is DEFERRABLE {{deferrable}}; Drizzle cannot express deferrable constraints.'),
  'drizzle-unsupported-match-full': warning('Foreign key "{{constraint}}" on {{table}} uses MATCH FULL; Drizzle cannot express it.'),
  'drizzle-unsupported-no-inherit': warning('CHECK constraint "{{constraint}}" on {{table}} is NO INHERIT; Drizzle cannot express it.'),
  'drizzle-unsupported-partition': warning('Table {{table}} is partitioned (PARTITION BY {{partition}}); Drizzle cannot express partitioning.'),
  'drizzle-unsupported-unlogged': warning('Table {{table}} is UNLOGGED; Drizzle cannot express it.'),
  'drizzle-extension': warning('The design needs the extension {{extension}}; Drizzle does not create extensions, so create it before applying drizzle-kit\'s migration.'),
  'drizzle-kit-unsafe-text': warning('{{what}} contains {{chars}}; drizzle-kit writes names in double quotes without escaping them, joins names and SQL with `;`, `,`, `,,` and `--` while it works, and keeps names in plain objects (`__proto__`), so its SQL for this is wrong (the Drizzle schema itself is correct).'),
  'drizzle-kit-custom-type': warning('Column {{table}}.{{column}} has type {{type}}; drizzle-kit puts a custom type with a schema or modifiers in double quotes as one name, so its SQL for this column is invalid (the Drizzle schema itself is correct).'),
  'drizzle-kit-merged-unique': warning('Unique constraint "{{constraint}}" on {{table}} repeats {{other}}; drizzle-kit writes uniques inside CREATE TABLE, where PostgreSQL merges the two, so it is left out.'),
  'drizzle-kit-enum-name': warning('Enum {{enum}} cannot be named right in drizzle-kit\'s SQL: it writes a type name that starts like a built-in type (text, date, time, bit, ...) bare and without its schema, and public enums without the schema, where a built-in type of the same name comes first.'),
  'drizzle-kit-fk-before-index': warning('Foreign key "{{constraint}}" on {{table}} references columns that are unique only through a unique index; drizzle-kit adds foreign keys before it creates indexes, so apply its foreign keys last.'),
  'drizzle-query-alias-length': warning('Drizzle\'s query API names a joined table `<table>_<relation>`; for {{table}} that passes PostgreSQL\'s 63-byte limit, so `with:` queries over its relations may fail with "table name specified more than once".'),
} as const satisfies Record<string, LossMessage>

export type DrizzleLoss = keyof typeof drizzleLosses
