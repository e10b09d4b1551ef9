/**
 * The JSON that `@dbml/core`'s DBML compiler produces (`Parser.parseDBMLToJSONv2`), typed as far
 * as we read it. We stop there rather than let `@dbml/core` build its own object model: that step
 * costs as much again as compiling (6 s of the 15 s for the 1,010-table corpus file) and adds
 * nothing we need except table partials, which `expandPartials` applies the same way.
 */

export interface RawToken {
  readonly start: { readonly line: number; readonly column: number; readonly offset: number }
  readonly end: { readonly line: number; readonly column: number; readonly offset: number }
}

export interface RawNote {
  readonly value: string
  readonly token?: RawToken
}

export interface RawType {
  readonly schemaName: string | null
  readonly type_name: string
  readonly args: string | null
}

export interface RawInlineRef {
  readonly schemaName: string | null
  readonly tableName: string
  readonly fieldNames: readonly string[]
  readonly relation: string
  readonly token?: RawToken
}

export interface RawField {
  readonly name: string
  readonly type: RawType
  readonly pk?: boolean
  readonly unique?: boolean
  readonly not_null?: boolean
  readonly increment?: boolean
  readonly note?: RawNote
  readonly dbdefault?: { readonly type: 'string' | 'number' | 'boolean' | 'expression'; readonly value: string | number }
  readonly checks?: ReadonlyArray<{ readonly expression: string; readonly name?: string; readonly token?: RawToken }>
  readonly inline_refs?: readonly RawInlineRef[]
  readonly token?: RawToken
}

export interface RawIndex {
  readonly columns: ReadonlyArray<{ readonly type: 'column' | 'expression' | string; readonly value: string; readonly token?: RawToken }>
  readonly pk?: boolean
  readonly unique?: boolean
  readonly name?: string
  readonly type?: string
  readonly note?: RawNote
  readonly token?: RawToken
}

export interface RawCheck {
  readonly expression: string
  readonly name?: string
  readonly token?: RawToken
}

export interface RawTable {
  readonly name: string
  readonly schemaName: string | null
  readonly fields: readonly RawField[]
  readonly indexes: readonly RawIndex[]
  readonly checks?: readonly RawCheck[]
  readonly partials?: ReadonlyArray<{ readonly order: number; readonly name: string; readonly token?: RawToken }>
  readonly note?: RawNote
  readonly headerColor?: string
  readonly token?: RawToken
}

export interface RawPartial {
  readonly name: string
  readonly fields: readonly RawField[]
  readonly indexes: readonly RawIndex[]
  readonly checks?: readonly RawCheck[]
  readonly note?: RawNote
}

export interface RawEndpoint {
  readonly schemaName: string | null
  readonly tableName: string
  readonly fieldNames: readonly string[]
  readonly relation: '1' | '*' | string
  readonly token?: RawToken
}

export interface RawRef {
  readonly name: string | null
  readonly endpoints: readonly [RawEndpoint, RawEndpoint]
  readonly onDelete?: string
  readonly onUpdate?: string
  readonly token?: RawToken
}

export interface RawEnum {
  readonly name: string
  readonly schemaName: string | null
  readonly values: ReadonlyArray<{ readonly name: string; readonly note?: RawNote; readonly token?: RawToken }>
  readonly note?: RawNote
  readonly token?: RawToken
}

export interface RawTableGroup {
  readonly name: string
  readonly tables: ReadonlyArray<{ readonly name: string; readonly schemaName: string | null }>
  readonly color?: string
  readonly note?: RawNote
  readonly token?: RawToken
}

export interface RawDatabase {
  readonly tables: readonly RawTable[]
  readonly refs: readonly RawRef[]
  readonly enums: readonly RawEnum[]
  readonly tableGroups: readonly RawTableGroup[]
  readonly tablePartials?: readonly RawPartial[]
  readonly notes?: ReadonlyArray<{ readonly name: string; readonly token?: RawToken }>
  readonly records?: ReadonlyArray<{ readonly tableName: string; readonly token?: RawToken }>
  readonly project?: { readonly name?: string; readonly database_type?: string; readonly note?: RawNote; readonly token?: RawToken }
}

// DBML's relation symbols as the cardinality of (this field, the referenced field).
const symbols: Record<string, ['1' | '*', '1' | '*']> = { '>': ['*', '1'], '<': ['1', '*'], '-': ['1', '1'], '<>': ['*', '*'] }

/**
 * Table partials (`~base`) inlined into their tables as `@dbml/core` does it: the partial's fields
 * go where the `~base` line stands unless the table has a field of that name; its indexes and
 * checks are added (checks named `table.check`); the table's own note wins. Inline refs of the
 * injected fields become refs.
 */
export function expandPartials(db: RawDatabase): RawDatabase {
  const partials = new Map((db.tablePartials ?? []).map((p) => [p.name, p]))
  if (partials.size === 0) return db
  const refs = [...db.refs]
  const tables = db.tables.map((t) => {
    if (!t.partials?.length) return t
    const own = new Set(t.fields.map((f) => f.name))
    // `order` counts the `~` lines among the fields: place a slot for each, then fill the slots
    // from the last `~` to the first, so that a later partial wins a field name over an earlier one.
    const fields: Array<RawField | RawField[]> = [...t.fields]
    const uses = [...t.partials].sort((a, b) => a.order - b.order)
    for (const use of uses) fields.splice(use.order, 0, [])
    const indexes = [...t.indexes]
    const checks = [...(t.checks ?? [])]
    let note = t.note
    for (const use of uses.reverse()) {
      const p = partials.get(use.name)
      if (!p) continue
      const injected = p.fields.filter((f) => !own.has(f.name))
      for (const f of injected) own.add(f.name)
      fields[use.order] = injected
      indexes.push(...p.indexes)
      checks.push(...(p.checks ?? []).map((c) => (c.name ? { ...c, name: `${t.name}.${c.name}` } : c)))
      note ??= p.note
      for (const f of injected)
        for (const r of f.inline_refs ?? []) {
          const [mine, theirs] = symbols[r.relation] ?? ['*', '*']
          refs.push({
            name: null,
            endpoints: [
              { schemaName: t.schemaName, tableName: t.name, fieldNames: [f.name], relation: mine, ...(f.token ? { token: f.token } : {}) },
              { schemaName: r.schemaName, tableName: r.tableName, fieldNames: r.fieldNames, relation: theirs, ...(r.token ? { token: r.token } : {}) },
            ],
            ...(f.token ? { token: f.token } : {}),
          })
        }
    }
    return { ...t, fields: fields.flat(), indexes, checks, ...(note ? { note } : {}) }
  })
  return { ...db, tables, refs }
}
