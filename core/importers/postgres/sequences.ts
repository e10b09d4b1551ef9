/**
 * CREATE SEQUENCE and ALTER SEQUENCE ... OWNED BY. The model has no sequences of its own: an
 * integer column whose default draws from a sequence it owns is a serial column, which is what
 * pg_dump writes for serial. Sequences that never become serial are reported at the end.
 */
import type { AlterSeqStmt, CreateSeqStmt, DefElem } from 'libpg-query'
import { as, names, rangeVarName } from './ast.ts'
import type { Outcome } from './outcome.ts'
import type { StatementContext } from './state.ts'
import { Rejected } from './state.ts'

function ownedBy(ctx: StatementContext, key: string, options: readonly DefElem[]): void {
  const option = options.find((o) => o.defname === 'owned_by')
  if (!option) return
  const parts = names(as(option.arg, 'List')?.items)
  const seq = ctx.state.sequences.get(key)
  if (!seq) return
  if (parts.length === 1 && parts[0] === 'none') {
    delete seq.owner
    return
  }
  const column = parts.pop()!
  const table = ctx.state.findTable(parts.length > 1 ? { schema: parts[0]!, name: parts[1]! } : { name: parts[0]! })
  const col = table?.columns.find((c) => c.name === column)
  if (!table || !col) throw new Rejected(`OWNED BY: column "${column}" does not exist`, option.location)
  seq.owner = { table, columnId: col.id }
}

export function createSequence(ctx: StatementContext, stmt: CreateSeqStmt): Outcome {
  const { state } = ctx
  const name = rangeVarName(stmt.sequence)
  const ns = state.creationNamespace(name.schema)
  if (state.relations(ns.id).has(name.name)) {
    if (stmt.if_not_exists) return 'ignored'
    throw new Rejected(`relation "${name.name}" already exists`, stmt.sequence?.location)
  }
  const key = `${ns.name}.${name.name}`
  state.relations(ns.id).add(name.name)
  state.otherRelations.set(key, 'sequence')
  state.sequences.set(key, { location: ctx.at() })
  ownedBy(ctx, key, (stmt.options ?? []).flatMap((o) => as(o, 'DefElem') ?? []))
  return 'imported'
}

export function alterSequence(ctx: StatementContext, stmt: AlterSeqStmt): Outcome {
  const { state } = ctx
  const name = rangeVarName(stmt.sequence)
  const schema = state.schemasFor(name).find((s) => state.sequences.has(`${s}.${name.name}`))
  const options = (stmt.options ?? []).flatMap((o) => as(o, 'DefElem') ?? [])
  if (schema === undefined) {
    // The sequence of a serial or identity column: nothing in it is part of the model.
    if (stmt.missing_ok || state.findOtherRelation(name) === 'sequence') return 'ignored'
    throw new Rejected(`sequence "${name.name}" does not exist`, stmt.sequence?.location)
  }
  if (!options.some((o) => o.defname === 'owned_by')) return 'ignored'
  ownedBy(ctx, `${schema}.${name.name}`, options)
  return 'imported'
}
