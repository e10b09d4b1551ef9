/**
 * The design as a Drizzle schema module: schemas, enums, custom types, tables (columns, keys,
 * checks, foreign keys, indexes) and relations, in that order. Every database name is written as
 * a string, exactly; identifiers are only for TypeScript.
 */
import type { Diagnostic, DiagnosticTarget } from '../../diagnostics.ts'
import { resolveNames } from '../../model/names.ts'
import { builtinTypeNames } from '../../model/schema.ts'
import type { Schema, Table } from '../../model/schema.ts'
import { checkStructure } from '../../model/validate.ts'
import { neededExtensions } from '../../sql/create-statements.ts'
import { isPlainIdentifier } from '../../sql/quote.ts'
import { Namer } from '../print/identifiers.ts'
import { LossReporter } from '../print/losses.ts'
import { type DrizzleModule, type TsDeclaration, type TsExpr, type TsProperty, arr, call, id, member, str } from './ast.ts'
import { columnExpr, customTypeText, kitNativePrefixes } from './columns.ts'
import { inlinePrimaryKey, tableExtras } from './constraints.ts'
import { type DrizzleContext, importableNames } from './context.ts'
import { type DrizzleLoss, drizzleLosses } from './losses.ts'
import { tsPropertyName, tsReservedWords, tsVariableName } from './names.ts'
import { relationDeclarations } from './relations.ts'

export function mapDrizzle(schema: Schema): { module: DrizzleModule; diagnostics: Diagnostic[] } {
  const structure = checkStructure(schema)
  const losses = new LossReporter<DrizzleLoss>(schema, drizzleLosses)
  losses.diagnostics.push(...structure.diagnostics)
  const ctx: DrizzleContext = {
    schema,
    names: resolveNames(schema),
    losses,
    consts: new Namer([...tsReservedWords, ...importableNames]),
    tables: new Map(),
    enums: new Map(),
    customTypes: new Map(),
    pgCore: new Set(),
  }
  // Broken objects are left out, as the PostgreSQL export leaves them out.
  const tables: Table[] = schema.tables
    .filter((t) => !structure.skipTables.has(t.id))
    .map((t) => ({
      ...t,
      columns: t.columns.filter((c) => !structure.skipColumns.has(c.id)),
      ...(t.primaryKey && structure.skipConstraints.has(t.primaryKey.id) ? { primaryKey: undefined } : {}),
      uniques: t.uniques.filter((u) => !structure.skipConstraints.has(u.id)),
      checks: t.checks.filter((c) => !structure.skipConstraints.has(c.id)),
      foreignKeys: t.foreignKeys.filter((f) => !structure.skipConstraints.has(f.id)),
      indexes: t.indexes.filter((i) => !structure.skipIndexes.has(i.id)),
    }))
  const enums = schema.enums.filter((e) => !structure.skipEnums.has(e.id))
  for (const ext of neededExtensions(schema)) losses.report('drizzle-extension', {}, { extension: ext })
  reportKitHazards(ctx, tables)

  // pgSchema('billing') for every schema other than public, empty ones too: drizzle-kit creates them.
  const nsConst = new Map<string, string>()
  const declarations: TsDeclaration[] = []
  for (const ns of schema.namespaces) {
    if (ns.comment) losses.report('drizzle-unsupported-comment', { namespaceId: ns.id }, { what: `schema ${ns.name}`, where: '' })
    if (ns.name === 'public') continue
    const name = ctx.consts.claim((tsVariableName(ns.name, 'schema') ?? 'dbSchema') + 'Schema')
    nsConst.set(ns.id, name)
    ctx.pgCore.add('pgSchema')
    declarations.push({ name, exported: true, docs: [], value: call('pgSchema', str(ns.name)) })
  }
  const inSchema = (nsId: string, fn: string, schemaMethod: string) => {
    const s = nsConst.get(nsId)
    if (s) return member(id(s), schemaMethod)
    ctx.pgCore.add(fn)
    return id(fn)
  }
  for (const e of enums) {
    const name = ctx.consts.claim((tsVariableName(e.name, 'enum') ?? 'enumType') + 'Enum')
    ctx.enums.set(e.id, name)
    if (e.comment) losses.report('drizzle-unsupported-comment', losses.enum(e), { what: `enum ${e.name}`, where: ' (kept as a doc comment)' })
    declarations.push({
      name,
      exported: true,
      docs: docLines(e.comment),
      value: call(inSchema(e.namespaceId, 'pgEnum', 'enum'), str(e.name), arr(e.values.map((v) => str(v.name)))),
    })
  }
  for (const t of tables) {
    const keys = new Namer()
    ctx.tables.set(t.id, {
      ident: ctx.consts.claim(tsVariableName(t.name, 'table') ?? `table${tables.indexOf(t) + 1}`),
      keys: new Map(t.columns.map((c, i) => [c.id, keys.claim(tsPropertyName(c.name, 'column') ?? `column${i + 1}`)])),
    })
  }
  const tableDecls = tables.map((t) => tableDeclaration(ctx, t, inSchema))
  const relations = relationDeclarations(ctx, tables)

  const all = [...declarations, ...ctx.customTypes.values(), ...tableDecls, ...relations]
  const fromOrm = [...(relations.length ? ['relations'] : []), ...(all.some(usesSql) ? ['sql'] : [])]
  const typeImports = ctx.pgCore.has('PgTableExtraConfigValue') ? ['PgTableExtraConfigValue'] : []
  const module: DrizzleModule = {
    imports: [
      ...(fromOrm.length ? [{ from: 'drizzle-orm', names: fromOrm }] : []),
      { from: 'drizzle-orm/pg-core', names: [...ctx.pgCore].filter((n) => n !== 'PgTableExtraConfigValue'), types: typeImports },
    ],
    declarations: all,
  }
  return { module, diagnostics: losses.diagnostics }
}

