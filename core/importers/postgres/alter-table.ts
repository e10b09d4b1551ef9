/**
 * ALTER TABLE, one subcommand at a time. pg_dump writes most of a schema this way: defaults,
 * identities, keys and foreign keys come after the CREATE TABLE. Subcommands with no meaning for
 * the model (OWNER TO, REPLICA IDENTITY, storage settings) are ignored; the rest are applied or
 * reported.
 */
import type { AlterTableCmd, AlterTableStmt, Constraint } from 'libpg-query'
import type { Column } from '../../model/schema.ts'
import { isSerial } from '../../model/types.ts'
import { as, names, rangeVarName } from './ast.ts'
import { columnType } from './column-type.ts'
import { readColumn, setDefault } from './columns.ts'
import { addConstraints } from './create-table.ts'
import { expressionAfter } from './expressions.ts'
import { dropColumn, dropConstraint } from './drops.ts'
import type { Outcome } from './outcome.ts'
import type { DraftTable, Mutable, StatementContext } from './state.ts'
import { Rejected } from './state.ts'

const ignored = new Set<AlterTableCmd['subtype']>([
  'AT_ChangeOwner', 'AT_ReplicaIdentity', 'AT_SetStatistics', 'AT_SetStorage', 'AT_SetCompression', 'AT_SetOptions',
  'AT_ResetOptions', 'AT_ClusterOn', 'AT_DropCluster', 'AT_SetRelOptions', 'AT_ResetRelOptions', 'AT_ReplaceRelOptions',
  'AT_SetTableSpace', 'AT_SetAccessMethod', 'AT_ValidateConstraint', 'AT_EnableTrig', 'AT_EnableAlwaysTrig',
  'AT_EnableReplicaTrig', 'AT_DisableTrig', 'AT_EnableTrigAll', 'AT_DisableTrigAll', 'AT_EnableTrigUser',
  'AT_DisableTrigUser', 'AT_EnableRule', 'AT_EnableAlwaysRule', 'AT_EnableReplicaRule', 'AT_DisableRule',
  'AT_GenericOptions', 'AT_AlterColumnGenericOptions', 'AT_DropOids',
])

const serialOf: Record<string, 'smallserial' | 'serial' | 'bigserial'> = { smallint: 'smallserial', integer: 'serial', bigint: 'bigserial' }

export function alterTable(ctx: StatementContext, stmt: AlterTableStmt): Outcome {
  const { state } = ctx
  const cmds = (stmt.cmds ?? []).flatMap((n) => as(n, 'AlterTableCmd') ?? [])
  if (cmds.every((c) => ignored.has(c.subtype))) return 'ignored'
  const name = rangeVarName(stmt.relation)
  if (stmt.objtype === 'OBJECT_INDEX' && cmds.every((c) => c.subtype === 'AT_AttachPartition'))
    return { skipped: `it attaches the index of a partition; partitions are not part of the model` }
  if (stmt.objtype !== 'OBJECT_TABLE') return { skipped: `${(stmt.objtype ?? '').replace('OBJECT_', '').toLowerCase()} "${name.name}" is not part of the model` }
  const table = state.findTable(name)
  if (!table) {
    const other = state.findOtherRelation(name)
    if (other) return { skipped: `"${name.name}" is a ${other}, which is not part of the model` }
    if (stmt.missing_ok) return { skipped: `table "${name.name}" does not exist (IF EXISTS)` }
    throw new Rejected(`relation "${name.name}" does not exist`, stmt.relation?.location)
  }
  let changed = false
  const skipped: string[] = []
  cmds.forEach((cmd, i) => {
    if (ignored.has(cmd.subtype)) return
    const r = applyCommand(ctx, table, cmd, i, cmds.length, stmt)
    if (r === true) changed = true
    else if (typeof r === 'string') skipped.push(r)
  })
  if (changed) {
    for (const why of skipped) ctx.report('info', 'sql-skipped-statement', `Part of ALTER TABLE skipped: ${why}.`)
    return 'imported'
  }
  return skipped.length ? { skipped: skipped.join('; ') } : 'ignored'
}

