import { relations, sql } from 'drizzle-orm'
import { boolean, check, foreignKey, index, inet, integer, jsonb, numeric, pgTable, type PgTableExtraConfigValue, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core'

/** People who can sign in and place orders. */
export const users = pgTable('users', {
  id: uuid().primaryKey().defaultRandom(),
  email: varchar({ length: 255 }).notNull(),
  passwordHash: varchar('password_hash', { length: 255 }).notNull(),
  fullName: varchar('full_name', { length: 255 }).notNull(),
  avatarUrl: text('avatar_url'),
  role: varchar({ length: 50 }).notNull().default('user'),
  isActive: boolean('is_active').notNull().default(true),
  emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  unique('users_email_key').on(t.email),
])

export const orders = pgTable('orders', {
  id: uuid().primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  status: varchar({ length: 50 }).notNull().default('pending'),
  totalAmount: numeric('total_amount', { precision: 10, scale: 2 }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t): PgTableExtraConfigValue[] => [
  foreignKey({ name: 'orders_user_id_fkey', columns: [t.userId], foreignColumns: [users.id] }).onDelete('cascade'),
  index('idx_orders_user_id').on(t.userId),
  index('idx_orders_status').on(t.status),
  index('idx_orders_created_at').on(t.createdAt.desc().nullsFirst()),
])

export const products = pgTable('products', {
  id: uuid().primaryKey().defaultRandom(),
  name: varchar({ length: 255 }).notNull(),
  price: numeric({ precision: 10, scale: 2 }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export const orderItems = pgTable('order_items', {
  id: uuid().primaryKey().defaultRandom(),
  orderId: uuid('order_id').notNull(),
  productId: uuid('product_id').notNull(),
  quantity: integer().notNull(),
  unitPrice: numeric('unit_price', { precision: 10, scale: 2 }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t): PgTableExtraConfigValue[] => [
  unique('order_items_order_id_product_id_key').on(t.orderId, t.productId),
  check('order_items_quantity_check', sql`quantity > 0`),
  foreignKey({ name: 'order_items_order_id_fkey', columns: [t.orderId], foreignColumns: [orders.id] }).onDelete('cascade'),
  foreignKey({ name: 'order_items_product_id_fkey', columns: [t.productId], foreignColumns: [products.id] }).onDelete('restrict'),
  index('idx_order_items_order_id').on(t.orderId),
  index('idx_order_items_product_id').on(t.productId),
])

export const settings = pgTable('settings', {
  id: uuid().primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  preferences: jsonb().notNull().default(sql`'{}'`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t): PgTableExtraConfigValue[] => [
  foreignKey({ name: 'settings_user_id_fkey', columns: [t.userId], foreignColumns: [users.id] }).onDelete('cascade'),
  index('idx_settings_preferences').using('gin', t.preferences),
])

export const auditLog = pgTable('audit_log', {
  id: uuid().primaryKey().defaultRandom(),
  tableName: varchar('table_name', { length: 100 }).notNull(),
  recordId: uuid('record_id').notNull(),
  /** INSERT, UPDATE or DELETE */
  action: varchar({ length: 20 }).notNull(),
  oldData: jsonb('old_data'),
  newData: jsonb('new_data'),
  userId: uuid('user_id'),
  ipAddress: inet('ip_address'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t): PgTableExtraConfigValue[] => [
  foreignKey({ name: 'audit_log_user_id_fkey', columns: [t.userId], foreignColumns: [users.id] }),
  index('idx_audit_log_table_record').on(t.tableName, t.recordId),
  index('idx_audit_log_created_at').on(t.createdAt.desc().nullsFirst()),
])

export const usersRelations = relations(users, ({ many }) => ({
  orders: many(orders),
  settings: many(settings),
  auditLogs: many(auditLog),
}))

export const ordersRelations = relations(orders, ({ one, many }) => ({
  user: one(users, { fields: [orders.userId], references: [users.id] }),
  orderItems: many(orderItems),
}))

export const productsRelations = relations(products, ({ many }) => ({
  orderItems: many(orderItems),
}))

export const orderItemsRelations = relations(orderItems, ({ one }) => ({
  order: one(orders, { fields: [orderItems.orderId], references: [orders.id] }),
  product: one(products, { fields: [orderItems.productId], references: [products.id] }),
}))

export const settingsRelations = relations(settings, ({ one }) => ({
  user: one(users, { fields: [settings.userId], references: [users.id] }),
}))

export const auditLogRelations = relations(auditLog, ({ one }) => ({
  user: one(users, { fields: [auditLog.userId], references: [users.id] }),
}))