function tableDeclaration(ctx: DrizzleContext, t: Table, inSchema: (ns: string, fn: string, method: string) => TsExpr): TsDeclaration {
  const names = ctx.tables.get(t.id)!
  const { losses } = ctx
  const inlinePk = inlinePrimaryKey(ctx, t)
  if (t.comment) losses.report('drizzle-unsupported-comment', losses.table(t), { what: `table ${losses.table(t).table}`, where: ' (kept as a doc comment)' })
  const columns: TsProperty[] = t.columns.map((c) => {
    if (c.comment) losses.report('drizzle-unsupported-comment', losses.column(t, c), { what: `column ${losses.table(t).table}.${c.name}`, where: ' (kept as a doc comment)' })
    return { key: names.keys.get(c.id)!, value: columnExpr(ctx, t, c, names.keys.get(c.id)!, inlinePk === c.id), docs: docLines(c.comment) }
  })
  for (const c of [...(t.primaryKey ? [t.primaryKey] : []), ...t.uniques, ...t.checks, ...t.foreignKeys])
    if (c.comment) losses.report('drizzle-unsupported-comment', losses.constraint(t, c), { what: `constraint "${ctx.names.constraints.get(c.id)}" on ${losses.table(t).table}`, where: '' })
  for (const i of t.indexes)
    if (i.comment) losses.report('drizzle-unsupported-comment', losses.index(t, i), { what: `index "${ctx.names.indexes.get(i.id)}" on ${losses.table(t).table}`, where: '' })
  if (t.partitionBy) losses.report('drizzle-unsupported-partition', losses.table(t), { partition: `${t.partitionBy.strategy.toUpperCase()} (${t.partitionBy.key})` })
  if (t.unlogged) losses.report('drizzle-unsupported-unlogged', losses.table(t))

  const extras = tableExtras(ctx, t, names)
  const args: TsExpr[] = [str(t.name), { kind: 'object', entries: columns, multiline: true }]
  if (extras.items.length) {
    // A callback naming other tables needs its type written out, or TypeScript sees a cycle
    // wherever two tables reference each other.
    if (extras.refersToOthers) ctx.pgCore.add('PgTableExtraConfigValue')
    args.push({
      kind: 'arrow',
      params: 't',
      ...(extras.refersToOthers ? { returnType: 'PgTableExtraConfigValue[]' } : {}),
      body: { kind: 'array', items: extras.items, multiline: true },
    })
  }
  return { name: names.ident, exported: true, docs: docLines(t.comment), value: call(inSchema(t.namespaceId, 'pgTable', 'table'), ...args) }
}

/**
 * What drizzle-kit cannot carry into SQL: it prints names between double quotes without escaping,
 * and it stores keys, foreign keys, indexes and checks as strings joined with `;`, `,`, `,,` and
 * `--`, which a name or SQL text containing them splits apart.
 */
