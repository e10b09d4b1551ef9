/**
 * One parsed statement to its effect on the design. Statements outside the model are skipped, but
 * the names they take (views, sequences, composite types, domains) are remembered: they matter for
 * PostgreSQL's naming of unnamed objects and for resolving type names.
 */
import type { CreateSchemaStmt, VariableSetStmt } from 'libpg-query'
import { assertNever } from '../../errors.ts'
import type { Node } from './ast.ts'
import { as, constValue, kindOf, names, qualified, rangeVarName } from './ast.ts'
import { alterTable } from './alter-table.ts'
import { comment } from './comments.ts'
import { createIndex } from './create-index.ts'
import { createTable } from './create-table.ts'
import { drop } from './drops.ts'
import { alterEnum, createEnum } from './enums.ts'
import type { Outcome } from './outcome.ts'
import { rename, setSchema } from './renames.ts'
import { alterSequence, createSequence } from './sequences.ts'
import type { StatementContext } from './state.ts'
import { Rejected } from './state.ts'

const notModelled = 'not part of the schema model'

export function applyStatement(ctx: StatementContext, node: Node): Outcome {
  const { state } = ctx
  const kind = kindOf(node)
  switch (kind) {
    case 'CreateStmt':
      return createTable(ctx, as(node, 'CreateStmt')!)
    case 'AlterTableStmt':
      return alterTable(ctx, as(node, 'AlterTableStmt')!)
    case 'IndexStmt':
      return createIndex(ctx, as(node, 'IndexStmt')!)
    case 'CreateSchemaStmt':
      return createSchema(ctx, as(node, 'CreateSchemaStmt')!)
    case 'CreateEnumStmt':
      return createEnum(ctx, as(node, 'CreateEnumStmt')!)
    case 'AlterEnumStmt':
      return alterEnum(ctx, as(node, 'AlterEnumStmt')!)
    case 'CreateSeqStmt':
      return createSequence(ctx, as(node, 'CreateSeqStmt')!)
    case 'AlterSeqStmt':
      return alterSequence(ctx, as(node, 'AlterSeqStmt')!)
    case 'CommentStmt':
      return comment(ctx, as(node, 'CommentStmt')!)
    case 'DropStmt':
      return drop(ctx, as(node, 'DropStmt')!)
    case 'RenameStmt':
      return rename(ctx, as(node, 'RenameStmt')!)
    case 'AlterObjectSchemaStmt':
      return setSchema(ctx, as(node, 'AlterObjectSchemaStmt')!)
    case 'VariableSetStmt':
      return setVariable(ctx, as(node, 'VariableSetStmt')!)
    case 'CreateExtensionStmt': {
      const s = as(node, 'CreateExtensionStmt')!
      const name = s.extname ?? ''
      // PL/pgSQL comes with every database; pg_dump still writes it out.
      if (name === 'plpgsql') return 'ignored'
      if (state.extensions.includes(name)) {
        if (s.if_not_exists) return 'ignored'
        throw new Rejected(`extension "${name}" already exists`)
      }
      const schema = (s.options ?? []).map((o) => as(o, 'DefElem')).find((d) => d?.defname === 'schema')
      const target = schema ? (as(schema.arg, 'String')?.sval ?? '') : state.searchSchemas()[0]
      if (target !== undefined) state.extensionSchemas.set(name, target)
      if (target !== undefined && target !== 'public')
        ctx.report('warning', 'sql-approximated', `Extension "${name}" goes to schema "${target}" here; the model records extensions without a schema.`)
      state.extensions.push(name)
      return 'imported'
    }
    case 'SelectStmt':
      return selectStatement(ctx, node)
    case 'AlterOwnerStmt':
    case 'TransactionStmt':
    case 'VariableShowStmt':
    case 'CheckPointStmt':
    case 'VacuumStmt':
    case 'LoadStmt':
    case 'DiscardStmt':
      return 'ignored'
    case 'ViewStmt':
      remember(ctx, as(node, 'ViewStmt')!.view, 'view')
      return { skipped: `views are ${notModelled}` }
    case 'CreateTableAsStmt': {
      const s = as(node, 'CreateTableAsStmt')!
      const what = s.objtype === 'OBJECT_MATVIEW' ? 'materialized view' : 'table created from a query'
      remember(ctx, s.into?.rel, what)
      return { skipped: `a ${what} is ${notModelled}` }
    }
    case 'CompositeTypeStmt': {
      const rel = as(node, 'CompositeTypeStmt')!.typevar
      remember(ctx, rel, 'composite type')
      const name = rangeVarName(rel)
      state.otherTypes.add(`${state.creationNamespace(name.schema).name}.${name.name}`)
      return { skipped: `composite types are ${notModelled}` }
    }
    case 'CreateDomainStmt':
    case 'CreateRangeStmt':
    case 'DefineStmt': {
      const parts = names(as(node, 'CreateDomainStmt')?.domainname ?? as(node, 'CreateRangeStmt')?.typeName ?? as(node, 'DefineStmt')?.defnames)
      const name = qualified(parts)
      if (kind !== 'DefineStmt' || as(node, 'DefineStmt')!.kind === 'OBJECT_TYPE') {
        const ns = state.namespace(name.schema ?? state.searchSchemas()[0] ?? '')
        if (ns) state.otherTypes.add(`${ns.name}.${name.name}`)
      }
      return { skipped: `${kind === 'CreateDomainStmt' ? 'domains are' : 'this kind of object is'} ${notModelled}` }
    }
    case 'CreateForeignTableStmt':
      remember(ctx, as(node, 'CreateForeignTableStmt')!.base?.relation, 'foreign table')
      return { skipped: `foreign tables are ${notModelled}` }
    default:
      return { skipped: notModelled }
  }
}

