import { describe, expect, it } from 'vitest'
import type { Layout, Schema, TableId } from '@core'
import { findTableByName, renameColumn, renameTable } from '@core'
import { generateDesign } from '../../core/testing/generate.ts'
import { shop } from '../../core/fixtures/shop.ts'
import { col, schema, table } from '../../core/testing/build.ts'
import { handleId, toFlow } from './to-flow.ts'

const noLayout: Layout = { tables: {} }

function tableId(s: Schema, name: string): TableId {
  const t = findTableByName(s, name)
  if (!t) throw new Error(`no table ${name}`)
  return t.id
}

function columnId(s: Schema, qualified: string) {
  const dot = qualified.lastIndexOf('.')
  const t = findTableByName(s, qualified.slice(0, dot))
  const c = t?.columns.find((x) => x.name === qualified.slice(dot + 1))
  if (!c) throw new Error(`no column ${qualified}`)
  return c.id
}

describe('toFlow', () => {
  it('draws one table node per table, labelled with its name and placed from the layout', () => {
    const users = tableId(shop, 'users')
    const { nodes } = toFlow(shop, { tables: { [users]: { x: 40, y: 80 } } })
    expect(nodes.map((n) => n.ariaLabel)).toEqual(['users', 'orders', 'products', 'order_items', 'settings', 'audit_log'])
    expect(nodes.every((n) => n.type === 'table')).toBe(true)
    expect(nodes.find((n) => n.id === users)?.position).toEqual({ x: 40, y: 80 })
  })

  it('lists columns with their types and PK / FK / UQ / NN marks', () => {
    const users = toFlow(shop, noLayout).nodes.find((n) => n.data.name === 'users')!
    const rows = Object.fromEntries(users.data.columns.map((c) => [c.name, c]))
    expect(rows.id).toMatchObject({ type: 'uuid', marks: ['PK'] })
    expect(rows.email).toMatchObject({ type: 'varchar(255)', marks: ['UQ', 'NN'] })
    expect(rows.avatar_url).toMatchObject({ type: 'text', marks: [] })
    const orders = toFlow(shop, noLayout).nodes.find((n) => n.data.name === 'orders')!
    expect(orders.data.columns.find((c) => c.name === 'user_id')).toMatchObject({ marks: ['FK', 'NN'] })
    expect(orders.data.columns.find((c) => c.name === 'total_amount')?.type).toBe('numeric(10,2)')
  })

  it('names enum types and prefixes tables outside public with their schema', () => {
    const s = schema(
      { 'billing.invoices': table({ id: col('integer').primaryKey(), state: col('invoice_state[]').notNull() }) },
      { enums: { 'billing.invoice_state': ['open', 'paid'] } },
    )
    const [node] = toFlow(s, noLayout).nodes
    expect(node?.ariaLabel).toBe('billing.invoices')
    expect(node?.data).toMatchObject({ namespace: 'billing', name: 'invoices' })
    expect(node?.data.columns[1]?.type).toBe('billing.invoice_state[]')
  })

  it('runs an edge from each foreign-key row to the referenced row, with derived crow-foot ends', () => {
    const { edges } = toFlow(shop, noLayout)
    expect(edges).toHaveLength(5)
    const audit = edges.find((e) => e.ariaLabel === 'audit_log.user_id references users.id')!
    expect(audit).toMatchObject({ type: 'relation', source: tableId(shop, 'audit_log'), target: tableId(shop, 'users') })
    // A nullable foreign key makes the parent optional; a non-unique one makes the child "many".
    expect(audit.data).toMatchObject({ parentEnd: 'zero-or-one', childEnd: 'zero-or-many', selfReference: false })
    const order = edges.find((e) => e.ariaLabel === 'orders.user_id references users.id')!
    expect(order.data).toMatchObject({ parentEnd: 'exactly-one', childEnd: 'zero-or-many' })
  })

  it('marks a one-to-one when the foreign key is unique', () => {
    const s = schema({
      users: table({ id: col('integer').primaryKey() }),
      profiles: table({ id: col('integer').primaryKey(), user_id: col('integer').notNull().unique().references('users.id') }),
    })
    const [edge] = toFlow(s, noLayout).edges
    expect(edge?.data).toMatchObject({ parentEnd: 'exactly-one', childEnd: 'zero-or-one' })
  })

  it('connects facing sides of the two tables, whichever stands left', () => {
    const s = schema({
      users: table({ id: col('integer').primaryKey() }),
      posts: table({ id: col('integer').primaryKey(), user_id: col('integer').references('users.id') }),
    })
    const [users, posts] = [tableId(s, 'users'), tableId(s, 'posts')]
    const [from, to] = [columnId(s, 'posts.user_id'), columnId(s, 'users.id')]
    const right = toFlow(s, { tables: { [users]: { x: 0, y: 0 }, [posts]: { x: 500, y: 0 } } }).edges[0]
    expect(right).toMatchObject({ sourceHandle: handleId(from, 'left'), targetHandle: handleId(to, 'right') })
    const left = toFlow(s, { tables: { [users]: { x: 500, y: 0 }, [posts]: { x: 0, y: 0 } } }).edges[0]
    expect(left).toMatchObject({ sourceHandle: handleId(from, 'right'), targetHandle: handleId(to, 'left') })
    const stacked = toFlow(s, { tables: { [users]: { x: 0, y: 0 }, [posts]: { x: 0, y: 400 } } }).edges[0]
    expect(stacked).toMatchObject({ sourceHandle: handleId(from, 'right'), targetHandle: handleId(to, 'right') })
  })

  it('loops a self-reference on the right side of its table', () => {
    const s = schema({ employees: table({ id: col('integer').primaryKey(), manager_id: col('integer').references('employees.id') }) })
    const [edge] = toFlow(s, noLayout).edges
    const employees = tableId(s, 'employees')
    expect(edge).toMatchObject({
      source: employees,
      target: employees,
      sourceHandle: handleId(columnId(s, 'employees.manager_id'), 'right'),
      targetHandle: handleId(columnId(s, 'employees.id'), 'right'),
      data: { selfReference: true, parentEnd: 'zero-or-one' },
    })
  })

  it('skips a foreign key whose table is gone instead of drawing a dangling edge', () => {
    const s = { ...shop, tables: shop.tables.filter((t) => t.name !== 'products') }
    expect(toFlow(s, noLayout).edges.map((e) => e.ariaLabel)).not.toContain('order_items.product_id references products.id')
    expect(toFlow(s, noLayout).edges).toHaveLength(4)
  })

  it('reuses node data for unchanged tables, so moving one table re-renders only that one', () => {
    const users = tableId(shop, 'users')
    const before = toFlow(shop, noLayout).nodes
    const after = toFlow(shop, { tables: { [users]: { x: 10, y: 10 } } }).nodes
    expect(after.map((n) => n.data)).toEqual(before.map((n) => n.data))
    after.forEach((n, i) => expect(n.data).toBe(before[i]?.data))
  })

  it('carries a table colour from the layout onto its node', () => {
    const users = tableId(shop, 'users')
    const [node] = toFlow(shop, { tables: { [users]: { x: 0, y: 0, color: '#10b981' } } }).nodes
    expect(node?.style).toEqual({ '--cf-table-accent': '#10b981' })
  })

  describe('with the previous flow', () => {
    const { schema: big } = generateDesign({ tables: 300, seed: 1 })
    const layout: Layout = { tables: Object.fromEntries(big.tables.map((t, i) => [t.id, { x: (i % 20) * 400, y: Math.floor(i / 20) * 600 }])) }
    const before = toFlow(big, layout)
    // A table that is neither the parent nor the child of any foreign key, and one that is.
    const referenced = new Set(big.tables.flatMap((t) => t.foreignKeys.map((f) => f.target.tableId)))
    const joined = big.tables.find((t) => referenced.has(t.id) && t.foreignKeys.length > 0)!

    it('an edit to one table gives the very same node and edge objects for everything else', () => {
      const col = joined.columns[joined.columns.length - 1]!
      const after = toFlow(renameColumn(big, joined.id, col.id, 'renamed_here'), layout, before)
      expect(after.nodes).toHaveLength(before.nodes.length)
      const changed = after.nodes.filter((n, i) => n !== before.nodes[i])
      expect(changed.map((n) => n.id)).toEqual([joined.id])
      expect(changed[0]!.data.columns.at(-1)?.name).toBe('renamed_here')
      // Edge labels name columns: only edges through the renamed column may change.
      const changedEdges = after.edges.filter((e, i) => e !== before.edges[i])
      for (const e of changedEdges) expect(e.ariaLabel).toContain('renamed_here')
      expect(after.edges.length - changedEdges.length).toBeGreaterThan(after.edges.length / 2)
    })

    it('renaming a table re-creates the edges that name it, and no other node', () => {
      const after = toFlow(renameTable(big, joined.id, 'renamed_table'), layout, before)
      expect(after.nodes.filter((n, i) => n !== before.nodes[i]).map((n) => n.id)).toEqual([joined.id])
      const touching = after.edges.filter((e) => e.source === joined.id || e.target === joined.id)
      expect(touching.length).toBeGreaterThan(0)
      for (const e of after.edges) {
        const old = before.edges.find((b) => b.id === e.id)
        if (touching.includes(e)) expect(e).not.toBe(old)
        else expect(e).toBe(old)
      }
    })

    it('moving one table re-creates only its node, and only the edges whose sides flip', () => {
      const at = layout.tables[joined.id]!
      const moved: Layout = { tables: { ...layout.tables, [joined.id]: { ...at, y: at.y + 40 } } }
      const after = toFlow(big, moved, before)
      expect(after.nodes.filter((n, i) => n !== before.nodes[i]).map((n) => n.id)).toEqual([joined.id])
      expect(after.edges.every((e, i) => e === before.edges[i])).toBe(true)
    })
  })
})
