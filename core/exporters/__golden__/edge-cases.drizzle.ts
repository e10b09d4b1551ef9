import { relations, sql } from 'drizzle-orm'
import { bigint, bigserial, bit, boolean, char, check, customType, date, doublePrecision, foreignKey, index, integer, interval, jsonb, numeric, pgEnum, pgSchema, pgTable, type PgTableExtraConfigValue, primaryKey, smallint, text, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core'

export const billingSchema = pgSchema('billing')

export const orderStateEnum = pgEnum('Order State', ['new', "it's new", 'shipped "fast"', 'späť', 'back\\slash'])

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

const int4range = customType<{ data: string }>({ dataType: () => 'int4range' })

/** A table named with a reserved word. */
export const user = pgTable('user', {
  id: uuid().primaryKey().defaultRandom(),
  /** It's a column named select; 'quotes' too */
  select: text().notNull(),
  mixedCase: varchar('Mixed Case', { length: 10 }),
  weirdQuotedName: integer('weird "quoted" name').default(-1),
  emoji: boolean('emoji 🎉').default(false),
  eX: numeric('é名名名名名名名名名名名名名名名名名名名名x', { precision: 12, scale: 4 }).default(sql`0.5000`),
  state: orderStateEnum().notNull().default("it's new"),
  states: orderStateEnum().array(),
  price: numeric(),
  bigNumber: bigint('big-number', { mode: 'bigint' }).default(sql`9007199254740993`),
  payload: jsonb().default(sql`'{"a": "b''c"}'`),
  path: text().default('C:\\temp\\new'),
  ratio: doublePrecision().default(0.25),
  at: timestamp({ precision: 3 }),
  during: interval({ fields: 'day to second', precision: 2 }),
  bits: bit({ dimensions: 8 }),
  letters: char({ length: 2 }),
  matrix: integer().array().array(),
})

export const invoiceLines = billingSchema.table('Invoice Lines', {
  invoiceNo: integer('invoice_no').notNull(),
  lineNo: smallint('line_no').notNull(),
  amount: numeric({ precision: 19, scale: 4 }).notNull(),
  owner: uuid(),
}, (t): PgTableExtraConfigValue[] => [
  primaryKey({ name: 'pk_invoice_lines', columns: [t.invoiceNo, t.lineNo] }),
  check('amount is positive', sql`amount > (0)::numeric`),
  foreignKey({ name: 'Invoice Lines_owner_fkey', columns: [t.owner], foreignColumns: [user.id] }).onDelete('set null').onUpdate('cascade'),
])

export const allocations = billingSchema.table('allocations', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  invoiceNo: integer('invoice_no').notNull(),
  lineNo: smallint('line_no').notNull(),
  nextId: integer('next_id'),
}, (t): PgTableExtraConfigValue[] => [
  unique('allocations_invoice_no_line_no_key').on(t.invoiceNo, t.lineNo).nullsNotDistinct(),
  foreignKey({ name: 'allocations_invoice_no_line_no_fkey', columns: [t.invoiceNo, t.lineNo], foreignColumns: [invoiceLines.invoiceNo, invoiceLines.lineNo] }).onDelete('cascade'),
  foreignKey({ name: 'allocations_next_id_fkey', columns: [t.nextId], foreignColumns: [t.id] }),
])

export const a = pgTable('a', {
  id: integer().primaryKey(),
  bId: integer('b_id').notNull(),
}, (t): PgTableExtraConfigValue[] => [
  foreignKey({ name: 'a_b_id_fkey', columns: [t.bId], foreignColumns: [b.id] }),
])

export const b = pgTable('b', {
  id: integer().primaryKey(),
  aId: integer('a_id'),
}, (t): PgTableExtraConfigValue[] => [
  foreignKey({ name: 'b_a_id_fkey', columns: [t.aId], foreignColumns: [a.id] }),
])

export const events = pgTable('events', {
  id: bigint({ mode: 'bigint' }).notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  kind: text().notNull(),
  data: jsonb(),
}, (t) => [
  primaryKey({ name: 'events_pkey', columns: [t.id, t.occurredAt] }),
  index('events_kind_occurred_at_idx').on(t.kind, t.occurredAt.desc().nullsLast()),
  index('events_kind_hash').using('hash', t.kind),
])

export const documents = pgTable('documents', {
  id: bigserial({ mode: 'bigint' }).primaryKey(),
  title: text().notNull(),
  body: text(),
  search: tsvector().generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, COALESCE(title, ''::text))`),
  region: int4range(),
  created: date().notNull().default(sql`CURRENT_DATE`),
}, (t) => [
  index('documents_search').using('gin', t.search),
  index('documents_region').using('gist', t.region),
  index('documents_created_brin').using('brin', t.created),
  index('documents_title_spgist').using('spgist', t.title),
  index('documents_title_trgm').using('gin', t.title.op('gin_trgm_ops')),
  uniqueIndex('documents_lower_created_idx').on(sql`(lower(title))`, t.created.desc().nullsLast()).where(sql`body IS NOT NULL`),
  index('documents_title_body_idx').on(sql`title COLLATE "C" DESC`, t.body.nullsFirst()),
])

export const userRelations = relations(user, ({ many }) => ({
  invoiceLines: many(invoiceLines),
}))

export const invoiceLinesRelations = relations(invoiceLines, ({ one }) => ({
  user: one(user, { fields: [invoiceLines.owner], references: [user.id] }),
  allocation: one(allocations),
}))

export const allocationsRelations = relations(allocations, ({ one, many }) => ({
  invoiceLine: one(invoiceLines, { fields: [allocations.invoiceNo, allocations.lineNo], references: [invoiceLines.invoiceNo, invoiceLines.lineNo] }),
  next: one(allocations, { fields: [allocations.nextId], references: [allocations.id], relationName: 'allocations_next_id_fkey' }),
  allocations: many(allocations, { relationName: 'allocations_next_id_fkey' }),
}))

export const aRelations = relations(a, ({ one, many }) => ({
  b: one(b, { fields: [a.bId], references: [b.id], relationName: 'a_b_id_fkey' }),
  bs: many(b, { relationName: 'b_a_id_fkey' }),
}))

export const bRelations = relations(b, ({ one, many }) => ({
  as: many(a, { relationName: 'a_b_id_fkey' }),
  a: one(a, { fields: [b.aId], references: [a.id], relationName: 'b_a_id_fkey' }),
}))