/** A relation outside the model still takes its name in its schema. */
function remember(ctx: StatementContext, rel: Parameters<typeof rangeVarName>[0], what: string): void {
  const name = rangeVarName(rel)
  const ns = name.schema !== undefined ? ctx.state.namespace(name.schema) : ctx.state.namespace(ctx.state.searchSchemas()[0] ?? '')
  if (!ns) return
  ctx.state.otherRelations.set(`${ns.name}.${name.name}`, what)
  ctx.state.relations(ns.id).add(name.name)
}

function createSchema(ctx: StatementContext, stmt: CreateSchemaStmt): Outcome {
  const { state } = ctx
  const name = stmt.schemaname ?? stmt.authrole?.rolename ?? ''
  if (state.namespace(name)) {
    if (stmt.if_not_exists) return { skipped: `schema "${name}" already exists (IF NOT EXISTS)` }
    throw new Rejected(`schema "${name}" already exists`)
  }
  state.addNamespace(name)
  // Elements (CREATE SCHEMA s CREATE TABLE ...) are created in the new schema.
  const saved = state.searchPath
  state.searchPath = [name, ...saved.filter((s) => s !== name)]
  try {
    for (const element of stmt.schemaElts ?? []) {
      const outcome = applyStatement(ctx, element)
      if (typeof outcome === 'object') ctx.report('info', 'sql-skipped-statement', `Skipped an element of CREATE SCHEMA: ${outcome.skipped}.`)
    }
  } finally {
    state.searchPath = saved
  }
  return 'imported'
}

function setVariable(ctx: StatementContext, stmt: VariableSetStmt): Outcome {
  if (stmt.name !== 'search_path') return 'ignored'
  switch (stmt.kind) {
    case 'VAR_SET_VALUE':
    case 'VAR_SET_CURRENT':
      ctx.state.searchPath = (stmt.args ?? []).map((a) => {
        const c = as(a, 'A_Const')
        return c ? (constValue(c)?.value ?? '') : ''
      }).flatMap((s) => splitPath(s))
      return 'imported'
    case 'VAR_SET_DEFAULT':
    case 'VAR_RESET':
    case 'VAR_RESET_ALL':
      ctx.state.searchPath = ['$user', 'public']
      return 'imported'
    case 'VAR_SET_MULTI':
    case undefined:
      return 'ignored'
    default:
      return assertNever(stmt.kind, 'SET kind')
  }
}

/** `'a, "B"'` (one string holding a list, as set_config takes it) -> ['a', 'B']. */
function splitPath(value: string): string[] {
  if (!value.includes(',') && !value.includes('"')) return value.trim() === '' ? [] : [value.trim()]
  return value.split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => (s.startsWith('"') ? s.slice(1, -1).replaceAll('""', '"') : s.toLowerCase()))
}

/** pg_dump sets the search path with `SELECT pg_catalog.set_config('search_path', '', false)`. */
function selectStatement(ctx: StatementContext, node: Node): Outcome {
  const target = as(node, 'SelectStmt')?.targetList
  const call = target?.length === 1 ? as(as(target[0], 'ResTarget')?.val, 'FuncCall') : undefined
  const fn = names(call?.funcname)
  const args = (call?.args ?? []).map((a) => as(a, 'A_Const')?.sval?.sval)
  if (fn[fn.length - 1] === 'set_config' && args[0] === 'search_path' && args[1] !== undefined && !as(node, 'SelectStmt')?.fromClause) {
    ctx.state.searchPath = splitPath(args[1])
    return 'imported'
  }
  if (fn[fn.length - 1] === 'setval') return { skipped: 'the current value of a sequence is data, not schema' }
  return { skipped: `queries are ${notModelled}` }
}
