import { describe, expect, it } from 'vitest'
import { findTableByName, relationshipOf } from '@core'
import { col, schema, table } from '../../../../core/testing/build.ts'
import { pairSummary, pairsForTarget, relationshipInWords } from './fk-pairs.ts'

const s = schema({
  users: table({ id: col('uuid').primaryKey() }),
  teams: table({ id: col('integer').primaryKey() }),
  tags: table({ label: col('text') }),
  orders: table({ id: col('uuid').primaryKey(), user_id: col('uuid').references('users.id'), team_id: col('integer') }),
})
const orders = findTableByName(s, 'orders')!
const fk = orders.foreignKeys[0]!

describe('foreign key pairs', () => {
  it('summarises the pairs', () => {
    expect(pairSummary(orders, fk, findTableByName(s, 'users'))).toBe('user_id → users.id')
  })

  it('pairs a new parent key with the column its name suggests', () => {
    const teams = findTableByName(s, 'teams')!
    const team = orders.columns.find((c) => c.name === 'team_id')!
    expect(pairsForTarget(orders, fk, teams)).toEqual({ columns: [team.id], target: { tableId: teams.id, columns: teams.primaryKey!.columns } })
  })

  it('keeps the current column when no name matches, and uses the first column of a table without a key', () => {
    const tags = findTableByName(s, 'tags')!
    expect(pairsForTarget(orders, fk, tags)).toEqual({ columns: fk.columns, target: { tableId: tags.id, columns: [tags.columns[0]!.id] } })
  })
})

describe('relationship in words', () => {
  it('reads the crow feet aloud', () => {
    const d = schema({
      users: table({ id: col('uuid').primaryKey() }),
      orders: table({ id: col('uuid').primaryKey(), user_id: col('uuid').notNull().references('users.id') }),
      passports: table({ id: col('uuid').primaryKey(), user_id: col('uuid').unique().references('users.id') }),
      staff: table({ id: col('uuid').primaryKey(), manager_id: col('uuid').references('staff.id') }),
    })
    const words = (name: string) => {
      const t = findTableByName(d, name)!
      return relationshipInWords(relationshipOf(d, t, t.foreignKeys[0]!))
    }
    expect(words('orders')).toBe('Each orders row refers to exactly one users row; a users row has any number of orders rows.')
    expect(words('passports')).toBe('Each passports row refers to at most one users row (its key may be null); a users row has at most one passports row.')
    expect(words('staff')).toBe('Each staff row refers to at most one other staff row (its key may be null).')
  })
})