function reportKitHazards(ctx: DrizzleContext, tables: readonly Table[]): void {
  const { losses, names } = ctx
  const hazards = (text: string | undefined, chars: readonly string[]) =>
    text === '__proto__' && chars.includes('"') ? ['the name __proto__'] : text === undefined || !anyHazard.test(text) ? [] : chars.filter((x) => text.includes(x)).map((c) => `\`${c}\``)
  // Targets and wording are built only for what is found: most names are harmless.
  const check = (text: string | undefined, separators: readonly string[], target: () => DiagnosticTarget, what: () => string) => {
    const found = hazards(text, separators)
    if (found.length) losses.report('drizzle-kit-unsafe-text', target(), { what: what(), chars: found.join(', ') })
  }
  for (const ns of ctx.schema.namespaces) check(ns.name, nameChars, () => ({ namespaceId: ns.id }), () => `Schema ${ns.name}`)
  const publicId = ctx.schema.namespaces.find((n) => n.name === 'public')?.id
  for (const e of ctx.schema.enums) {
    check(e.name, nameChars, () => losses.enum(e), () => `Enum ${e.name}`)
    if (!kitPrintsEnum(e.name, e.namespaceId === publicId)) losses.report('drizzle-kit-enum-name', losses.enum(e))
  }
  const referenced = new Set(tables.flatMap((t) => t.foreignKeys.flatMap((f) => f.target.columns)))
  for (const t of tables) {
    const table = () => losses.table(t).table!
    check(t.name, nameChars, () => losses.table(t), () => `Table ${table()}`)
    for (const c of t.columns) {
      if (c.type.kind === 'custom' && !customTypeText(c.type).kitOk)
        losses.report('drizzle-kit-custom-type', losses.column(t, c), { type: customTypeText(c.type).text })
      if (!anyHazard.test(c.name)) continue
      // Commas split a column list only where drizzle-kit stores one: keys, foreign keys, indexes.
      const inKeys = [t.primaryKey?.columns ?? [], ...t.uniques.map((u) => u.columns), ...t.foreignKeys.map((f) => f.columns)].some((cols) => cols.includes(c.id))
      const indexed = t.indexes.some((i) => i.keys.some((k) => k.kind === 'column' && k.columnId === c.id))
      const separators = [...nameChars, ...(inKeys || referenced.has(c.id) ? [','] : []), ...(indexed ? [',,', '--'] : [])]
      check(c.name, separators, () => losses.column(t, c), () => `Column ${table()}.${c.name}`)
    }
    for (const c of [...(t.primaryKey ? [t.primaryKey] : []), ...t.uniques, ...t.checks, ...t.foreignKeys])
      check(names.constraints.get(c.id), nameChars, () => losses.constraint(t, c), () => `Constraint "${names.constraints.get(c.id)}" on ${table()}`)
    for (const c of t.checks) check(c.expression, sqlSeparators, () => losses.constraint(t, c), () => `The expression of CHECK "${c.name}" on ${table()}`)
    for (const i of t.indexes) {
      const what = () => `Index "${names.indexes.get(i.id)}" on ${table()}`
      check(names.indexes.get(i.id), nameChars, () => losses.index(t, i), what)
      check(i.where, sqlSeparators, () => losses.index(t, i), () => `The WHERE of ${what()}`)
      for (const k of i.keys) if (k.kind === 'expression') check(k.sql, expressionChars, () => losses.index(t, i), () => `An expression of ${what()}`)
    }
  }
}

/** Type names PostgreSQL finds in pg_catalog, before any schema of the search path. */
export const pgCatalogTypes: ReadonlySet<string> = new Set([
  ...builtinTypeNames, 'int', 'int2', 'int4', 'int8', 'float4', 'float8', 'bool', 'bpchar', 'decimal', 'varbit',
  'serial4', 'serial8', 'serial2', 'timestamp', 'record', 'void', 'regtype', 'regproc', 'xid', 'cid', 'tid', 'bytea',
])

/**
 * Whether drizzle-kit's SQL names this enum right: a name starting like a built-in type it prints
 * bare and without its schema, others in quotes without the schema when in public; either way
 * pg_catalog, searched first, must not have a type of that name.
 */
export function kitPrintsEnum(name: string, inPublic: boolean): boolean {
  if (kitNativePrefixes.some((p) => name.startsWith(p))) return inPublic && isPlainIdentifier(name) && !pgCatalogTypes.has(name)
  return !(inPublic && pgCatalogTypes.has(name))
}

/** A quick first test: most names hold none of these. */
const anyHazard = /[";,]|--|^__proto__$/
const nameChars: readonly string[] = ['"', ';']
const sqlSeparators: readonly string[] = [';']
const expressionChars: readonly string[] = [';', ',,', '--']

function usesSql(decl: TsDeclaration): boolean {
  const walk = (e: TsExpr): boolean => {
    switch (e.kind) {
      case 'sql':
        return true
      case 'member':
        return walk(e.object)
      case 'call':
        return walk(e.callee) || e.args.some(walk)
      case 'object':
        return e.entries.some((p) => walk(p.value))
      case 'array':
        return e.items.some(walk)
      case 'arrow':
        return walk(e.body)
      default:
        return false
    }
  }
  return walk(decl.value)
}

const docLines = (comment: string | undefined) => (comment ? comment.split(/\r\n|\r|\n/) : [])
