/**
 * DROP statements and DROP COLUMN / DROP CONSTRAINT, so that scripts that build a schema in steps
 * (or pg_dump --clean output) end with what PostgreSQL would hold.
 */
import type { DropStmt } from 'libpg-query'
import type { ColumnId } from '../../model/ids.ts'
import { as, names, qualified } from './ast.ts'
import type { Outcome } from './outcome.ts'
import { StatementSource } from './source.ts'
import type { DraftTable, StatementContext } from './state.ts'
import { Rejected } from './state.ts'

/** True when a SQL fragment mentions the column (PostgreSQL tracks this as a dependency). */
function mentions(sql: string, column: string): boolean {
  return new StatementSource(sql, 0).tokens.some((t) => (t.kind === 'word' || t.kind === 'qident') && t.value === column)
}

export function dropColumn(ctx: StatementContext, table: DraftTable, name: string, missingOk: boolean, cascade: boolean): true | string {
  const { state } = ctx
  const column = table.columns.find((c) => c.name === name)
  if (!column) {
    if (missingOk) return `column "${name}" does not exist (IF EXISTS)`
    throw new Rejected(`column "${name}" of relation "${table.name}" does not exist`)
  }
  const id = column.id
  const dependents = state.tables.filter((t) => t !== table && t.foreignKeys.some((f) => f.target.tableId === table.id && f.target.columns.includes(id)))
  if (dependents.length && !cascade) throw new Rejected(`cannot drop column "${name}": foreign keys of "${dependents[0]!.name}" depend on it`)
  for (const t of dependents) t.foreignKeys = t.foreignKeys.filter((f) => !(f.target.tableId === table.id && f.target.columns.includes(id)))
  const rel = state.relations(table.namespaceId)
  const con = state.constraints(table.namespaceId)
  const uses = (ids: readonly ColumnId[]) => ids.includes(id)
  if (table.primaryKey && uses(table.primaryKey.columns)) {
    if (table.primaryKey.name) (rel.delete(table.primaryKey.name), con.delete(table.primaryKey.name))
    delete table.primaryKey
  }
  const keep = <T extends { name?: string }>(list: T[], used: (x: T) => boolean, sets: Array<Set<string>>) =>
    list.filter((x) => {
      if (!used(x)) return true
      if (x.name) for (const s of sets) s.delete(x.name)
      return false
    })
  table.uniques = keep(table.uniques, (u) => uses(u.columns), [rel, con])
  table.foreignKeys = keep(table.foreignKeys, (f) => uses(f.columns) || (f.target.tableId === table.id && uses(f.target.columns)), [con])
  table.checks = keep(table.checks, (c) => mentions(c.expression, name), [con])
  table.indexes = keep(
    table.indexes,
    (i) => uses(i.include) || i.keys.some((k) => (k.kind === 'column' ? k.columnId === id : mentions(k.sql, name))) || (i.where !== undefined && mentions(i.where, name)),
    [rel],
  )
  table.columns = table.columns.filter((c) => c !== column)
  state.nextvals.delete(id)
  return true
}

export function dropConstraint(ctx: StatementContext, table: DraftTable, name: string, missingOk: boolean): true | string {
  const { state } = ctx
  const rel = state.relations(table.namespaceId)
  const con = state.constraints(table.namespaceId)
  if (table.primaryKey?.name === name) {
    delete table.primaryKey
    rel.delete(name)
  } else if (table.uniques.some((u) => u.name === name)) {
    table.uniques = table.uniques.filter((u) => u.name !== name)
    rel.delete(name)
  } else if (table.checks.some((c) => c.name === name)) {
    table.checks = table.checks.filter((c) => c.name !== name)
  } else if (table.foreignKeys.some((f) => f.name === name)) {
    table.foreignKeys = table.foreignKeys.filter((f) => f.name !== name)
  } else {
    if (missingOk) return `constraint "${name}" does not exist (IF EXISTS)`
    throw new Rejected(`constraint "${name}" of relation "${table.name}" does not exist`)
  }
  con.delete(name)
  return true
}

export function drop(ctx: StatementContext, stmt: DropStmt): Outcome {
  const { state } = ctx
  const cascade = stmt.behavior === 'DROP_CASCADE'
  const missing = (what: string) => {
    if (!stmt.missing_ok) throw new Rejected(`${what} does not exist`)
  }
  let changed = false
  for (const object of stmt.objects ?? []) {
    const parts = as(object, 'List') ? names(as(object, 'List')!.items) : as(object, 'TypeName') ? names(as(object, 'TypeName')!.names) : [as(object, 'String')?.sval ?? '']
    const name = qualified(parts)
    switch (stmt.removeType) {
      case 'OBJECT_TABLE': {
        const table = state.findTable(name)
        if (!table) missing(`table "${name.name}"`)
        else if (!cascade && state.tables.some((t) => t !== table && t.foreignKeys.some((f) => f.target.tableId === table.id)))
          throw new Rejected(`cannot drop table "${name.name}" because foreign keys of other tables depend on it`)
        else (state.removeTable(table), (changed = true))
        break
      }
      case 'OBJECT_INDEX': {
        const found = state.tables
          .filter((t) => state.schemasFor(name).includes(state.nsName(t.namespaceId)))
          .flatMap((t) => t.indexes.filter((i) => i.name === name.name).map((i) => ({ t, i })))[0]
        if (!found) missing(`index "${name.name}"`)
        else {
          found.t.indexes = found.t.indexes.filter((i) => i !== found.i)
          state.relations(found.t.namespaceId).delete(name.name)
          changed = true
        }
        break
      }
      case 'OBJECT_TYPE': {
        const e = state.findEnum(name)
        if (!e) {
          if (state.findOtherType(name) === undefined) missing(`type "${name.name}"`)
          break
        }
        const users = state.tables.flatMap((t) => t.columns.filter((c) => c.type.kind === 'enum' && c.type.enumId === e.id).map((c) => ({ t, c })))
        if (users.length && !cascade) throw new Rejected(`cannot drop type "${e.name}" because column "${users[0]!.c.name}" uses it`)
        for (const u of users) dropColumn(ctx, u.t, u.c.name, false, true)
        state.removeEnum(e)
        changed = true
        break
      }
      case 'OBJECT_SCHEMA': {
        const ns = state.namespace(name.name)
        if (!ns) {
          missing(`schema "${name.name}"`)
          break
        }
        const tables = state.tables.filter((t) => t.namespaceId === ns.id)
        const enums = state.enums.filter((e) => e.namespaceId === ns.id)
        if ((tables.length || enums.length) && !cascade) throw new Rejected(`cannot drop schema "${ns.name}" because other objects depend on it`)
        for (const t of tables) state.removeTable(t)
        for (const e of enums) state.removeEnum(e)
        state.removeNamespace(ns)
        changed = true
        break
      }
      case 'OBJECT_EXTENSION': {
        const i = state.extensions.indexOf(name.name)
        if (i >= 0) (state.extensions.splice(i, 1), state.extensionSchemas.delete(name.name), (changed = true))
        break
      }
      case 'OBJECT_SEQUENCE':
        for (const s of state.schemasFor(name)) state.sequences.delete(`${s}.${name.name}`)
        break
      default:
        for (const s of state.schemasFor(name)) state.otherRelations.delete(`${s}.${name.name}`)
    }
  }
  if (changed) return 'imported'
  const kind = (stmt.removeType ?? '').replace('OBJECT_', '').toLowerCase()
  return ['table', 'index', 'type', 'schema', 'extension'].includes(kind) ? 'ignored' : { skipped: `${kind}s are not part of the model` }
}
