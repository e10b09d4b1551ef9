/**
 * A parsed Prisma schema to the model, in the order Prisma's schema engine builds its SQL schema:
 * datasource, enums, model tables with their keys and indexes, foreign keys, then the join tables
 * of implicit many-to-many relations.
 */
import { dropDefaultNames } from '../../model/default-names.ts'
import type { EnumValueId } from '../../model/ids.ts'
import type { EnumType, Schema } from '../../model/schema.ts'
import type { ConfigBlock, EnumBlock, ModelBlock, PrismaAst } from './ast.ts'
import { buildColumn } from './columns.ts'
import type { Provider } from './column-types.ts'
import { attribute, stringArg } from './context.ts'
import type { Context, ModelInfo } from './context.ts'
import { buildKeys } from './keys.ts'
import { buildRelations } from './relations.ts'

const providers: Record<string, Provider> = {
  postgresql: 'postgresql',
  postgres: 'postgresql',
  cockroachdb: 'cockroachdb',
  mysql: 'mysql',
  sqlite: 'sqlite',
  sqlserver: 'sqlserver',
  mongodb: 'mongodb',
}

export function buildSchema(ctx: Context, ast: PrismaAst): Schema {
  const datasources = ast.blocks.filter((b): b is ConfigBlock => b.kind === 'datasource')
  const extensions = datasources[0] ? readDatasource(ctx, datasources[0]) : []
  for (const extra of datasources.slice(1)) ctx.error('A schema may have only one datasource.', extra.at)

  const models = ast.blocks.filter((b): b is ModelBlock => b.kind === 'model')
  for (const b of ast.blocks) {
    if (b.kind === 'type') ctx.compositeTypes.add(b.name)
    if (b.kind === 'view') ctx.views.add(b.name)
    if (b.kind === 'view')
      ctx.report('info', 'prisma-skipped', `The view "${b.name}" was left out: Prisma Migrate does not create views, and the design holds tables only.`, b.at)
    if (b.kind === 'type' && ctx.provider !== 'mongodb')
      ctx.report('warning', 'prisma-skipped', `Composite type "${b.name}" is a MongoDB feature; fields of this type were read as jsonb.`, b.at)
  }
  const seen = new Map<string, string>()
  for (const b of ast.blocks) {
    if (b.kind === 'datasource' || b.kind === 'generator') continue
    const clash = seen.get(b.name)
    if (clash) ctx.error(`"${b.name}" is defined twice (as a ${clash} and as a ${b.kind}).`, b.at)
    seen.set(b.name, b.kind)
  }

  const enums: EnumType[] = []
  for (const b of ast.blocks) if (b.kind === 'enum') enums.push(buildEnum(ctx, b))
  for (const m of models) ctx.models.set(m.name, startModel(ctx, m))
  for (const m of models) fillModel(ctx, ctx.models.get(m.name)!)
  for (const m of ctx.models.values()) buildKeys(ctx, m)
  const { joinTables, emulated } = buildRelations(ctx)
  if (emulated > 0) {
    const mode = datasources[0]?.properties.find((p) => p.key === 'relationMode' || p.key === 'referentialIntegrity')
    ctx.report(
      'warning',
      'prisma-relation-mode',
      `relationMode = "prisma": Prisma Migrate creates no foreign keys, so the ${emulated} relation${emulated === 1 ? '' : 's'} of this schema ` +
        'were not imported as foreign keys. Remove relationMode (or set it to "foreignKeys") to import them.',
      mode?.at ?? datasources[0]!.at,
    )
  }

  const schema: Schema = {
    namespaces: ctx.namespaces,
    enums,
    tables: [...[...ctx.models.values()].map((m) => m.table), ...joinTables],
    extensions,
  }
  return dropDefaultNames(schema)
}

