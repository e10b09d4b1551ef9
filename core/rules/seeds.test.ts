/**
 * The seeds contain real defects: their own examples break their own rules. Their SQL examples
 * (and S3's Prisma schema) are imported and linted; each assertion is a finding a careful reviewer
 * would make, with the seed section it comes from.
 */
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { importers } from '../importers/index.ts'
import { lintSeed } from './utils/seed-findings.ts'
import type { SeedFinding } from './utils/seed-findings.ts'

const seedFiles = {
  S0: '000_63c80b6b45b5c285',
  S1: '001_03305bd4c4877675',
  S2: '002_b9beb5f8d5f82fd4',
  S3: '003_1a1a90fa8895b941',
  S4: '004_accb3547d9bc54c9',
} as const
type Seed = keyof typeof seedFiles

const findings = new Map<Seed, SeedFinding[]>()
const read = (seed: Seed) => readFileSync(new URL(`../../../shared/seeds/${seedFiles[seed]}.txt`, import.meta.url), 'utf8')
const has = (seed: Seed, rule: string, where: string) => findings.get(seed)!.some((f) => f.rule === rule && f.where === where)
const expectFinding = (seed: Seed, rule: string, where: string) =>
  expect(has(seed, rule, where), `${seed}: ${rule} on ${where}; found ${findings.get(seed)!.filter((f) => f.rule === rule).map((f) => f.where).join(', ') || 'none'}`).toBe(true)

describe.skipIf(!('postgres' in importers && 'prisma' in importers))('the seeds, linted', () => {
  beforeAll(async () => {
    for (const seed of Object.keys(seedFiles) as Seed[]) findings.set(seed, (await lintSeed(read(seed))).findings)
  })

  it('S0: SET NULL on a NOT NULL column, the partitioned events without a key, its own naming slips', () => {
    expectFinding('S0', 'fk-action-impossible', 'comments.user_id')
    expectFinding('S0', 'partition-key-in-unique', 'events')
    expectFinding('S0', 'redundant-index', 'users.idx_users_email')
    expectFinding('S0', 'constraint-name-convention', 'employees.fk_employee_manager')
    expectFinding('S0', 'constraint-name-convention', 'subscriptions.ck_subscription_dates')
    expectFinding('S0', 'non-atomic-column', 'users_bad.phone_numbers')
    expectFinding('S0', 'transitive-dependency', 'employees_bad.department_name')
    expectFinding('S0', 'missing-foreign-key', 'employees_bad.department_id')
    expectFinding('S0', 'derived-column-unguarded', 'orders.item_count')
    expectFinding('S0', 'prefer-identity', 'products.id')
    expectFinding('S0', 'pk-type-policy', 'posts.id')
  })

  it('S1: TIMESTAMP despite its own rule, indexes that repeat UNIQUEs, an unhashed token, a nullable cascade', () => {
    expectFinding('S1', 'prefer-timestamptz', 'users.created_at')
    expectFinding('S1', 'redundant-index', 'users.idx_users_email')
    expectFinding('S1', 'redundant-index', 'sessions.idx_sessions_token')
    expectFinding('S1', 'unconstrained-status', 'users.role')
    expectFinding('S1', 'sensitive-plaintext', 'sessions.token')
    expectFinding('S1', 'cardinality-mismatch', 'sessions.user_id')
    expectFinding('S1', 'useless-partial-index', 'users.status')
  })

  it('S2: a clock in a CHECK, partitioned tables without keys, a constant partial index', () => {
    expectFinding('S2', 'check-non-immutable', 'users.chk_age_restriction')
    expectFinding('S2', 'partition-key-in-unique', 'events')
    expectFinding('S2', 'partition-key-in-unique', 'users')
    expectFinding('S2', 'useless-partial-index', 'users.deleted_at')
    expectFinding('S2', 'redundant-index', 'users.idx_users_email')
    expectFinding('S2', 'pk-column-name', 'users.user_id')
    expectFinding('S2', 'soft-delete-unique', 'users.users_email_key')
    expectFinding('S2', 'tenant-rls', 'users.tenant_id')
    expect(has('S2', 'tenant-rls', 'tenants.tenant_id'), 'the tenants table itself is not shared').toBe(false)
  })

  it('S3: @@check with field names, app-only cuid keys, UTC timestamps, BIGINT cents, indexes on booleans', () => {
    expect(findings.get('S3')!.some((f) => f.rule === 'check-invalid' && f.where.startsWith('Order.') && /shippingCost/.test(f.message))).toBe(true)
    expectFinding('S3', 'pk-type-policy', 'User.id')
    expectFinding('S3', 'prefer-timestamptz', 'Order.createdAt')
    expectFinding('S3', 'money-representation', 'Order.total')
    expectFinding('S3', 'low-selectivity-index', 'Product.isActive')
    expectFinding('S3', 'redundant-index', 'Order.Order_orderNumber_idx')
    expectFinding('S3', 'soft-delete-unique', 'User.User_email_key')
    expectFinding('S3', 'missing-foreign-key', 'InventoryTransaction.createdBy')
    expectFinding('S3', 'derived-column-unguarded', 'OrderItem.lineTotal')
    expectFinding('S3', 'semantic-type', 'AuditLog.ipAddress')
  })

  it('S4: the free-text role and status, a redundant index next to its UNIQUE, an unindexed key', () => {
    expectFinding('S4', 'unconstrained-status', 'users.role')
    expectFinding('S4', 'unconstrained-status', 'orders.status')
    expectFinding('S4', 'redundant-index', 'order_items.idx_order_items_order_id')
    expectFinding('S4', 'fk-missing-index', 'settings.settings_user_id_fkey')
    expectFinding('S4', 'table-name-number', 'audit_log')
    expect(has('S4', 'junction-key', 'order_items'), 'order_items has its UNIQUE').toBe(false)
  })
})
