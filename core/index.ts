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
export type { CrowsfootDocument, Layout, TableLayout, TableGroup, ParseResult, SavedVersion } from './document/document.ts'
export { createDocument, parseDocument, parseDocumentValue, serializeDocument } from './document/document.ts'
export { currentVersion } from './document/migrations.ts'
export { positionAt } from './document/json-text.ts'
/**
 * Saved versions: checkpoints of the schema with a time and a message, stored in the document.
 * @example
 *   let doc = saveVersion(document, { message: 'Before the billing import', at: new Date() })
 *   listVersions(doc)              // [{ id: 'v1', message, at, tables }]
 *   versionSchema(doc, 'v1')       // the schema as saved; 'current' is the design
 *   doc = removeVersion(doc, 'v1')
 */
export { saveVersion, listVersions, findVersion, versionSchema, renameVersion, removeVersion } from './document/versions.ts'
export type { VersionSummary } from './document/versions.ts'

// Diffs and migrations.
/**
 * The changes between two versions, matched by id: renames stay renames.
 * @example
 *   const changes = diffSchemas(versionSchema(doc, 'v1'), doc.schema)
 *   changes.map(describeChange)          // one line each, for the list of changes
 *   summarizeChanges(changes).get(id)    // 'added' | 'removed' | 'changed', for the diagram
 */
export { diffSchemas } from './diff/diff-schemas.ts'
export type { DiffOptions } from './diff/diff-schemas.ts'
/**
 * Change data: `kind` discriminates; `id` is `<kind>:<object id>`, the key of plan inputs.
 * @example changes.filter((c) => changeStatus(c) === 'removed').map((c) => changeTarget(c).table)
 */
export { changeStatus, changeTarget, describeChange, summarizeChanges } from './diff/changes.ts'
export type { Change, ChangeKind, ChangeOf, ChangeStatus, ConstraintField, IndexField } from './diff/changes.ts'
/**
 * A base from another source (an imported file, a pulled database) has no ids in common with the
 * design: align it by name first.
 * @example const changes = diffSchemas(alignIds(imported.schema, doc.schema), doc.schema, { expressions: 'loose' })
 */
export { alignIds, alignPublic, hasSharedIds } from './diff/align.ts'
/**
 * The migration as ordered steps on the DDL intermediate, with the safe patterns, locks, hazards,
 * reversibility and input requests; `mode: 'simple'` for a development database.
 * @example
 *   const up = planMigration(versionSchema(doc, 'v1'), doc.schema, { inputs: { 'columnAdded:co_9': '0' } })
 *   const down = planMigration(doc.schema, versionSchema(doc, 'v1'), { direction: 'down' })
 *   up.inputs.filter((i) => i.supplied === undefined) // what to ask the user
 */
export { planMigration, lockLevels } from './diff/plan-migration.ts'
export type {
  Hazard, HazardKind, InputKind, InputRequest, LockLevel, MigrationPlan, MigrationStep, PlanInput, PlanOptions, TransactionMode,
} from './diff/plan-migration.ts'
/**
 * A plan as the migration file (psql runs it statement by statement), and the seeds' file names.
 * @example
 *   const names = migrationFileNames(new Date(), 'add orders.note') // 20260301093000_add_orders_note.up.sql
 *   files[names.up] = printMigration(up, { findings: lintMigration(up) })
 */
export { printMigration, migrationFileNames } from './diff/print-migration.ts'
export type { PrintMigrationOptions } from './diff/print-migration.ts'
/**
 * The migration-safety rules on a plan, with the lint configuration; findings carry `stepId`.
 * @example const errors = lintMigration(plan, config).filter((f) => f.severity === 'error')
 */
export { lintMigration } from './diff/lint-migration.ts'
/**
 * Input values from a JSON file (`{ "<change id>": "<value>" }`), with located errors.
 * @example const r = parseMigrationInputs(text); if (r.ok) planMigration(a, b, { inputs: r.inputs })
 */
