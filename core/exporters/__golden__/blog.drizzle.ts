import { relations, sql } from 'drizzle-orm'
import { bigint, check, customType, foreignKey, index, integer, pgEnum, pgTable, type PgTableExtraConfigValue, primaryKey, serial, text, timestamp, unique, varchar } from 'drizzle-orm/pg-core'

export const postStatusEnum = pgEnum('post_status', ['draft', 'review', 'published', 'archived'])

const citext = customType<{ data: string }>({ dataType: () => 'citext' })

export const authors = pgTable('authors', {
  id: bigint({ mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
  handle: citext().notNull(),
  displayName: text('display_name').notNull(),
  /** Shown on the author page; Markdown. */
  bio: text(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  unique('authors_handle_key').on(t.handle),
])

/** Articles, drafts included. */
export const posts = pgTable('posts', {
  id: bigint({ mode: 'bigint' }).primaryKey().generatedByDefaultAsIdentity(),
  authorId: bigint('author_id', { mode: 'bigint' }).notNull(),
  title: text().notNull(),
  slug: text().notNull(),
  status: postStatusEnum().notNull().default('draft'),
  body: text().notNull().default(''),
  tags: text().array().notNull().default([]),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  wordCount: integer('word_count').generatedAlwaysAs(sql`array_length(regexp_split_to_array(body, '\\s+'), 1)`),
}, (t): PgTableExtraConfigValue[] => [
  unique('uq_posts_author_slug').on(t.authorId, t.slug),
  check('ck_posts_published', sql`(status <> 'published'::post_status) OR (published_at IS NOT NULL)`),
  foreignKey({ name: 'posts_author_id_fkey', columns: [t.authorId], foreignColumns: [authors.id] }).onDelete('cascade'),
  index('posts_author_id_idx').on(t.authorId),
  index('idx_posts_published').on(t.publishedAt.desc().nullsLast()).where(sql`status = 'published'::post_status`),
  index('idx_posts_tags').using('gin', t.tags),
  index('idx_posts_title_lower').on(sql`(lower(title))`),
])

export const comments = pgTable('comments', {
  id: bigint({ mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
  postId: bigint('post_id', { mode: 'bigint' }).notNull(),
  parentId: bigint('parent_id', { mode: 'bigint' }),
  body: text().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t): PgTableExtraConfigValue[] => [
  foreignKey({ name: 'comments_post_id_fkey', columns: [t.postId], foreignColumns: [posts.id] }).onDelete('cascade'),
  foreignKey({ name: 'comments_parent_id_fkey', columns: [t.parentId], foreignColumns: [t.id] }).onDelete('set null'),
  index('comments_post_id_created_at_idx').on(t.postId, t.createdAt),
  index('comments_parent_id_idx').on(t.parentId).where(sql`parent_id IS NOT NULL`),
])

export const tags = pgTable('tags', {
  id: serial().primaryKey(),
  name: varchar({ length: 64 }).notNull(),
}, (t) => [
  unique('tags_name_key').on(t.name),
])

export const postTags = pgTable('post_tags', {
  postId: bigint('post_id', { mode: 'bigint' }).notNull(),
  tagId: integer('tag_id').notNull(),
}, (t): PgTableExtraConfigValue[] => [
  primaryKey({ name: 'post_tags_pkey', columns: [t.postId, t.tagId] }),
  foreignKey({ name: 'post_tags_post_id_fkey', columns: [t.postId], foreignColumns: [posts.id] }).onDelete('cascade'),
  foreignKey({ name: 'post_tags_tag_id_fkey', columns: [t.tagId], foreignColumns: [tags.id] }).onDelete('cascade'),
  index('post_tags_tag_id_idx').on(t.tagId),
])

export const authorsRelations = relations(authors, ({ many }) => ({
  posts: many(posts),
}))

export const postsRelations = relations(posts, ({ one, many }) => ({
  author: one(authors, { fields: [posts.authorId], references: [authors.id] }),
  comments: many(comments),
  postTags: many(postTags),
}))

export const commentsRelations = relations(comments, ({ one, many }) => ({
  post: one(posts, { fields: [comments.postId], references: [posts.id] }),
  parent: one(comments, { fields: [comments.parentId], references: [comments.id], relationName: 'comments_parent_id_fkey' }),
  comments: many(comments, { relationName: 'comments_parent_id_fkey' }),
}))

export const tagsRelations = relations(tags, ({ many }) => ({
  postTags: many(postTags),
}))

export const postTagsRelations = relations(postTags, ({ one }) => ({
  post: one(posts, { fields: [postTags.postId], references: [posts.id] }),
  tag: one(tags, { fields: [postTags.tagId], references: [tags.id] }),
}))
