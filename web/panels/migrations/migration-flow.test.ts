import { describe, expect, it } from 'vitest'
import { addColumn, addEnum, diffSchemas, planMigration, removeTable, renameColumn, renameTable } from '@core'
import { shop } from '../../../core/fixtures/shop.ts'
import { columnNamed, tableNamed } from '../../../core/testing/by-name.ts'
import { countMarks, describeMigration, fileNames, groupChanges, inputFields, lockLabel, markOf, suppliedInputs, transactionLabel } from './migration-flow.ts'

const text = { kind: 'builtin', name: 'text', arrayDims: 0 } as const
const users = tableNamed(shop, 'users')
const orders = tableNamed(shop, 'orders')

describe('the Migrations panel logic', () => {
  it('groups the changes by table under the current name, enums and schemas last', () => {
    let next = renameColumn(shop, users.id, columnNamed(shop, 'users', 'full_name').id, 'display_name')
    next = renameTable(next, orders.id, 'purchases')
    next = addColumn(next, orders.id, { id: 'co_note' as never, name: 'note', type: text, nullable: true })
    next = removeTable(next, tableNamed(shop, 'audit_log').id)
    next = addEnum(next, { name: 'mood', values: [{ id: 'ev_ok' as never, name: 'ok' }] })
    const groups = groupChanges(diffSchemas(shop, next))
    const byTitle = new Map(groups.map((g) => [g.title, g]))
    expect(byTitle.get('users')?.items.map((i) => [i.mark, i.text])).toEqual([['renamed', 'Column "users.full_name" is renamed to "display_name".']])
    expect(byTitle.get('users')?.mark).toBeUndefined()
    expect(byTitle.get('purchases')?.mark).toBe('renamed')
    // The table, and its keys whose implicit names follow the table's.
    expect(new Set(byTitle.get('purchases')?.items.map((i) => i.mark))).toEqual(new Set(['added', 'renamed']))
    expect(byTitle.get('purchases')?.items[0]?.text).toBe('Table "orders" is renamed to "purchases".')
    expect(byTitle.get('audit_log')?.mark).toBe('removed')
    expect(groups.at(-1)?.key).toBe('types')
    expect(groups.at(-1)?.items.map((i) => i.mark)).toEqual(['added'])
    const counts = countMarks(diffSchemas(shop, next))
    expect([counts.added, counts.removed, counts.changed]).toEqual([2, 1, 0])
    expect(counts.renamed).toBeGreaterThanOrEqual(2)
  })

  it('asks for each value once, saying which migrations need it', () => {
    const up = [{ changeId: 'columnAdded:co_1', kind: 'backfill', prompt: 'A value for "t.a"' }, { changeId: 'columnRetyped:co_2', kind: 'using', prompt: 'p', suggestion: 'x::int' }] as const
    const down = [{ changeId: 'columnRetyped:co_2', kind: 'using', prompt: 'p' }, { changeId: 'columnRemoved:co_1', kind: 'backfill', prompt: 'q' }] as const
    expect(inputFields(up, down).map((f) => [f.changeId, f.direction, f.suggestion])).toEqual([
      ['columnAdded:co_1', 'up', undefined],
      ['columnRetyped:co_2', 'both', 'x::int'],
      ['columnRemoved:co_1', 'down', undefined],
    ])
    expect(suppliedInputs({ a: " 'x' ", b: '   ', c: '0' })).toEqual({ a: "'x'", c: '0' })
  })

  it('says how a step runs', () => {
    const next = addColumn(shop, orders.id, { id: 'co_note' as never, name: 'note', type: text, nullable: true })
    const [step] = planMigration(shop, next).steps
    expect(transactionLabel(step!)).toBe('In a transaction')
    expect(lockLabel(step!)).toBe('ACCESS EXCLUSIVE lock')
    expect(markOf(diffSchemas(shop, next)[0]!)).toBe('added')
  })

  it('names the files after the first change, as the seeds ask', () => {
    const next = renameColumn(shop, users.id, columnNamed(shop, 'users', 'full_name').id, 'display_name')
    const description = describeMigration(diffSchemas(shop, next))
    expect(description).toBe('rename users full_name to display_name')
    expect(fileNames(new Date('2026-12-02T20:31:05Z'), description)).toEqual({
      up: '20261202203105_rename_users_full_name_to_display_name.up.sql',
      down: '20261202203105_rename_users_full_name_to_display_name.down.sql',
      stem: '20261202203105_rename_users_full_name_to_display_name',
    })
    expect(describeMigration([])).toBe('no changes')
  })
})