/** Returns true when the model changed, a reason when the subcommand was skipped. */
function applyCommand(ctx: StatementContext, table: DraftTable, cmd: AlterTableCmd, index: number, count: number, stmt: AlterTableStmt): true | string | undefined {
  const { state } = ctx
  const column = (missingOk = false): Mutable<Column> | undefined => {
    const c = table.columns.find((x) => x.name === cmd.name)
    if (!c && !missingOk) throw new Rejected(`column "${cmd.name}" of relation "${table.name}" does not exist`)
    return c
  }
  switch (cmd.subtype) {
    case 'AT_AddColumn': {
      const def = as(cmd.def, 'ColumnDef')!
      if (table.columns.some((c) => c.name === def.colname)) {
        if (cmd.missing_ok) return `column "${def.colname}" already exists (IF NOT EXISTS)`
        throw new Rejected(`column "${def.colname}" of relation "${table.name}" already exists`, def.location)
      }
      const read = readColumn(ctx, table, def)
      if (isSerial(read.column.type) || read.column.identity) state.addImplicitSequence(table.namespaceId, state.chooseRelationName(table.namespaceId, table.name, read.column.name, 'seq', false))
      table.columns.push(read.column)
      addConstraints(ctx, table, read.queued)
      return true
    }
    case 'AT_ColumnDefault': {
      const c = column()!
      if (cmd.def === undefined) delete c.default
      else setDefault(ctx, c, cmd.def, commandExpression(ctx, stmt, index, count, 'default'))
      return true
    }
    case 'AT_SetNotNull':
      column()!.nullable = false
      return true
    case 'AT_DropNotNull': {
      const c = column()!
      if (table.primaryKey?.columns.includes(c.id) || c.identity) throw new Rejected(`column "${c.name}" is in a primary key or is an identity column`)
      c.nullable = true
      return true
    }
    case 'AT_AddConstraint': {
      const con = as(cmd.def, 'Constraint')!
      addConstraints(ctx, table, [{ constraint: con }])
      return true
    }
    case 'AT_AlterColumnType': {
      const c = column()!
      const def = as(cmd.def, 'ColumnDef')!
      const type = columnType(state, def.typeName!)
      // A serial column keeps its sequence and default: still serial, of the new width.
      const serial = isSerial(c.type) && type.kind === 'builtin' && type.arrayDims === 0 ? serialOf[type.name] : undefined
      c.type = serial ? { kind: 'builtin', name: serial, arrayDims: 0 } : type
      const collation = names(def.collClause?.collname).pop()
      if (collation === 'default') delete c.collation
      else if (collation !== undefined) c.collation = collation
      return true
    }
    case 'AT_AddIdentity': {
      const c = column()!
      if (c.default) throw new Rejected(`column "${c.name}" of relation "${table.name}" already has a default value`)
      const con = as(cmd.def, 'Constraint')!
      c.identity = con.generated_when === 'a' ? 'always' : 'by-default'
      c.nullable = false
      identitySequence(ctx, table, c, con)
      return true
    }
    case 'AT_SetIdentity': {
      const c = column()!
      for (const o of as(cmd.def, 'List')?.items ?? []) {
        const d = as(o, 'DefElem')
        if (d?.defname === 'generated') c.identity = as(d.arg, 'Integer')?.ival === 97 ? 'always' : 'by-default'
      }
      return true
    }
    case 'AT_DropIdentity': {
      const c = column(cmd.missing_ok)
      if (c) delete c.identity
      return c ? true : `column "${cmd.name}" does not exist`
    }
    case 'AT_SetExpression': {
      const c = column()!
      c.generated = commandExpression(ctx, stmt, index, count, 'as') ?? c.generated
      return true
    }
    case 'AT_DropExpression': {
      const c = column()!
      delete c.generated
      return true
    }
    case 'AT_DropColumn':
      return dropColumn(ctx, table, cmd.name ?? '', cmd.missing_ok ?? false, cmd.behavior === 'DROP_CASCADE')
    case 'AT_DropConstraint':
      return dropConstraint(ctx, table, cmd.name ?? '', cmd.missing_ok ?? false)
    case 'AT_AlterConstraint': {
      const a = as(cmd.def, 'ATAlterConstraint')
      const fk = table.foreignKeys.find((f) => f.name === a?.conname)
      if (!a || !fk) return `constraint "${a?.conname}" is not a foreign key of the model`
      if (a.alterDeferrability) {
        if (a.deferrable) fk.deferrable = a.initdeferred ? 'initially deferred' : 'initially immediate'
        else delete fk.deferrable
      }
      return true
    }
    case 'AT_SetLogged':
    case 'AT_SetUnLogged':
      if (cmd.subtype === 'AT_SetUnLogged') table.unlogged = true
      else delete table.unlogged
      return true
    case 'AT_AttachPartition': {
      const child = as(cmd.def, 'PartitionCmd')?.name
      const partition = state.findTable(rangeVarName(child))
      if (partition) {
        state.removeTable(partition)
        state.otherRelations.set(`${state.nsName(partition.namespaceId)}.${partition.name}`, 'partition')
        state.relations(partition.namespaceId).add(partition.name)
        ctx.report('info', 'sql-skipped-statement', `"${partition.name}" became a partition of "${table.name}"; partitions are not part of the model, so it was taken out.`)
        return true
      }
      return `partition "${child?.relname}" is not part of the model`
    }
    case 'AT_EnableRowSecurity':
    case 'AT_DisableRowSecurity':
    case 'AT_ForceRowSecurity':
    case 'AT_NoForceRowSecurity':
      return 'row-level security is not part of the model'
    default:
      return `${(cmd.subtype ?? '').replace(/^AT_/, '')} is not part of the model`
  }
}

