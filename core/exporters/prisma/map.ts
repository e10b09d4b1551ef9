/**
 * The design as a Prisma schema: models from tables, fields from columns, enums, keys, indexes and
 * relations, names made valid with the real ones kept in `@map`/`@@map`. Everything Prisma cannot
 * say is reported through the loss reporter; nothing is dropped without a diagnostic.
 */
import type { DiagnosticTarget } from '../../diagnostics.ts'
import type { EnumId, TableId } from '../../model/ids.ts'
import { resolveNames } from '../../model/names.ts'
import type { Column, Schema, Table } from '../../model/schema.ts'
import { checkStructure } from '../../model/validate.ts'
import { neededExtensions } from '../../sql/create-statements.ts'
import { Namer, identifierWords } from '../print/identifiers.ts'
import { LossReporter } from '../print/losses.ts'
import {
  type PrismaConfigBlock,
  type PrismaEnum,
  type PrismaModel,
  type PrismaSchema,
  type PrismaValue,
  arg,
  array,
  attr,
  call,
  ident,
  str,
} from './ast.ts'
import type { FieldDraft, MapContext, ModelDraft } from './draft.ts'
import { mapKeys } from './keys.ts'
import { type PrismaLoss, prismaLosses } from './losses.ts'
import { enumName, enumValueName, fieldName, isPrismaIdentifier, modelName } from './names.ts'
import { mapRelations } from './relations.ts'
import { mapDefault, mapScalar } from './scalars.ts'

export interface PrismaMapOptions {
  /** 7 (default) writes the datasource without `url`, as Prisma 7 requires; 6 writes `url = env("DATABASE_URL")`. */
  readonly prismaVersion?: 6 | 7
}

export function mapPrisma(schema: Schema, options: PrismaMapOptions = {}) {
  const structure = checkStructure(schema)
  const losses = new LossReporter<PrismaLoss>(schema, prismaLosses)
  losses.diagnostics.push(...structure.diagnostics)
  const ctx: MapContext = {
    schema,
    names: resolveNames(schema),
    losses,
    version: options.prismaVersion ?? 7,
    previewFeatures: new Map(),
    models: new Map(),
    enums: new Map(schema.enums.map((e) => [e.id, e])),
    scalars: new Map(),
  }
  const nsName = new Map(schema.namespaces.map((n) => [n.id, n.name]))
  const multiSchema = schema.namespaces.some((n) => n.name !== 'public')
  const schemaAttr = (nsId: string) => (multiSchema ? [attr('@@schema', arg(str(nsName.get(nsId as never) ?? 'public')))] : [])
  for (const n of schema.namespaces)
    if (n.comment) losses.report('prisma-unsupported-comment', { namespaceId: n.id }, { what: `schema ${n.name}` })

  // Models and enums share one namespace; tables choose first.
  const typeNamer = new Namer()
  const tables = schema.tables.filter((t) => !structure.skipTables.has(t.id))
  const modelNames = new Map<TableId, string>(tables.map((t, i) => [t.id, typeNamer.claim(modelName(t.name) ?? `Model${i + 1}`)]))
  const enums = schema.enums.filter((e) => !structure.skipEnums.has(e.id))
  const enumNames = new Map<EnumId, string>(enums.map((e, i) => [e.id, typeNamer.claim(enumName(e.name) ?? `Enum${i + 1}`)]))
  const enumValueNames = new Map(
    enums.map((e) => {
      const namer = new Namer()
      return [e.id, new Map(e.values.map((v, i) => [v.name, namer.claim(enumValueName(v.name) ?? `value${i + 1}`)]))]
    }),
  )

  for (const t of tables) ctx.models.set(t.id, draftModel(ctx, t, modelNames.get(t.id)!, enumNames, enumValueNames, structure.skipColumns))
  for (const m of ctx.models.values()) {
    mapKeys(ctx, m)
    mapTableLosses(ctx, m.table)
    const required = (id: string) => {
      const f = m.byColumn.get(id as never)!
      return !f.column!.nullable && f.scalar!.name !== 'Unsupported' && !f.scalar!.list
    }
    m.ignored = !m.uniqueKeys.some((k) => k.every(required))
    if (m.ignored) {
      m.attributes.push(attr('@@ignore'))
      losses.report('prisma-no-unique-criteria', losses.table(m.table))
    }
  }
  mapRelations(ctx)

  const models: PrismaModel[] = [...ctx.models.values()].map((m) => ({
    name: m.name,
    docs: docLines(ctx, m.table.comment, () => losses.table(m.table), () => `table ${losses.table(m.table).table}`),
    fields: m.fields,
    attributes: [
      ...m.attributes,
      ...(m.name !== m.table.name ? [attr('@@map', arg(str(m.table.name)))] : []),
      ...schemaAttr(m.table.namespaceId),
    ],
  }))
  const prismaEnums: PrismaEnum[] = enums.map((e) => ({
    name: enumNames.get(e.id)!,
    docs: docLines(ctx, e.comment, () => losses.enum(e), () => `enum ${e.name}`),
    values: e.values.map((v) => {
      const name = enumValueNames.get(e.id)!.get(v.name)!
      return { name, attributes: name === v.name ? [] : [attr('@map', arg(str(v.name)))] }
    }),
    attributes: [...(enumNames.get(e.id) !== e.name ? [attr('@@map', arg(str(e.name)))] : []), ...schemaAttr(e.namespaceId)],
  }))
  const result: PrismaSchema = { config: configBlocks(ctx, multiSchema), models, enums: prismaEnums }
  return { schema: result, diagnostics: losses.diagnostics }
}

