/** CREATE TYPE ... AS ENUM and ALTER TYPE ... ADD VALUE [BEFORE | AFTER] / RENAME VALUE. */
import type { AlterEnumStmt, CreateEnumStmt } from 'libpg-query'
import { names, qualified } from './ast.ts'
import type { Outcome } from './outcome.ts'
import type { StatementContext } from './state.ts'
import { Rejected } from './state.ts'

export function createEnum(ctx: StatementContext, stmt: CreateEnumStmt): Outcome {
  const { state } = ctx
  const name = qualified(names(stmt.typeName))
  const ns = state.creationNamespace(name.schema)
  if (state.findEnum({ schema: ns.name, name: name.name }) || state.otherTypes.has(`${ns.name}.${name.name}`) || state.relations(ns.id).has(name.name))
    throw new Rejected(`type "${name.name}" already exists`)
  const values = names(stmt.vals)
  const seen = new Set<string>()
  for (const v of values) {
    if (seen.has(v)) throw new Rejected(`enum label "${v}" used more than once`)
    seen.add(v)
  }
  state.addEnum({ id: state.ids.next('enum'), namespaceId: ns.id, name: name.name, values: values.map((v) => ({ id: state.ids.next('enumValue'), name: v })) })
  return 'imported'
}

export function alterEnum(ctx: StatementContext, stmt: AlterEnumStmt): Outcome {
  const { state } = ctx
  const name = qualified(names(stmt.typeName))
  const e = state.findEnum(name)
  if (!e) {
    if (state.findOtherType(name) !== undefined) return { skipped: `"${name.name}" is not an enum of the model` }
    throw new Rejected(`type "${name.name}" does not exist`)
  }
  const newVal = stmt.newVal ?? ''
  if (stmt.oldVal !== undefined) {
    const v = e.values.find((x) => x.name === stmt.oldVal)
    if (!v) throw new Rejected(`"${stmt.oldVal}" is not an existing enum label`)
    if (e.values.some((x) => x.name === newVal)) throw new Rejected(`enum label "${newVal}" already exists`)
    e.values = e.values.map((x) => (x === v ? { ...x, name: newVal } : x))
    return 'imported'
  }
  if (e.values.some((x) => x.name === newVal)) {
    if (stmt.skipIfNewValExists) return { skipped: `enum label "${newVal}" already exists (IF NOT EXISTS)` }
    throw new Rejected(`enum label "${newVal}" already exists`)
  }
  let at = e.values.length
  if (stmt.newValNeighbor !== undefined) {
    const i = e.values.findIndex((x) => x.name === stmt.newValNeighbor)
    if (i < 0) throw new Rejected(`"${stmt.newValNeighbor}" is not an existing enum label`)
    at = stmt.newValIsAfter ? i + 1 : i
  }
  e.values = [...e.values.slice(0, at), { id: state.ids.next('enumValue'), name: newVal }, ...e.values.slice(at)]
  return 'imported'
}
