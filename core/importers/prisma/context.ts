/**
 * What the passes over a Prisma schema share: ids, diagnostics with positions, namespaces, and
 * the enums and models found so far. Tables are built mutably here and frozen into the model at
 * the end, so each pass stays linear in the size of the schema.
 */
import type { Diagnostic, Severity } from '../../diagnostics.ts'
import type { IdGenerator, NamespaceId } from '../../model/ids.ts'
import type { Column, EnumType, Namespace, Table } from '../../model/schema.ts'
import type { Attribute, EnumBlock, Expr, Field, ModelBlock, Position } from './ast.ts'
import type { Provider } from './column-types.ts'

export interface EnumInfo {
  readonly block: EnumBlock
  readonly type: EnumType
  /** Value name to its database name (`@map`). */
  readonly values: ReadonlyMap<string, string>
}

export interface ScalarInfo {
  readonly field: Field
  readonly column: Column
}

export interface ModelInfo {
  readonly block: ModelBlock
  readonly table: { -readonly [K in keyof Table]: Table[K] }
  /** Scalar fields by Prisma field name. */
  readonly scalars: Map<string, ScalarInfo>
  /** Fields whose type is another model. */
  readonly relationFields: Field[]
}

export class Context {
  readonly diagnostics: Diagnostic[] = []
  readonly namespaces: Namespace[] = []
  private readonly namespaceIds = new Map<string, NamespaceId>()
  readonly enums = new Map<string, EnumInfo>()
  readonly models = new Map<string, ModelInfo>()
  readonly compositeTypes = new Set<string>()
  /** Views are not created by Migrate; relation fields pointing at them are not foreign keys. */
  readonly views = new Set<string>()
  provider: Provider = 'postgresql'
  /** `relationMode = "prisma"`: Prisma emulates relations and Migrate creates no foreign keys. */
  emulatedRelations = false

  constructor(readonly ids: IdGenerator) {
    this.namespace('public')
  }

  report(severity: Severity, code: string, message: string, at: Position, target?: Diagnostic['target']): void {
    this.diagnostics.push({ code, severity, message, location: { line: at.line, column: at.column }, ...(target ? { target } : {}) })
  }

  error(message: string, at: Position): void {
    this.report('error', 'prisma-invalid', message, at)
  }

  namespace(name: string): NamespaceId {
    let id = this.namespaceIds.get(name)
    if (!id) {
      id = this.ids.next('namespace')
      this.namespaceIds.set(name, id)
      this.namespaces.push({ id, name })
    }
    return id
  }

  namespaceName(id: NamespaceId): string {
    return this.namespaces.find((n) => n.id === id)?.name ?? 'public'
  }
}

export function attribute(attrs: readonly Attribute[], name: string): Attribute | undefined {
  return attrs.find((a) => a.name === name)
}

/** A string argument (`@map("x")`, `map: "x"`), reporting anything else. */
export function stringArg(ctx: Context, attr: Attribute, name: string, index?: number): string | undefined {
  const arg = attr.args.find((a) => a.name === name) ?? (index === undefined ? undefined : attr.args.filter((a) => a.name === undefined)[index])
  if (!arg?.value) return undefined
  if (arg.value.kind !== 'string') {
    ctx.error(`@${attr.name}: "${name}" takes a string.`, arg.value.at)
    return undefined
  }
  return arg.value.value
}

/** The names in `[a, b(sort: Desc)]`, with each one's arguments. */
export interface FieldRef {
  readonly name: string
  readonly args: ReadonlyMap<string, Expr>
  readonly at: Position
}

export function fieldRefs(ctx: Context, expr: Expr | undefined, what: string): FieldRef[] | undefined {
  if (!expr) return undefined
  const items = expr.kind === 'array' ? expr.items : [expr]
  const out: FieldRef[] = []
  for (const item of items) {
    if (item.kind === 'path') out.push({ name: item.name, args: new Map(), at: item.at })
    else if (item.kind === 'call')
      out.push({ name: item.name, args: new Map(item.args.filter((a) => a.name && a.value).map((a) => [a.name!, a.value!])), at: item.at })
    else {
      ctx.error(`${what} lists field names: [a, b].`, item.at)
      return undefined
    }
  }
  return out
}