/** `ADD GENERATED ... AS IDENTITY (SEQUENCE NAME s ...)`: the sequence's name is taken. */
function identitySequence(ctx: StatementContext, table: DraftTable, column: Column, con: Constraint): void {
  const { state } = ctx
  const option = (con.options ?? []).map((o) => as(o, 'DefElem')).find((d) => d?.defname === 'sequence_name')
  const parts = names(as(option?.arg, 'List')?.items)
  const seq = parts.length ? parts[parts.length - 1]! : state.chooseRelationName(table.namespaceId, table.name, column.name, 'seq', false)
  const ns = parts.length > 1 ? state.namespace(parts[parts.length - 2]!) : undefined
  state.addImplicitSequence(ns?.id ?? table.namespaceId, seq)
}

/** The expression after `keyword` in the index-th subcommand (split at top-level commas). */
function commandExpression(ctx: StatementContext, stmt: AlterTableStmt, index: number, count: number, keyword: string): string | undefined {
  const src = ctx.source
  const t = src.tokens
  // Past the table name (`s.t`, `"S"."T"`) to the first subcommand.
  let i = src.tokenAt(stmt.relation?.location ?? 0)
  while (t[i + 1]?.value === '.' && t[i + 1]!.kind === 'punct') i += 2
  i++
  const starts = [i]
  let depth = 0
  for (let j = i; j < t.length; j++) {
    const v = t[j]!
    if (v.kind !== 'punct') continue
    if (v.value === '(' || v.value === '[') depth++
    else if (v.value === ')' || v.value === ']') depth--
    else if (v.value === ',' && depth === 0) starts.push(j + 1)
  }
  if (starts.length !== count) return undefined
  const end = index + 1 < starts.length ? starts[index + 1]! - 2 : t.length - 1
  return expressionAfter(src, t[starts[index]!]?.byte, keyword, Infinity, end)
}
