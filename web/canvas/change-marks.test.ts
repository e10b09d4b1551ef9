import { describe, expect, it } from 'vitest'
import { addColumn, addTable, diffSchemas, removeTable, renameColumn, renameTable, setColumnType } from '@core'
import { shop } from '../../core/fixtures/shop.ts'
import { shopRelease } from '../../core/fixtures/shop-release.ts'
import { columnNamed, tableNamed } from '../../core/testing/by-name.ts'
import { changeMarks, changeMarksStore, clearChangeMarks, ghostNodes, marksByTable, showChangeMarks } from './change-marks.ts'

const text = { kind: 'builtin', name: 'text', arrayDims: 0 } as const

describe('changeMarks', () => {
  it('marks a renamed column as renamed, not as removed and added', () => {
    const users = tableNamed(shop, 'users')
    const col = columnNamed(shop, 'users', 'full_name')
    const marks = changeMarks(diffSchemas(shop, renameColumn(shop, users.id, col.id, 'display_name')))
    expect(marks.columns.get(col.id)).toBe('renamed')
    expect(marks.columns.size).toBe(1)
    expect(marks.tables.get(users.id)).toBe('changed')
    expect(marks.removedTables).toEqual([])
  })

  it('marks added, removed, renamed and changed objects apart, the strongest mark winning', () => {
    const users = tableNamed(shop, 'users')
    const orders = tableNamed(shop, 'orders')
    const auditLog = tableNamed(shop, 'audit_log')
    const name = columnNamed(shop, 'users', 'full_name')
    let next = renameTable(shop, orders.id, 'purchases')
    next = removeTable(next, auditLog.id)
    next = addTable(next, { id: 'tb_new' as never, name: 'coupons', columns: [] })
    next = addColumn(next, users.id, { id: 'co_note' as never, name: 'note', type: text, nullable: false })
    // Renamed and retyped: the rename is what a reader must notice.
    next = renameColumn(next, users.id, name.id, 'display_name')
    next = setColumnType(next, users.id, name.id, text)
    const marks = changeMarks(diffSchemas(shop, next))
    expect(marks.tables.get(orders.id)).toBe('renamed')
    expect(marks.tables.get(auditLog.id)).toBe('removed')
    expect(marks.tables.get('tb_new')).toBe('added')
    expect(marks.tables.get(users.id)).toBe('changed')
    expect(marks.columns.get('co_note')).toBe('added')
    expect(marks.columns.get(name.id)).toBe('renamed')
    expect(marks.removedTables.map((t) => t.name)).toEqual(['audit_log'])
    // The removed table's columns are not marked one by one: the table says it.
    for (const c of auditLog.columns) expect(marks.columns.has(c.id)).toBe(false)
  })

  it('marks a table whose keys or indexes changed, and nothing when nothing changed', () => {
    const marks = changeMarks(diffSchemas(shop, shopRelease))
    expect(marks.tables.get(tableNamed(shop, 'orders').id)).toBe('changed')
    const none = changeMarks(diffSchemas(shop, shop))
    expect([none.tables.size, none.columns.size, none.removedTables.length]).toEqual([0, 0, 0])
  })
})

describe('marksByTable and the store', () => {
  it('gives each node one entry, and unmarked nodes a shared empty one', () => {
    const users = tableNamed(shop, 'users')
    const col = columnNamed(shop, 'users', 'full_name')
    const next = renameColumn(shop, users.id, col.id, 'display_name')
    const changes = diffSchemas(shop, next)
    const byTable = marksByTable(changeMarks(changes), next)
    expect([...byTable.keys()]).toEqual([users.id])
    expect(byTable.get(users.id)?.columns.get(col.id)).toBe('renamed')

    showChangeMarks(changes, shop, next)
    expect(changeMarksStore.getState().byTable.get(users.id)?.table).toBe('changed')
    clearChangeMarks()
    expect(changeMarksStore.getState().marks).toBeUndefined()
    expect(changeMarksStore.getState().byTable.size).toBe(0)
  })

  it('draws removed tables as ghosts below the design, not selectable, not draggable', () => {
    const auditLog = tableNamed(shop, 'audit_log')
    const next = removeTable(shop, auditLog.id)
    const layout = { tables: Object.fromEntries(next.tables.map((t, i) => [t.id, { x: i * 300, y: 0 }])) }
    const ghosts = ghostNodes(changeMarks(diffSchemas(shop, next)).removedTables, shop, next, layout)
    expect(ghosts).toHaveLength(1)
    const [ghost] = ghosts
    expect(ghost!.id).toBe(`ghost:${auditLog.id}`)
    expect(ghost!.data.tableId).toBe(auditLog.id)
    expect(ghost!.data.columns.map((c) => c.name)).toEqual(auditLog.columns.map((c) => c.name))
    expect([ghost!.selectable, ghost!.draggable]).toEqual([false, false])
    expect(ghost!.ariaLabel).toBe('audit_log (removed)')
    expect(ghost!.position.y).toBeGreaterThan(0)
  })
})