export { parseMigrationInputs } from './diff/inputs.ts'
export type { InputsResult } from './diff/inputs.ts'
/**
 * What a type change does to existing rows (USING needed, rewrite, risk), for explaining it in the UI.
 * @example classifyTypeChange(column.type, { kind: 'builtin', name: 'text', arrayDims: 0 }).noRewrite
 */
export { classifyTypeChange } from './diff/plan-migration/casts.ts'
export type { TypeChange } from './diff/plan-migration/casts.ts'

// Templates: the designs a new project starts from (blank, e-commerce, accounts, blog).
export type { Template } from './templates/index.ts'
export { templates, templateById } from './templates/index.ts'

// SQL and exporters.
export type { DdlStatement, MigrationStatement, ColumnAlteration, UsingExpr, BackfillValue } from './sql/ddl.ts'
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
export type { ReattachOptions } from './importers/reattach-ids.ts'

// Reading a live catalog (PGlite in tests and the browser, `pg` in the CLI).
export { readCatalog, catalogQueries } from './importers/catalog.ts'
export type { QueryFn } from './importers/catalog.ts'

// Rules: the design standards as lint rules, their configuration and presets.
/**
 * Checks a design against the rules (default: the recommended preset).
 * @example const findings = lint(schema, { rules: { 'require-comments': 'off' } })
 */
export { lint, createLinter, lintChange } from './rules/lint.ts'
export type { Linter, LintRunStats, MigrationContext } from './rules/lint.ts'
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

// Share links: the design (and an optional base version) compressed into the URL fragment.
/**
 * The fragment of a share link for a design; `fits` says whether it stays within the reliable length.
 * @example const link = encodeShare({ document }); if (link.fits) location.hash = link.fragment
 */
export { encodeShare, decodeShare, isShareFragment, shareLinkLimit, shareLinkVersion } from './share/share-link.ts'
export type { ShareBase, ShareContent, EncodedShare, DecodedShare } from './share/share-link.ts'

// Review comments on tables, columns and relationships (part of the document, not of the schema).
export { addComment, setCommentResolved, removeComment, isCommentOrphaned, mergeComments, maxCommentLength } from './document/comments.ts'
export type { ReviewComment, CommentTarget } from './document/comments.ts'

// Drawing the diagram without a DOM: SVG files, PNG export (drawn from the SVG) and the review page.
/**
 * The diagram as an SVG file, or as an element tree for a renderer of its own; with a diff's marks,
 * comment pins, a theme and a name and date corner.
 * @example
 *   const { svg, width, height } = renderSvg(doc.schema, doc.layout, { theme: 'dark', corner: { name: doc.name, date: '2026-12-02' } })
 *   const marks = changeMarks(diffSchemas(base, doc.schema))
 *   renderDiagram(doc.schema, doc.layout, { changes: { marks, base }, comments: doc.comments, interactive: true }).root
 */
export { renderSvg } from './render/svg.ts'
export type { SvgImage } from './render/svg.ts'
export { renderDiagram, diagramMetrics } from './render/diagram.ts'
export type { Diagram, DiagramOptions, Box } from './render/diagram.ts'
export { printSvg, escapeText, escapeAttr } from './render/svg-tree.ts'
export type { SvgElement } from './render/svg-tree.ts'
export { changeMarks } from './render/change-marks.ts'
export type { ChangeMark, ChangeMarks } from './render/change-marks.ts'
export { diagramThemes, changeLabels, fontFamilies } from './render/themes.ts'
export type { DiagramTheme, DiagramThemeName } from './render/themes.ts'
/**
 * Where each table, column and enum is written in a DBML or PostgreSQL text, for showing findings
 * on their lines.
 * @example sourceRanges('dbml', text).columns.get('public.users.email')?.line
 */
export { sourceRanges } from './importers/source-ranges.ts'
export type { LineRange, SourceRanges } from './importers/source-ranges.ts'
