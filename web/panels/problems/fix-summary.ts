/**
 * What a quick fix renamed, in words. Renames reach further than the object on screen (foreign
 * keys follow a renamed table, code that uses the old name breaks), so the app says what it did
 * and offers Undo. Objects are matched by id, so a rename is never confused with drop + add.
 */
import type { Constraint, Schema, Table } from '@core'

export interface Rename {
  readonly kind: 'table' | 'column' | 'constraint' | 'index' | 'enum' | 'enum value' | 'schema'
  readonly from: string
  readonly to: string
}

function constraintsOf(t: Table): Constraint[] {
  return [...(t.primaryKey ? [t.primaryKey] : []), ...t.uniques, ...t.checks, ...t.foreignKeys]
}

function compareNamed<T extends { readonly id: string; readonly name?: string | undefined }>(
  kind: Rename['kind'],
  before: readonly T[],
  after: readonly T[],
  out: Rename[],
) {
  if (before === after) return
  const old = new Map(before.map((x) => [x.id, x]))
  for (const x of after) {
    const was = old.get(x.id)
    // Only names the user can see change: an unnamed constraint has no name of its own to lose.
    if (was && was !== x && was.name && x.name && was.name !== x.name) out.push({ kind, from: was.name, to: x.name })
  }
}

/** The renames between two versions of a design, tables first. Unchanged objects cost nothing. */
export function findRenames(before: Schema, after: Schema): Rename[] {
  const out: Rename[] = []
  compareNamed('schema', before.namespaces, after.namespaces, out)
  if (before.tables !== after.tables) {
    const old = new Map(before.tables.map((t) => [t.id, t]))
    const nested: Rename[] = []
    for (const t of after.tables) {
      const was = old.get(t.id)
      if (!was || was === t) continue
      if (was.name !== t.name) out.push({ kind: 'table', from: was.name, to: t.name })
      compareNamed('column', was.columns, t.columns, nested)
      compareNamed('constraint', constraintsOf(was), constraintsOf(t), nested)
      compareNamed('index', was.indexes, t.indexes, nested)
    }
    out.push(...nested)
  }
  if (before.enums !== after.enums) {
    compareNamed('enum', before.enums, after.enums, out)
    const old = new Map(before.enums.map((e) => [e.id, e]))
    for (const e of after.enums) {
      const was = old.get(e.id)
      if (was && was !== e) compareNamed('enum value', was.values, e.values, out)
    }
  }
  return out
}

/** One sentence for a notice: 'Renamed table "audit_log" to "audit_logs" and 2 other names.' */
export function describeRenames(renames: readonly Rename[]): string | undefined {
  const first = renames[0]
  if (!first) return undefined
  const rest = renames.length - 1
  const more = rest === 0 ? '' : rest === 1 ? ' and 1 other name' : ` and ${rest} other names`
  return `Renamed ${first.kind} "${first.from}" to "${first.to}"${more}.`
}
