/**
 * The public API of the Crowsfoot core. The web app, the Web Worker and the CLI import only from
 * here (alias `@core`); deep imports are not part of the contract.
 */

// The model.
export type * from './model/schema.ts'
export { emptySchema, builtinTypeNames, indexMethods } from './model/schema.ts'
export type * from './model/ids.ts'
export { sequentialIds, randomIds } from './model/ids.ts'
export * from './model/queries.ts'
export * from './model/edits.ts'
export { parseColumnType, formatColumnType, storageTypeName, isSerial, sameType, typeFamily } from './model/types.ts'
export type { TypeParseResult } from './model/types.ts'
export { resolveNames, makeObjectName, byteLength, maxIdentifierBytes } from './model/names.ts'
export { relationships, relationshipOf, isUniqueColumnSet } from './model/relationships.ts'
export type { Relationship, ParentEnd, ChildEnd } from './model/relationships.ts'
export { checkStructure } from './model/validate.ts'
export { singularize, pluralize } from './model/inflect.ts'

// Diagnostics and errors.
export type { Diagnostic, DiagnosticTarget, Severity, SourceLocation } from './diagnostics.ts'
export { hasErrors } from './diagnostics.ts'
export { CoreError, assertNever } from './errors.ts'

// Documents.
export type { CrowsfootDocument, Layout, TableLayout, TableGroup, ParseResult } from './document/document.ts'
export { createDocument, parseDocument, parseDocumentValue, serializeDocument } from './document/document.ts'
export { currentVersion } from './document/migrations.ts'
export { positionAt } from './document/json-text.ts'

// SQL and exporters.
export type { DdlStatement } from './sql/ddl.ts'
export { createStatements } from './sql/create-statements.ts'
export { printPostgres } from './sql/print-postgres.ts'
export { quoteIdent, quoteLiteral } from './sql/quote.ts'
export { checkSqlFragment } from './sql/expression.ts'
export type { Exporter, Output, ExportOptions } from './exporters/types.ts'
export { exporters, exportSchema } from './exporters/index.ts'

// Importers (PostgreSQL DDL, DBML, Prisma, the native JSON).
export type { Importer, ImportOptions, ImportResult } from './importers/types.ts'
export { importers, importSchema, importerForFile } from './importers/index.ts'
/**
 * Keeps the ids of objects that kept their names when a text is imported again.
 * @example const next = reattachIds(document.schema, imported.schema)
 */
export { reattachIds } from './importers/reattach-ids.ts'

// Reading a live catalog (PGlite in tests and the browser, `pg` in the CLI).
export { readCatalog, catalogQueries } from './importers/catalog.ts'
export type { QueryFn } from './importers/catalog.ts'
