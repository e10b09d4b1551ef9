/**
 * ALTER ... RENAME and ALTER ... SET SCHEMA for the objects of the model. As in PostgreSQL, renaming
 * a table leaves the names of its constraints and indexes as they were.
 */
import type { AlterObjectSchemaStmt, RenameStmt } from 'libpg-query'
import { as, names, qualified, rangeVarName } from './ast.ts'
import type { Outcome } from './outcome.ts'
import type { DraftTable, StatementContext } from './state.ts'
import { Rejected } from './state.ts'

function tableOf(ctx: StatementContext, stmt: { relation?: RenameStmt['relation']; missing_ok?: boolean }): DraftTable | { skipped: string } {
  const name = rangeVarName(stmt.relation)
  const table = ctx.state.findTable(name)
  if (table) return table
  const other = ctx.state.findOtherRelation(name)
  if (other) return { skipped: `"${name.name}" is a ${other}, which is not part of the model` }
  if (stmt.missing_ok) return { skipped: `relation "${name.name}" does not exist (IF EXISTS)` }
  throw new Rejected(`relation "${name.name}" does not exist`, stmt.relation?.location)
}

export function rename(ctx: StatementContext, stmt: RenameStmt): Outcome {
  const { state } = ctx
  const newName = stmt.newname ?? ''
  switch (stmt.renameType) {
    case 'OBJECT_TABLE': {
      const table = tableOf(ctx, stmt)
      if (!('columns' in table)) return table
      if (state.relations(table.namespaceId).has(newName)) throw new Rejected(`relation "${newName}" already exists`)
      state.renameTable(table, newName)
      return 'imported'
    }
    case 'OBJECT_COLUMN': {
      if (stmt.relationType !== 'OBJECT_TABLE') return { skipped: 'only table columns are part of the model' }
      const table = tableOf(ctx, stmt)
      if (!('columns' in table)) return table
      const column = table.columns.find((c) => c.name === stmt.subname)
      if (!column) throw new Rejected(`column "${stmt.subname}" does not exist`)
      if (table.columns.some((c) => c.name === newName)) throw new Rejected(`column "${newName}" already exists`)
      column.name = newName
      return 'imported'
    }
    case 'OBJECT_TABCONSTRAINT': {
      const table = tableOf(ctx, stmt)
      if (!('columns' in table)) return table
      const all = [...(table.primaryKey ? [table.primaryKey] : []), ...table.uniques, ...table.checks, ...table.foreignKeys]
      const c = all.find((x) => x.name === stmt.subname)
      if (!c) throw new Rejected(`constraint "${stmt.subname}" of relation "${table.name}" does not exist`)
      renameIn(ctx, table, c, newName, c.kind === 'primaryKey' || c.kind === 'unique')
      return 'imported'
    }
    case 'OBJECT_INDEX': {
      const name = rangeVarName(stmt.relation)
      for (const table of state.tables) {
        if (!state.schemasFor(name).includes(state.nsName(table.namespaceId))) continue
        const owner = [...(table.primaryKey ? [table.primaryKey] : []), ...table.uniques, ...table.indexes].find((x) => x.name === name.name)
        if (owner) {
          renameIn(ctx, table, owner, newName, 'kind' in owner)
          return 'imported'
        }
      }
      return stmt.missing_ok ? { skipped: `index "${name.name}" does not exist (IF EXISTS)` } : { skipped: `index "${name.name}" is not part of the model` }
    }
    case 'OBJECT_TYPE': {
      const e = state.findEnum(qualified(names(as(stmt.object, 'List')?.items)))
      if (!e) return { skipped: 'only enum types are part of the model' }
      state.renameEnum(e, newName)
      return 'imported'
    }
    case 'OBJECT_SCHEMA': {
      const ns = state.namespace(stmt.subname ?? '')
      if (!ns) throw new Rejected(`schema "${stmt.subname}" does not exist`)
      if (state.namespace(newName)) throw new Rejected(`schema "${newName}" already exists`)
      state.renameNamespace(ns, newName)
      return 'imported'
    }
    default:
      return { skipped: `${(stmt.renameType ?? '').replace('OBJECT_', '').toLowerCase()}s are not part of the model` }
  }
}

/** Renames a constraint or index; keys are relations too (their index carries the name). */
function renameIn(ctx: StatementContext, table: DraftTable, obj: { name?: string }, name: string, isRelation: boolean): void {
  const rel = ctx.state.relations(table.namespaceId)
  const con = ctx.state.constraints(table.namespaceId)
  if ((isRelation || !('kind' in obj)) && rel.has(name)) throw new Rejected(`relation "${name}" already exists`)
  if (obj.name) (rel.delete(obj.name), con.delete(obj.name))
  obj.name = name
  if (isRelation || !('kind' in obj)) rel.add(name)
  if ('kind' in obj) con.add(name)
}

export function setSchema(ctx: StatementContext, stmt: AlterObjectSchemaStmt): Outcome {
  const { state } = ctx
  const target = state.namespace(stmt.newschema ?? '')
  if (stmt.objectType === 'OBJECT_TABLE') {
    const table = tableOf(ctx, stmt)
    if (!('columns' in table)) return table
    if (!target) throw new Rejected(`schema "${stmt.newschema}" does not exist`)
    state.moveTable(table, target.id)
    return 'imported'
  }
  if (stmt.objectType === 'OBJECT_TYPE') {
    const e = state.findEnum(qualified(names(as(stmt.object, 'List')?.items)))
    if (!e) return { skipped: 'only enum types are part of the model' }
    if (!target) throw new Rejected(`schema "${stmt.newschema}" does not exist`)
    state.moveEnum(e, target.id)
    return 'imported'
  }
  return { skipped: `${(stmt.objectType ?? '').replace('OBJECT_', '').toLowerCase()}s are not part of the model` }
}
