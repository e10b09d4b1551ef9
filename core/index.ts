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
 * The likely format of a text from its first lines, for a file whose name says nothing.
 * @example guessFormat('model User {\n  id Int @id\n}\n') // 'prisma'
 */
export { guessFormat } from './importers/prisma/sniff.ts'
export type { TextFormat } from './importers/prisma/sniff.ts'
/**
 * Keeps the ids of objects that kept their names when a text is imported again.
 * @example const next = reattachIds(document.schema, imported.schema)
 */
export { reattachIds } from './importers/reattach-ids.ts'

// Reading a live catalog (PGlite in tests and the browser, `pg` in the CLI).
export { readCatalog, catalogQueries } from './importers/catalog.ts'
export type { QueryFn } from './importers/catalog.ts'

// Rules: the design standards as lint rules, their configuration and presets.
/**
 * Checks a design against the rules (default: the recommended preset).
 * @example const findings = lint(schema, { rules: { 'require-comments': 'off' } })
 */
export { lint, createLinter, lintChange } from './rules/lint.ts'
export type { Linter, LintRunStats } from './rules/lint.ts'
/**
 * The rule registry, sorted by id; each rule's `meta` has its severity, options and docs path.
 * @example rules.map((r) => r.meta.id)
 */
export { rules, rulesById } from './rules/index.ts'
/**
 * Reads a `crowsfoot.config.json` text; problems come back with line, column and JSON path.
 * @example const result = parseLintConfig(text, rules); if (result.ok) lint(schema, result.config)
 */
export { parseLintConfig, validateLintConfig, resolveConfig, LintConfigError } from './rules/config.ts'
export type { LintConfig, RuleSetting, ResolvedRule } from './rules/config.ts'
export { presets } from './rules/presets.ts'
export type { Preset, PresetName } from './rules/presets.ts'
export { defineRule, defineDiffRule } from './rules/define-rule.ts'
export type {
  AnyRule, DiffContext, DiffRule, Fix, ModelRule, Report, ReportTarget, RuleCategory, RuleContext, RuleDiagnostic, RuleGranularity, RuleMeta, RuleScope, RuleSeverity,
} from './rules/types.ts'
export type { OptionSpec, OptionsSchema } from './rules/options.ts'
