import { updateConstraint } from '../model/edits.ts'
import type { TableId } from '../model/ids.ts'
import type { ForeignKey, Schema, Table } from '../model/schema.ts'
import { defineRule, docsPath } from './define-rule.ts'
import { columnsOf } from './utils/model.ts'

/**
 * When NOT NULL, non-deferrable foreign keys form a cycle (a NOT NULL self-reference included),
 * no first row can be inserted: each needs the other to exist. One deferrable key (checked at
 * commit) or one nullable column breaks it. Found with Tarjan's strongly connected components,
 * linear in tables plus keys: enumerating paths explodes on long FK chains (drawDB's failure).
 */
export default defineRule({
  meta: {
    id: 'fk-cycle',
    category: 'relationships',
    scope: 'model',
    severity: 'warning',
    granularity: 'schema',
    description: 'A cycle of NOT NULL foreign keys (including a NOT NULL self-reference) needs DEFERRABLE or a nullable column.',
    messages: {
      cycle: 'Tables {{tables}} reference each other through NOT NULL foreign keys, so no first row can be inserted; make one of those keys DEFERRABLE INITIALLY DEFERRED or its column nullable.',
      selfCycle: '"{{table}}" references itself through NOT NULL foreign key "{{name}}", so the first row cannot be inserted; make the column nullable or the key DEFERRABLE INITIALLY DEFERRED.',
    },
    docs: docsPath('fk-cycle'),
  },
  check(schema, ctx) {
    const edges = new Map<TableId, Array<[ForeignKey, TableId]>>()
    let key = ''
    for (const t of schema.tables) {
      const out: Array<[ForeignKey, TableId]> = []
      for (const fk of t.foreignKeys) if (blocking(t, fk) && ctx.index.tables.has(fk.target.tableId)) out.push([fk, fk.target.tableId])
      if (out.length === 0) continue
      edges.set(t.id, out)
      key += t.id + '>' + out.map((e) => e[1]).join(',') + ';'
    }
    // Most edits leave the blocking edges alone: then the components are the last run's.
    if (memo?.key !== key) memo = { key, components: stronglyConnected(schema, edges).map((c) => c.map((t) => t.id)) }
    for (const ids of memo.components) {
      const component = ids.map((id) => ctx.index.tables.get(id)!)
      const members = new Set(component.map((t) => t.id))
      const inCycle: Array<[Table, ForeignKey]> = []
      for (const t of component) for (const [fk, to] of edges.get(t.id) ?? []) if (members.has(to)) inCycle.push([t, fk])
      if (inCycle.length === 0) continue
      const first = component[0]!
      const fixes = [
        {
          title: inCycle.length > 1 ? `Make the ${inCycle.length} keys of the cycle DEFERRABLE INITIALLY DEFERRED` : 'Make the key DEFERRABLE INITIALLY DEFERRED',
          apply: (s: Schema) => inCycle.reduce((acc, [t, fk]) => updateConstraint(acc, t.id, fk.id, { deferrable: 'initially deferred' }), s),
        },
      ]
      if (component.length === 1) {
        ctx.report({ messageId: 'selfCycle', target: { table: first, constraint: inCycle[0]![1] }, data: { table: first.name, name: ctx.names.constraints.get(inCycle[0]![1].id) ?? '' }, fixes })
      } else {
        const names = component.map((t) => `"${t.name}"`)
        const tables = names.length > 6 ? `${names.slice(0, 6).join(', ')} and ${names.length - 6} more` : names.join(', ')
        ctx.report({ messageId: 'cycle', target: { table: first }, data: { tables }, fixes })
      }
    }
  },
})

function blocking(t: Table, fk: ForeignKey): boolean {
  if (fk.deferrable === 'initially deferred' || fk.deferrable === 'initially immediate') return false
  const cols = columnsOf(t, fk.columns)
  return cols.length === fk.columns.length && cols.every((c) => !c.nullable)
}

let memo: { key: string; components: TableId[][] } | undefined

/** Tarjan's algorithm, iterative (a 1,000-table chain must not overflow the stack). */
function stronglyConnected(schema: Schema, edges: ReadonlyMap<TableId, ReadonlyArray<[ForeignKey, TableId]>>): Table[][] {
  const byId = new Map(schema.tables.map((t) => [t.id, t]))
  const position = new Map(schema.tables.map((t, k) => [t.id, k]))
  const order = new Map<TableId, number>()
  const low = new Map<TableId, number>()
  const onStack = new Set<TableId>()
  const stack: TableId[] = []
  const result: Table[][] = []
  let counter = 0
  for (const root of schema.tables) {
    if (order.has(root.id) || !edges.has(root.id)) continue
    const work: Array<[TableId, number]> = [[root.id, 0]]
    order.set(root.id, counter)
    low.set(root.id, counter++)
    stack.push(root.id)
    onStack.add(root.id)
    while (work.length > 0) {
      const frame = work[work.length - 1]!
      const [v, i] = frame
      const out = edges.get(v) ?? []
      if (i < out.length) {
        frame[1]++
        const w = out[i]![1]
        if (!order.has(w)) {
          order.set(w, counter)
          low.set(w, counter++)
          stack.push(w)
          onStack.add(w)
          work.push([w, 0])
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!))
        continue
      }
      work.pop()
      if (work.length > 0) {
        const parent = work[work.length - 1]![0]
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!))
      }
      if (low.get(v) === order.get(v)) {
        const component: Table[] = []
        let w: TableId
        do {
          w = stack.pop()!
          onStack.delete(w)
          component.push(byId.get(w)!)
        } while (w !== v)
        if (component.length > 1) component.sort((a, b) => position.get(a.id)! - position.get(b.id)!)
        result.push(component)
      }
    }
  }
  return result
}
