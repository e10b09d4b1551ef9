/** A small design with rows to protect, for the migration-safety rule tests. */
import * as edits from '../model/edits.ts'
import type { Schema } from '../model/schema.ts'
import { col, schema, sql, table } from './build.ts'
import { columnNamed, constraintOf, enumNamed, labelNamed, tableNamed } from './by-name.ts'
import { deepFreeze } from './freeze.ts'

export const accounts: Schema = deepFreeze(
  schema(
    {
      users: table({ id: col('uuid').primaryKey().default(sql`gen_random_uuid()`), email: col('varchar(255)').notNull(), name: col('text'), plan: col('plan').notNull().default('free') }),
      orders: table(
        { id: col('bigint').primaryKey(), user_id: col('uuid').notNull().references('users.id', { onDelete: 'cascade' }), total: col('numeric(10,2)').notNull(), note: col('text') },
        { indexes: [{ name: 'idx_orders_user_id', keys: ['user_id'] }] },
      ),
    },
    { enums: { plan: ['free', 'pro', 'team'] } },
  ),
)

export const T = (s: Schema, t: string) => tableNamed(s, t).id
export const C = (s: Schema, t: string, c: string) => columnNamed(s, t, c).id
export { constraintOf, edits, enumNamed, labelNamed }

/** A new table: nothing in it yet, so nothing to protect. */
export function withNewTable(s: Schema): Schema {
  return edits.addTable(s, {
    id: 'tb_fresh' as never,
    name: 'invoices',
    namespaceId: s.namespaces[0]!.id,
    columns: [
      { id: 'co_fresh_id' as never, name: 'id', type: { kind: 'builtin', name: 'bigint', arrayDims: 0 }, nullable: false },
      { id: 'co_fresh_no' as never, name: 'number', type: { kind: 'builtin', name: 'text', arrayDims: 0 }, nullable: false },
      { id: 'co_fresh_user' as never, name: 'user_id', type: { kind: 'builtin', name: 'uuid', arrayDims: 0 }, nullable: false },
    ],
    primaryKey: { kind: 'primaryKey', id: 'cn_fresh_pk' as never, columns: ['co_fresh_id' as never] },
    uniques: [{ kind: 'unique', id: 'cn_fresh_no' as never, columns: ['co_fresh_no' as never] }],
    checks: [{ kind: 'check', id: 'cn_fresh_ck' as never, name: 'invoices_number_check', expression: "number <> ''" }],
    foreignKeys: [{ kind: 'foreignKey', id: 'cn_fresh_fk' as never, columns: ['co_fresh_user' as never], target: { tableId: tableNamed(s, 'users').id, columns: [columnNamed(s, 'users', 'id').id] } }],
    indexes: [{ id: 'ix_fresh' as never, unique: false, method: 'btree', keys: [{ kind: 'column', columnId: 'co_fresh_user' as never }], include: [] }],
  })
}
