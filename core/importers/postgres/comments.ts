/** COMMENT ON SCHEMA, TABLE, COLUMN, TYPE (enums), CONSTRAINT and INDEX; IS NULL or '' removes one. */
import type { CommentStmt } from 'libpg-query'
import { as, names, qualified } from './ast.ts'
import type { Outcome } from './outcome.ts'
import type { StatementContext } from './state.ts'
import { Rejected } from './state.ts'

function set(obj: { comment?: string }, text: string | undefined): void {
  // PostgreSQL stores no comment for an empty one.
  if (text === undefined || text === '') delete obj.comment
  else obj.comment = text
}

export function comment(ctx: StatementContext, stmt: CommentStmt): Outcome {
  const { state } = ctx
  const parts = as(stmt.object, 'List') ? names(as(stmt.object, 'List')!.items) : as(stmt.object, 'TypeName') ? names(as(stmt.object, 'TypeName')!.names) : [as(stmt.object, 'String')?.sval ?? '']
  const text = stmt.comment
  const tableOf = (p: string[]) => {
    const name = qualified(p)
    const table = state.findTable(name)
    if (!table && !state.findOtherRelation(name)) throw new Rejected(`relation "${name.name}" does not exist`)
    return table
  }
  switch (stmt.objtype) {
    case 'OBJECT_SCHEMA': {
      const ns = state.namespace(parts[0]!)
      if (!ns) throw new Rejected(`schema "${parts[0]}" does not exist`)
      set(ns, text)
      return 'imported'
    }
    case 'OBJECT_TABLE': {
      const table = tableOf(parts)
      if (!table) return { skipped: `"${parts[parts.length - 1]}" is not a table of the model` }
      set(table, text)
      return 'imported'
    }
    case 'OBJECT_COLUMN': {
      const column = parts.pop()!
      const table = tableOf(parts)
      if (!table) return { skipped: `"${parts[parts.length - 1]}" is not a table of the model` }
      const c = table.columns.find((x) => x.name === column)
      if (!c) throw new Rejected(`column "${column}" of relation "${table.name}" does not exist`)
      set(c, text)
      return 'imported'
    }
    case 'OBJECT_TYPE': {
      const e = state.findEnum(qualified(parts))
      if (!e) return { skipped: `"${parts[parts.length - 1]}" is not an enum of the model` }
      set(e, text)
      return 'imported'
    }
    case 'OBJECT_TABCONSTRAINT': {
      const name = parts.pop()!
      const table = tableOf(parts)
      if (!table) return { skipped: `"${parts[parts.length - 1]}" is not a table of the model` }
      const c = [...(table.primaryKey ? [table.primaryKey] : []), ...table.uniques, ...table.checks, ...table.foreignKeys].find((x) => x.name === name)
      if (!c) return { skipped: `constraint "${name}" is not part of the model` }
      set(c, text)
      return 'imported'
    }
    case 'OBJECT_INDEX': {
      const name = qualified(parts)
      for (const table of state.tables) {
        if (!state.schemasFor(name).includes(state.nsName(table.namespaceId))) continue
        const index = table.indexes.find((i) => i.name === name.name)
        if (index) {
          set(index, text)
          return 'imported'
        }
        if (table.primaryKey?.name === name.name || table.uniques.some((u) => u.name === name.name))
          return { skipped: `"${name.name}" is the index of a key; the model keeps comments on the constraint` }
      }
      return { skipped: `index "${name.name}" is not part of the model` }
    }
    default:
      return { skipped: `comments on ${(stmt.objtype ?? '').replace('OBJECT_', '').toLowerCase().replace('_', ' ')}s are not part of the model` }
  }
}
