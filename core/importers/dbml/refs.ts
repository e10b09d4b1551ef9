/**
 * DBML refs as foreign keys. The `1` end is referenced and the `*` end holds the key
 * (`Ref: orders.user_id > users.id`). A one-to-one ref (`-`) says nothing about which side holds
 * the key, and files use it loosely (`application.githubId - github.githubId`): the side whose
 * columns are its table's primary key (else a unique key) is referenced, ties going to the left
 * end as `@dbml/core`'s own exporter does. The key side gets no UNIQUE that the file did not
 * write; when it lacks one the relationship reads as one-to-many, and the importer says so.
 * A many-to-many ref (`<>`) becomes the join table `@dbml/core`'s exporter would create.
 */
import type { ColumnId, NamespaceId } from '../../model/ids.ts'
import type { Column, FkAction, ForeignKey, Table } from '../../model/schema.ts'
import { isUniqueColumnSet } from '../../model/relationships.ts'
import { storageTypeName } from '../../model/types.ts'
import { tableKey } from './build.ts'
import type { BuildState, Mutable } from './build.ts'
import type { RawEndpoint, RawRef } from './raw.ts'

const actions: Record<string, FkAction> = { cascade: 'cascade', restrict: 'restrict', 'set null': 'set null', 'set default': 'set default', 'no action': 'no action' }

interface End {
  readonly raw: RawEndpoint
  readonly table: Mutable<Table>
  readonly columns: readonly Column[]
}

export function buildRefs(state: BuildState, refs: readonly RawRef[], namespaceName: (id: NamespaceId) => string): Table[] {
  const joinTables: Table[] = []
  const joinNames = new Set<string>()
  for (const ref of refs) {
    const ends = ref.endpoints.map((e) => resolveEnd(state, e))
    if (!ends[0] || !ends[1]) continue
    let [a, b] = ends as [End, End]
    if (a.raw.relation === '*' && b.raw.relation === '*') {
      joinTables.push(joinTable(state, a, b, joinNames, namespaceName))
      state.report('info', 'dbml-many-to-many', `The many-to-many ref between "${a.table.name}" and "${b.table.name}" became the join table "${joinTables.at(-1)!.name}", as @dbml/core exports it.`, ref.token)
      continue
    }
    // From here `a` holds the key and `b` is referenced.
    if (a.raw.relation === '1' && b.raw.relation === '*') [a, b] = [b, a]
    else if (a.raw.relation === '1' && b.raw.relation === '1') {
      if (rank(a) > rank(b)) [a, b] = [b, a]
      else if (rank(a) === rank(b)) [a, b] = [b, a] // the left end is referenced
      if (!isUniqueColumnSet(a.table, a.columns.map((c) => c.id)))
        state.report(
          'info',
          'dbml-one-to-one',
          `This ref says one-to-one, but ${label(a)} is not unique, so the foreign key reads as many-to-one; add [unique] (or [pk]) there to make it one-to-one.`,
          ref.token,
        )
    }
    if (a.columns.length !== b.columns.length) {
      state.report('error', 'dbml-ref', `This ref pairs ${a.columns.length} column(s) with ${b.columns.length}.`, ref.token)
      continue
    }
    if (!isUniqueColumnSet(b.table, b.columns.map((c) => c.id)))
      state.report(
        'warning',
        'dbml-ref-target',
        `${label(b)} is not a primary key or unique, so PostgreSQL cannot enforce this ref as a foreign key (the PostgreSQL export will leave it out); add [pk] or [unique] there.`,
        ref.token,
      )
    const action = (s: string | undefined) => (s ? actions[s.toLowerCase()] : undefined)
    const onDelete = action(ref.onDelete)
    const onUpdate = action(ref.onUpdate)
    const fk: ForeignKey = {
      kind: 'foreignKey',
      id: state.ids.next('constraint'),
      ...(ref.name ? { name: ref.name } : {}),
      columns: a.columns.map((c) => c.id),
      target: { tableId: b.table.id, columns: b.columns.map((c) => c.id) },
      ...(onDelete ? { onDelete } : {}),
      ...(onUpdate ? { onUpdate } : {}),
    }
    a.table.foreignKeys = [...a.table.foreignKeys, fk]
  }
  return joinTables
}

function resolveEnd(state: BuildState, e: RawEndpoint): End | undefined {
  const table = state.tables.get(tableKey(e.schemaName, e.tableName))
  // @dbml/core checks refs before we see them; this only guards against its version changing.
  if (!table) return void state.report('error', 'dbml-ref', `Table "${e.tableName}" of this ref does not exist.`, e.token)
  const columns: Column[] = []
  for (const name of e.fieldNames) {
    const c = table.columns.find((x) => x.name === name)
    if (!c) return void state.report('error', 'dbml-ref', `Column "${e.tableName}.${name}" of this ref does not exist.`, e.token)
    columns.push(c)
  }
  return { raw: e, table, columns }
}

function rank(end: End): number {
  const ids: ColumnId[] = end.columns.map((c) => c.id)
  const pk = end.table.primaryKey?.columns
  if (pk && pk.length === ids.length && pk.every((c) => ids.includes(c))) return 2
  return isUniqueColumnSet(end.table, ids) ? 1 : 0
}

const label = (e: End) => `${e.table.name}(${e.columns.map((c) => c.name).join(', ')})`

function joinTable(state: BuildState, a: End, b: End, names: Set<string>, namespaceName: (id: NamespaceId) => string): Table {
  let name = `${a.table.name}_${b.table.name}`
  const taken = (n: string) => names.has(n) || state.tables.has(tableKey(namespaceName(a.table.namespaceId), n))
  for (let i = 1; taken(name); i++) name = `${a.table.name}_${b.table.name}(${i})`
  names.add(name)
  const columns: Column[] = []
  const used = new Set<string>()
  const side = (end: End) =>
    end.columns.map((c) => {
      let n = `${end.table.name}_${c.name}`
      for (let i = 1; used.has(n); i++) n = `${end.table.name}_${c.name}(${i})`
      used.add(n)
      const type = c.type.kind === 'builtin' ? { ...c.type, name: storageTypeName(c.type) as typeof c.type.name } : c.type
      const col: Column = { id: state.ids.next('column'), name: n, type, nullable: false }
      columns.push(col)
      return col
    })
  const fromA = side(a)
  const fromB = side(b)
  const fk = (cols: Column[], end: End): ForeignKey => ({
    kind: 'foreignKey',
    id: state.ids.next('constraint'),
    columns: cols.map((c) => c.id),
    target: { tableId: end.table.id, columns: end.columns.map((c) => c.id) },
  })
  return {
    id: state.ids.next('table'),
    namespaceId: a.table.namespaceId,
    name,
    columns,
    primaryKey: { kind: 'primaryKey', id: state.ids.next('constraint'), columns: columns.map((c) => c.id) },
    uniques: [],
    checks: [],
    foreignKeys: [fk(fromA, a), fk(fromB, b)],
    indexes: [],
  }
}