function readDatasource(ctx: Context, ds: ConfigBlock): string[] {
  const prop = (key: string) => ds.properties.find((p) => p.key === key)
  const provider = prop('provider')
  const name = provider?.value?.kind === 'string' ? provider.value.value : undefined
  if (!provider || name === undefined) ctx.error('The datasource needs a provider, e.g. provider = "postgresql".', ds.at)
  else if (!Object.hasOwn(providers, name)) ctx.error(`Unknown datasource provider "${name}".`, provider.at)
  else {
    ctx.provider = providers[name]!
    if (ctx.provider === 'mongodb') ctx.error('This is a MongoDB schema: MongoDB has collections, not tables, so there is no relational design to import.', provider.at)
    else if (ctx.provider !== 'postgresql')
      ctx.report(
        'info',
        'prisma-provider',
        `This schema is for ${name}; it was read as for PostgreSQL: Prisma's PostgreSQL column types, defaults and names, with ${name} native types (@db.*) mapped to their nearest PostgreSQL type.`,
        provider.at,
      )
  }
  const mode = prop('relationMode') ?? prop('referentialIntegrity')
  if (mode?.value?.kind === 'string' && mode.value.value === 'prisma') ctx.emulatedRelations = true
  const schemas = prop('schemas')?.value
  if (schemas?.kind === 'array') for (const s of schemas.items) if (s.kind === 'string') ctx.namespace(s.value)
  const extensions: string[] = []
  const ext = prop('extensions')?.value
  if (ext?.kind === 'array')
    for (const e of ext.items) {
      if (e.kind === 'path') extensions.push(e.name)
      else if (e.kind === 'call') {
        const map = e.args.find((a) => a.name === 'map')?.value
        extensions.push(map?.kind === 'string' ? map.value : e.name)
      }
    }
  return extensions
}

function namespaceOf(ctx: Context, attrs: ModelBlock['attributes']): ReturnType<Context['namespace']> {
  const a = attribute(attrs, 'schema')
  const name = a && stringArg(ctx, a, 'name', 0)
  return ctx.namespace(name ?? 'public')
}

function buildEnum(ctx: Context, b: EnumBlock): EnumType {
  const mapped = attribute(b.attributes, 'map')
  const values = new Map<string, string>()
  const list: Array<{ id: EnumValueId; name: string }> = []
  for (const v of b.values) {
    const m = attribute(v.attributes, 'map')
    const db = (m && stringArg(ctx, m, 'name', 0)) ?? v.name
    for (const a of v.attributes) if (a.name !== 'map') ctx.error(`Attribute not known on an enum value: "@${a.name}".`, a.at)
    values.set(v.name, db)
    list.push({ id: ctx.ids.next('enumValue'), name: db })
  }
  for (const a of b.attributes) if (a.name !== 'map' && a.name !== 'schema') ctx.error(`Attribute not known on an enum: "@@${a.name}".`, a.at)
  const type: EnumType = {
    id: ctx.ids.next('enum'),
    namespaceId: namespaceOf(ctx, b.attributes),
    name: (mapped && stringArg(ctx, mapped, 'name', 0)) ?? b.name,
    values: list,
    ...(b.doc !== undefined ? { comment: b.doc } : {}),
  }
  ctx.enums.set(b.name, { block: b, type, values })
  return type
}

function startModel(ctx: Context, b: ModelBlock): ModelInfo {
  const mapped = attribute(b.attributes, 'map')
  return {
    block: b,
    table: {
      id: ctx.ids.next('table'),
      namespaceId: namespaceOf(ctx, b.attributes),
      name: (mapped && stringArg(ctx, mapped, 'name', 0)) ?? b.name,
      ...(b.doc !== undefined ? { comment: b.doc } : {}),
      columns: [],
      uniques: [],
      checks: [],
      foreignKeys: [],
      indexes: [],
    },
    scalars: new Map(),
    relationFields: [],
  }
}

function fillModel(ctx: Context, model: ModelInfo): void {
  const names = new Set<string>()
  const columns = []
  for (const field of model.block.fields) {
    if (names.has(field.name)) ctx.error(`The field "${field.name}" is defined twice in "${model.block.name}".`, field.at)
    names.add(field.name)
    if (/^\d/.test(field.name)) ctx.error(`The field name "${field.name}" must not start with a digit.`, field.at)
    if (ctx.models.has(field.type.name) && field.type.unsupported === undefined) {
      model.relationFields.push(field)
      continue
    }
    if (ctx.views.has(field.type.name)) continue // a relation to a view: no column, no key
    if (attribute(field.attributes, 'relation')) ctx.error(`@relation belongs on a field whose type is a model; "${field.type.name}" is not one.`, field.at)
    const column = buildColumn(ctx, field, model.table.name)
    if (!column) continue
    columns.push(column)
    model.scalars.set(field.name, { field, column })
  }
  model.table.columns = columns
}
