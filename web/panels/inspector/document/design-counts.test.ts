import { describe, expect, it } from 'vitest'
import { col, schema, table } from '../../../../core/testing/build.ts'
import { designCounts, namespaceUse } from './design-counts.ts'

describe('design counts', () => {
  it('counts tables, columns, relationships, keys, indexes and enums', () => {
    const s = schema(
      {
        users: table({ id: col('uuid').primaryKey(), email: col('text').unique() }, { indexes: [{ keys: ['email'] }] }),
        'billing.invoices': table({ id: col('uuid').primaryKey(), user_id: col('uuid').references('users.id'), state: col('billing.state') }),
      },
      { enums: { 'billing.state': ['open', 'paid'] } },
    )
    expect(Object.fromEntries(designCounts(s))).toEqual({ Tables: 2, Columns: 5, Relationships: 1, Constraints: 3, Indexes: 1, Enums: 1 })
    const use = [...namespaceUse(s).entries()].map(([id, u]) => [s.namespaces.find((n) => n.id === id)!.name, u])
    expect(Object.fromEntries(use)).toEqual({ public: { tables: 1, enums: 0 }, billing: { tables: 1, enums: 1 } })
  })
})