function draftModel(
  ctx: MapContext,
  t: Table,
  name: string,
  enumNames: ReadonlyMap<EnumId, string>,
  enumValueNames: ReadonlyMap<EnumId, ReadonlyMap<string, string>>,
  skipColumns: ReadonlySet<string>,
): ModelDraft {
  const namer = new Namer()
  // One mapping per distinct type: a design repeats a handful of types over thousands of columns.
  const scalarOf = (c: Column) => {
    const t = c.type
    const key = t.kind === 'builtin' ? `${t.name}|${t.length}|${t.precision}|${t.scale}|${t.fields}|${t.arrayDims}` : undefined
    let s = key === undefined ? undefined : ctx.scalars.get(key)
    if (!s) {
      s = mapScalar(c, ctx.enums, enumNames)
      if (key !== undefined) ctx.scalars.set(key, s)
    }
    return s
  }
  const model: ModelDraft = { table: t, name, namer, fields: [], byColumn: new Map(), attributes: [], uniqueKeys: [], indexNames: new Set(), ignored: false }
  t.columns.forEach((c, i) => {
    if (skipColumns.has(c.id)) return
    const scalar = scalarOf(c)
    const fname = namer.claim(fieldName(c.name) ?? `field${i + 1}`)
    const target = () => ctx.losses.column(t, c)
    if (scalar.name === 'Unsupported') ctx.losses.report('prisma-unsupported-type', target(), { type: scalar.unsupported! })
    if (scalar.list && !c.nullable) ctx.losses.report('prisma-list-not-null', target())
    if (c.identity) ctx.losses.report('prisma-identity', target(), { identity: c.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT' })
    if (c.generated !== undefined) ctx.losses.report('prisma-unsupported-generated', target(), { expression: c.generated })
    if (c.collation !== undefined) ctx.losses.report('prisma-unsupported-collation', target(), { collation: c.collation })
    const values = c.type.kind === 'enum' ? enumValueNames.get(c.type.enumId) : undefined
    const def = mapDefault(c, scalar, (v) => values?.get(v))
    const field: FieldDraft = {
      name: fname,
      column: c,
      scalar,
      type: { name: scalar.name, unsupported: scalar.unsupported, modifier: scalar.list ? '[]' : c.nullable ? '?' : '' },
      attributes: [],
      docs: docLines(ctx, c.comment, target, () => `column ${target().table}.${c.name}`),
    }
    if (def) field.attributes.push(attr('@default', arg(def)))
    if (fname !== c.name) field.attributes.push(attr('@map', arg(str(c.name))))
    if (scalar.native) field.attributes.push(scalar.native)
    model.fields.push(field)
    model.byColumn.set(c.id, field)
  })
  return model
}

/** Table-level constructs Prisma has no words for. */
function mapTableLosses(ctx: MapContext, t: Table): void {
  const { losses } = ctx
  for (const c of t.checks) losses.report('prisma-unsupported-check', losses.constraint(t, c), { expression: c.expression })
  if (t.partitionBy) losses.report('prisma-unsupported-partition', losses.table(t), { partition: `${t.partitionBy.strategy.toUpperCase()} (${t.partitionBy.key})` })
  if (t.unlogged) losses.report('prisma-unsupported-unlogged', losses.table(t))
  for (const c of [...(t.primaryKey ? [t.primaryKey] : []), ...t.uniques, ...t.checks, ...t.foreignKeys])
    if (c.comment) losses.report('prisma-unsupported-comment', losses.constraint(t, c), { what: `constraint "${ctx.names.constraints.get(c.id)}" on ${losses.table(t).table}` })
  for (const i of t.indexes)
    if (i.comment) losses.report('prisma-unsupported-comment', losses.index(t, i), { what: `index "${ctx.names.indexes.get(i.id)}" on ${losses.table(t).table}` })
}

/** `///` doc lines; PostgreSQL treats an empty comment as none. Prisma trims each line's ends. */
function docLines(ctx: MapContext, comment: string | undefined, target: () => DiagnosticTarget, what: () => string): string[] {
  if (!comment) return []
  const lines = comment.split(/\r\n|\r|\n/)
  if (lines.some((l) => l !== l.trim())) ctx.losses.report('prisma-comment-whitespace', target(), { what: what() })
  return lines
}

function configBlocks(ctx: MapContext, multiSchema: boolean): PrismaConfigBlock[] {
  const datasource: Array<[string, PrismaValue]> = [['provider', str('postgresql')]]
  if (ctx.version < 7) datasource.push(['url', call('env', arg(str('DATABASE_URL')))])
  if (multiSchema) datasource.push(['schemas', array(ctx.schema.namespaces.map((n) => str(n.name)))])
  const extensions = neededExtensions(ctx.schema)
  if (extensions.length) {
    ctx.previewFeatures.set('postgresqlExtensions', `the extensions ${extensions.join(', ')}`)
    const namer = new Namer()
    datasource.push([
      'extensions',
      array(
        extensions.map((e) => {
          const name = namer.claim(isPrismaIdentifier(e) ? e : identifierWords(e).join('_') || 'extension')
          return name === e ? ident(e) : call(name, arg(str(e), 'map'))
        }),
      ),
    ])
  }
  const features = [...ctx.previewFeatures.keys()].sort()
  for (const f of features) ctx.losses.report('prisma-preview-feature', {}, { feature: f, why: ctx.previewFeatures.get(f)! })
  const generator: Array<[string, PrismaValue]> =
    ctx.version < 7
      ? [['provider', str('prisma-client-js')]]
      : [
          ['provider', str('prisma-client')],
          ['output', str('../generated/prisma')],
        ]
  if (features.length) generator.push(['previewFeatures', array(features.map(str))])
  return [
    { keyword: 'generator', name: 'client', entries: generator },
    { keyword: 'datasource', name: 'db', entries: datasource },
  ]
}
